import { describe, expect, it } from '@jest/globals';
import { requireInstrument } from '../registry.js';
import { InstrumentValidationError, isCase, scoreResponse, severityBand, validateAnswers } from '../scoring.js';

const PHQ9 = requireInstrument('PHQ9');
const GAD7 = requireInstrument('GAD7');
const ALLIANCE4 = requireInstrument('ALLIANCE4');

/** PHQ-9 answers adding up to `total`, filled from the first item. */
function phq9Answers(total: number): number[] {
  return Array.from({ length: 9 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
}

describe('scoreResponse', () => {
  it('sums the answers and names the band and caseness', () => {
    expect(scoreResponse(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 3])).toEqual({ total: 27, band: 'severe', isCase: true });
    expect(scoreResponse(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ total: 0, band: 'minimal', isCase: false });
  });

  it.each([
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately severe', true],
    [19, 'moderately severe', true],
    [20, 'severe', true],
  ])('PHQ-9 total %i is %s, case %s', (total, band, caseness) => {
    expect(scoreResponse(PHQ9, phq9Answers(total))).toEqual({ total, band, isCase: caseness });
  });

  it('counts GAD-7 as a case from 8, not 7', () => {
    expect(scoreResponse(GAD7, [2, 2, 2, 2, 0, 0, 0]).isCase).toBe(true);
    expect(scoreResponse(GAD7, [2, 2, 2, 1, 0, 0, 0]).isCase).toBe(false);
  });

  it('reads alliance caseness as a concern below 36', () => {
    expect(scoreResponse(ALLIANCE4, [9, 9, 9, 8])).toEqual({ total: 35, band: 'concern', isCase: true });
    expect(scoreResponse(ALLIANCE4, [9, 9, 9, 9])).toEqual({ total: 36, band: 'good', isCase: false });
  });

  it('scores goal progress with no band or caseness', () => {
    expect(scoreResponse(requireInstrument('GOAL'), [7])).toEqual({ total: 7 });
  });

  it('rejects an answer above the range, naming the item and range', () => {
    expect(() => scoreResponse(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 4])).toThrow(
      'answers[8]: PHQ9 item 9 (phq9_9) must be a whole number from 0 to 3, got 4',
    );
  });

  it('reports every bad answer at once', () => {
    try {
      scoreResponse(PHQ9, [1, -1, 1.5, 1, 1, 1, 1]);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(InstrumentValidationError);
      expect((error as InstrumentValidationError).issues).toEqual([
        { field: 'answers[1]', message: 'PHQ9 item 2 (phq9_2) must be a whole number from 0 to 3, got -1' },
        { field: 'answers[2]', message: 'PHQ9 item 3 (phq9_3) must be a whole number from 0 to 3, got 1.5' },
        { field: 'answers[7]', message: 'PHQ9 item 8 (phq9_8) is missing; it needs a whole number from 0 to 3' },
        { field: 'answers[8]', message: 'PHQ9 item 9 (phq9_9) is missing; it needs a whole number from 0 to 3' },
      ]);
    }
  });
});

describe('validateAnswers', () => {
  it('accepts a complete, in-range response', () => {
    expect(validateAnswers(ALLIANCE4, [0, 10, 5, 7])).toEqual([]);
  });

  it('flags null, text and extra answers from untyped input', () => {
    expect(validateAnswers(ALLIANCE4, [null, '7', 5, 7, 3])).toEqual([
      { field: 'answers[0]', message: 'ALLIANCE4 item 1 (heard) is missing; it needs a whole number from 0 to 10' },
      { field: 'answers[1]', message: 'ALLIANCE4 item 2 (goals) must be a whole number from 0 to 10, got "7"' },
      { field: 'answers', message: 'ALLIANCE4 has 4 items, got 5 answers' },
    ]);
  });

  it('rejects something that is not a list', () => {
    expect(validateAnswers(GAD7, { 0: 1 })).toEqual([{ field: 'answers', message: 'GAD7 needs a list of 7 answers' }]);
  });
});

describe('severityBand and isCase', () => {
  it('look up by code', () => {
    expect(severityBand('GAD7', 15)).toBe('severe');
    expect(severityBand('GAD7', 14)).toBe('moderate');
    expect(severityBand('GOAL', 5)).toBeNull();
    expect(severityBand('PHQ9', 28)).toBeNull();
    expect(isCase('PHQ9', 10)).toBe(true);
    expect(isCase('PHQ9', 9)).toBe(false);
    expect(isCase('GOAL', 3)).toBeNull();
  });
});
