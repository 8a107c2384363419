export type ScoreDirection = 'HIGHER_IS_WORSE' | 'HIGHER_IS_BETTER';

export interface InstrumentItem {
  /** Stable id, unique within the instrument; answers are given in item order. */
  id: string;
  text: string;
  loinc?: string;
  min: number;
  max: number;
  /** Words shown at the two ends of a 0-10 style scale. */
  anchors?: { min: string; max: string };
}

/** A named score range, inclusive at both ends (e.g. PHQ-9 'moderate' 10-14). */
export interface SeverityBand {
  label: string;
  min: number;
  max: number;
}

/** One labelled answer shared by every item (e.g. PHQ-9's 'Several days' = 1). */
export interface ResponseOption {
  value: number;
  label: string;
}

/**
 * An instrument as data. The total is the sum of the item answers. `casenessCutoff` reads with the
 * direction: HIGHER_IS_WORSE counts a case at total >= cutoff (PHQ-9 >= 10), HIGHER_IS_BETTER counts
 * a concern at total < cutoff (ALLIANCE4 < 36).
 */
export interface InstrumentDefinition {
  code: string;
  version: string;
  title: string;
  /** Label for tight spaces and flag wording, e.g. 'PHQ-9'. Defaults to the code. */
  shortTitle?: string;
  /** The question stem shown above the items. */
  prompt?: string;
  responseOptions?: readonly ResponseOption[];
  items: readonly InstrumentItem[];
  total: { min: number; max: number };
  direction: ScoreDirection;
  bands?: readonly SeverityBand[];
  casenessCutoff?: number;
  /** Points of change that count as reliable (Jacobson & Truax), e.g. PHQ-9 6. */
  reliableChange?: number;
  licence: string;
  loinc?: { panel: string; total: string };
}

export interface ScoreResult {
  total: number;
  band?: string;
  /** Present when the instrument has a caseness cutoff; for ALLIANCE4 true means "concern". */
  isCase?: boolean;
}
