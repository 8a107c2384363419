export interface ChartMargin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Margins shared by every chart on a timeline, so one date sits at the same x in each. */
export const TIMELINE_MARGIN: ChartMargin = { top: 14, right: 20, bottom: 26, left: 48 };

/** The plot area's width inside the margin (never negative). */
export function innerWidthOf(width: number, margin: ChartMargin = TIMELINE_MARGIN): number {
  return Math.max(0, width - margin.left - margin.right);
}

/** The plot area's height inside the margin. */
export function innerHeightOf(height: number, margin: ChartMargin = TIMELINE_MARGIN): number {
  return height - margin.top - margin.bottom;
}
