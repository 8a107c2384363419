import type { ValidationIssue } from '../validation.js';
import { resolveInstrument } from './registry.js';
import type { InstrumentDefinition, ScoreResult } from './types.js';

/** Thrown by scoreResponse; `issues` name each bad answer and its allowed range. */
export class InstrumentValidationError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.name = 'InstrumentValidationError';
  }
}

// Quote text so "7" (a string) is not mistaken for 7 in the error.
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Checks one answer per item, in item order, each a whole number within the item's range. */
export function validateAnswers(definition: InstrumentDefinition, value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) {
    return [{ field: 'answers', message: `${definition.code} needs a list of ${definition.items.length} answers` }];
  }
  const answers: readonly unknown[] = value;
  const issues: ValidationIssue[] = [];
  definition.items.forEach((item, index) => {
    const answer: unknown = answers[index];
    const name = `${definition.code} item ${index + 1} (${item.id})`;
    const range = `a whole number from ${item.min} to ${item.max}`;
    if (answer === undefined || answer === null) {
      issues.push({ field: `answers[${index}]`, message: `${name} is missing; it needs ${range}` });
    } else if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < item.min || answer > item.max) {
      issues.push({ field: `answers[${index}]`, message: `${name} must be ${range}, got ${shown(answer)}` });
    }
  });
  if (answers.length > definition.items.length) {
    issues.push({
      field: 'answers',
      message: `${definition.code} has ${definition.items.length} items, got ${answers.length} answers`,
    });
  }
  return issues;
}

/** Band label containing a total, or null when the instrument has no bands or the total is outside them. */
export function severityBand(instrument: string | InstrumentDefinition, total: number): string | null {
  const band = resolveInstrument(instrument).bands?.find((b) => total >= b.min && total <= b.max);
  return band?.label ?? null;
}

/** Caseness read with the direction (>= cutoff when higher is worse, < cutoff when higher is better). */
export function isCase(instrument: string | InstrumentDefinition, total: number): boolean | null {
  const definition = resolveInstrument(instrument);
  const cutoff = definition.casenessCutoff;
  if (cutoff === undefined) return null;
  return definition.direction === 'HIGHER_IS_WORSE' ? total >= cutoff : total < cutoff;
}

/** Sums the answers; throws InstrumentValidationError if any answer is missing, fractional or out of range. */
export function scoreResponse(definition: InstrumentDefinition, answers: readonly number[]): ScoreResult {
  const issues = validateAnswers(definition, answers);
  if (issues.length > 0) throw new InstrumentValidationError(issues);
  const total = answers.reduce((sum, answer) => sum + answer, 0);
  const result: ScoreResult = { total };
  const band = severityBand(definition, total);
  if (band !== null) result.band = band;
  const caseness = isCase(definition, total);
  if (caseness !== null) result.isCase = caseness;
  return result;
}
