import { resolveInstrument } from '../instruments/registry.js';
import type { InstrumentDefinition } from '../instruments/types.js';

/** Two-sided 95% critical value used by Jacobson & Truax (1991). */
export const RELIABLE_CHANGE_Z = 1.96;

export type ChangeClass = 'RELIABLE_IMPROVEMENT' | 'RELIABLE_DETERIORATION' | 'NO_RELIABLE_CHANGE';

function standardErrorOfDifference(sd: number, reliability: number): number {
  if (!(sd > 0)) throw new RangeError(`SD must be positive, got ${sd}`);
  if (!(reliability >= 0 && reliability < 1)) throw new RangeError(`Reliability must be in [0, 1), got ${reliability}`);
  return sd * Math.sqrt(2) * Math.sqrt(1 - reliability);
}

/**
 * Reliable Change Index, Jacobson N.S. & Truax P. (1991) "Clinical significance: a statistical
 * approach to defining meaningful change in psychotherapy research", J Consult Clin Psychol 59(1):12-19:
 * RCI = (x2 - x1) / S_diff, where S_diff = SD * sqrt(2) * sqrt(1 - r) and SD is the pre-treatment
 * (or normative) standard deviation and r the test-retest reliability.
 */
export function reliableChangeIndex(x1: number, x2: number, sd: number, reliability: number): number {
  return (x2 - x1) / standardErrorOfDifference(sd, reliability);
}

/** Jacobson & Truax (1991): a change is reliable when |RCI| > 1.96 (p < .05, two-sided). */
export function isReliable(rci: number): boolean {
  return Math.abs(rci) > RELIABLE_CHANGE_Z;
}

/** Points of change needed for reliability, Jacobson & Truax (1991): 1.96 * SD * sqrt(2) * sqrt(1 - r). */
export function reliableChangeThreshold(sd: number, reliability: number): number {
  return RELIABLE_CHANGE_Z * standardErrorOfDifference(sd, reliability);
}

/**
 * Classifies first-to-last change against the instrument's published point threshold (PHQ-9 6,
 * GAD-7 4 in the NHS Talking Therapies manual); a change of exactly the threshold counts.
 */
export function classifyChange(instrument: string | InstrumentDefinition, first: number, last: number): ChangeClass {
  const definition = resolveInstrument(instrument);
  const threshold = definition.reliableChange;
  if (threshold === undefined) throw new RangeError(`${definition.code} has no reliable-change threshold`);
  // Positive `gain` is always an improvement, whichever way the scale runs.
  const gain = definition.direction === 'HIGHER_IS_WORSE' ? first - last : last - first;
  if (gain >= threshold) return 'RELIABLE_IMPROVEMENT';
  if (-gain >= threshold) return 'RELIABLE_DETERIORATION';
  return 'NO_RELIABLE_CHANGE';
}
