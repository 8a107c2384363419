import { describe, expect, it } from '@jest/globals';
import { validateInstrumentDefinition } from '../validate-definition.js';

// Shaped like a practice's licensed four-scale outcome measure; wording is placeholder, since we
// never ship a licensed instrument's text.
function practiceInstrument(): Record<string, unknown> {
  return {
    code: 'PRACTICE_OUTCOME',
    version: '2',
    title: 'Practice outcome rating',
    items: ['Scale A', 'Scale B', 'Scale C', 'Scale D'].map((text, i) => ({
      id: `scale_${i + 1}`,
      text,
      min: 0,
      max: 10,
      anchors: { min: 'Low', max: 'High' },
    })),
    total: { min: 0, max: 40 },
    direction: 'HIGHER_IS_BETTER',
    bands: [
      { label: 'clinical range', min: 0, max: 24 },
      { label: 'non-clinical range', min: 25, max: 40 },
    ],
    casenessCutoff: 25,
    reliableChange: 5,
    licence: 'Licensed to the practice until 2027-01-01',
  };
}

function withChange(change: (definition: Record<string, unknown>) => void): Record<string, unknown> {
  const definition = practiceInstrument();
  change(definition);
  return definition;
}

describe('validateInstrumentDefinition', () => {
  it('accepts a well-formed practice instrument', () => {
    expect(validateInstrumentDefinition(practiceInstrument())).toEqual([]);
  });

  it('rejects something that is not an object', () => {
    expect(validateInstrumentDefinition('PHQ9')).toEqual([{ field: 'definition', message: 'must be an object' }]);
  });

  it('names missing and malformed top-level fields', () => {
    const issues = validateInstrumentDefinition(
      withChange((d) => {
        delete d.title;
        d.code = 'ors';
        d.direction = 'UP';
        d.licence = ' ';
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'title', message: 'must be non-empty text' },
        { field: 'code', message: 'must be 2-32 capital letters, digits or underscores, starting with a letter' },
        { field: 'direction', message: 'must be HIGHER_IS_WORSE or HIGHER_IS_BETTER' },
        { field: 'licence', message: 'must be non-empty text' },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it('names the item field that is wrong', () => {
    const issues = validateInstrumentDefinition(
      withChange((d) => {
        const items = d.items as Record<string, unknown>[];
        items[1] = { ...items[1], max: 0 };
        items[2] = { ...items[2], id: 'scale_1', loinc: '12345' };
        items[3] = { ...items[3], min: 0.5, colour: 'red' };
      }),
    );
    expect(issues).toEqual([
      { field: 'items[1].max', message: 'must be greater than min (0)' },
      { field: 'items[2].id', message: 'duplicates another item\'s id "scale_1"' },
      { field: 'items[2].loinc', message: 'must be a LOINC code such as 44261-6' },
      { field: 'items[3].colour', message: 'is not a known field' },
      { field: 'items[3].min', message: 'must be a whole number' },
    ]);
  });

  it('requires the total range to be the sum of the item ranges', () => {
    expect(validateInstrumentDefinition(withChange((d) => (d.total = { min: 0, max: 50 })))).toEqual([
      { field: 'total.max', message: 'must be 40, the sum of the item maximums' },
      // The bands are checked against the declared total, so they are reported too.
      { field: 'bands[1].max', message: 'must be 50, the highest possible total' },
    ]);
  });

  it('requires bands to cover the total range without gaps or overlaps', () => {
    const gap = withChange(
      (d) =>
        (d.bands = [
          { label: 'low', min: 0, max: 20 },
          { label: 'high', min: 22, max: 40 },
        ]),
    );
    expect(validateInstrumentDefinition(gap)).toEqual([
      { field: 'bands[1].min', message: 'must be 21 so bands cover the total range without gaps or overlaps' },
    ]);
    const short = withChange(
      (d) =>
        (d.bands = [
          { label: 'low', min: 0, max: 20 },
          { label: 'high', min: 21, max: 39 },
        ]),
    );
    expect(validateInstrumentDefinition(short)).toEqual([
      { field: 'bands[1].max', message: 'must be 40, the highest possible total' },
    ]);
  });

  it('keeps the caseness cutoff and reliable change inside the scale', () => {
    const issues = validateInstrumentDefinition(
      withChange((d) => {
        d.casenessCutoff = 41;
        d.reliableChange = 0;
      }),
    );
    expect(issues).toEqual([
      { field: 'casenessCutoff', message: 'must lie within the total range 0-40' },
      { field: 'reliableChange', message: 'must be a positive number of points' },
    ]);
  });

  it('checks optional LOINC codes and rejects unknown fields', () => {
    const issues = validateInstrumentDefinition(
      withChange((d) => {
        d.loinc = { panel: '44249-1' };
        d.cutoff = 25;
      }),
    );
    expect(issues).toEqual([
      { field: 'cutoff', message: 'is not a known field' },
      { field: 'loinc.total', message: 'must be a LOINC code such as 44261-6' },
    ]);
  });

  it('rejects an empty item list', () => {
    expect(validateInstrumentDefinition(withChange((d) => (d.items = [])))).toEqual([
      { field: 'items', message: 'must be a non-empty list' },
    ]);
  });
});
