import { describe, expect, it } from '@jest/globals';
import { getInstrument, listInstruments, requireInstrument } from '../registry.js';
import { validateInstrumentDefinition } from '../validate-definition.js';

describe('instrument registry', () => {
  it('lists the four built-in instruments', () => {
    expect(listInstruments().map((i) => i.code)).toEqual(['PHQ9', 'GAD7', 'ALLIANCE4', 'GOAL']);
  });

  it('carries the PHQ-9 LOINC codes from the design, item 9 last', () => {
    const phq9 = requireInstrument('PHQ9');
    expect(phq9.loinc).toEqual({ panel: '44249-1', total: '44261-6' });
    expect(phq9.items.map((item) => item.loinc)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
    ]);
    expect(phq9.items[8]?.text).toMatch(/better off dead/);
    expect(phq9.items.every((item) => item.min === 0 && item.max === 3)).toBe(true);
    expect(phq9).toMatchObject({
      total: { min: 0, max: 27 },
      casenessCutoff: 10,
      reliableChange: 6,
      direction: 'HIGHER_IS_WORSE',
    });
  });

  it('carries the GAD-7 LOINC codes from the design', () => {
    const gad7 = requireInstrument('GAD7');
    expect(gad7.loinc).toEqual({ panel: '69737-5', total: '70274-6' });
    expect(gad7.items.map((item) => item.loinc)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    expect(gad7).toMatchObject({ total: { min: 0, max: 21 }, casenessCutoff: 8, reliableChange: 4 });
  });

  it('defines the alliance rating as four 0-10 items with anchors, higher is better', () => {
    const alliance = requireInstrument('ALLIANCE4');
    expect(alliance.items.map((item) => item.text)).toEqual([
      'I felt heard and respected',
      'We worked on what I wanted to work on',
      'The approach fits me',
      "Overall, today's session was right for me",
    ]);
    expect(alliance.items.every((item) => item.min === 0 && item.max === 10 && item.anchors)).toBe(true);
    expect(alliance).toMatchObject({ total: { min: 0, max: 40 }, direction: 'HIGHER_IS_BETTER', casenessCutoff: 36 });
    expect(alliance.loinc).toBeUndefined();
  });

  it('defines goal progress as a single 0-10 rating', () => {
    const goal = requireInstrument('GOAL');
    expect(goal.items).toHaveLength(1);
    expect(goal.items[0]).toMatchObject({ min: 0, max: 10 });
    expect(goal.total).toEqual({ min: 0, max: 10 });
  });

  it('holds every built-in to the same schema practices must meet', () => {
    for (const definition of listInstruments()) {
      expect(validateInstrumentDefinition(definition)).toEqual([]);
    }
  });

  it('returns undefined for an unknown code and requireInstrument throws', () => {
    expect(getInstrument('ORS')).toBeUndefined();
    expect(() => requireInstrument('ORS')).toThrow(/Unknown instrument "ORS"/);
  });

  it('does not let a caller change a built-in threshold', () => {
    const phq9 = requireInstrument('PHQ9');
    expect(() => {
      (phq9 as { casenessCutoff?: number }).casenessCutoff = 5;
    }).toThrow(TypeError);
    expect(requireInstrument('PHQ9').casenessCutoff).toBe(10);
  });
});
