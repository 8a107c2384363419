import { ALLIANCE4 } from './alliance4.js';
import { GAD7 } from './gad7.js';
import { GOAL } from './goal.js';
import { PHQ9 } from './phq9.js';
import type { InstrumentDefinition } from './types.js';

export type BuiltInInstrumentCode = 'PHQ9' | 'GAD7' | 'ALLIANCE4' | 'GOAL';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

// Frozen so a caller cannot change a threshold for every other caller in the process.
const BUILT_IN: ReadonlyMap<string, InstrumentDefinition> = new Map(
  [PHQ9, GAD7, ALLIANCE4, GOAL].map((definition) => [definition.code, deepFreeze(definition)]),
);

/** The built-in definition for a code, or undefined (practice-supplied ones live in the database). */
export function getInstrument(code: string): InstrumentDefinition | undefined {
  return BUILT_IN.get(code);
}

/** Like getInstrument, but an unknown code is a programming error. */
export function requireInstrument(code: string): InstrumentDefinition {
  const definition = BUILT_IN.get(code);
  if (!definition) throw new RangeError(`Unknown instrument "${code}"`);
  return definition;
}

export function listInstruments(): readonly InstrumentDefinition[] {
  return [...BUILT_IN.values()];
}

/** Accepts a code or a definition, so practice-supplied instruments work wherever built-ins do. */
export function resolveInstrument(instrument: string | InstrumentDefinition): InstrumentDefinition {
  return typeof instrument === 'string' ? requireInstrument(instrument) : instrument;
}
