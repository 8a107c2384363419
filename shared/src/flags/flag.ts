import { FLAG_RULE_VERSION } from './settings.js';
import { FLAG_SEVERITY, type Flag, type FlagKind, type RecordRef, type TriggersByKind } from './types.js';

// Thresholds are compared with a little slack so that a mean or slope landing exactly on a
// boundary (3 = 9/3) is not lost to floating-point rounding.
const EPSILON = 1e-9;

export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

export function atMost(value: number, threshold: number): boolean {
  return value <= threshold + EPSILON;
}

/** A flag of `kind` carrying the triggers that fired, or null when none did. */
export function raise<K extends FlagKind>(kind: K, triggers: TriggersByKind[K][]): Flag<K> | null {
  if (triggers.length === 0) return null;
  return { kind, severity: FLAG_SEVERITY[kind], evidence: { ruleVersion: FLAG_RULE_VERSION, triggers } };
}

/** Copies only the id and timestamp of a data point into evidence (never notes or free text). */
export function refOf(point: RecordRef): RecordRef {
  const ref: RecordRef = {};
  if (point.id !== undefined) ref.id = point.id;
  if (point.at !== undefined) ref.at = point.at;
  return ref;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
