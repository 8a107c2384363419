export interface ChartMargin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Margins shared by every chart on a timeline, so one date sits at the same x in each. */
export const TIMELINE_MARGIN: ChartMargin = { top: 14, right: 20, bottom: 26, left: 48 };

export function innerWidthOf(width: number): number {
  return Math.max(0, width - TIMELINE_MARGIN.left - TIMELINE_MARGIN.right);
}
