import { describe, expect, it } from '@jest/globals';
import { evaluateAllianceRupture } from '../alliance-rupture.js';
import type { AllianceRatingPoint } from '../types.js';

/** An ALLIANCE4 rating with the given total, spread so no item is at or below 5 (totals 24-40). */
function rated(total: number, id?: string): AllianceRatingPoint {
  const base = Math.floor(total / 4);
  const answers = [0, 1, 2, 3].map((i) => base + (i < total % 4 ? 1 : 0));
  return id === undefined ? { answers } : { id, answers };
}

const rules = (ratings: AllianceRatingPoint[]) =>
  evaluateAllianceRupture(ratings)?.evidence.triggers.map((t) => t.rule) ?? [];

describe('ALLIANCE_RUPTURE: total below 36', () => {
  it('fires at 35, high severity', () => {
    const flag = evaluateAllianceRupture([{ id: 'r1', answers: [9, 9, 9, 8] }]);
    expect(flag).toMatchObject({ kind: 'ALLIANCE_RUPTURE', severity: 'HIGH' });
    expect(flag?.evidence.triggers).toEqual([
      { rule: 'ALLIANCE_TOTAL_LOW', total: 35, below: 36, rating: { id: 'r1' } },
    ]);
  });

  it('does not fire at 36', () => {
    expect(evaluateAllianceRupture([{ answers: [9, 9, 9, 9] }])).toBeNull();
  });
});

describe('ALLIANCE_RUPTURE: an item 3 below its previous rating', () => {
  it('fires when one item falls 3 while the total rises (36 then 37), which the total rules miss', () => {
    // 8 + 10 + 10 + 8 = 36, then 10 + 7 + 10 + 10 = 37: total above 36 and no drop; "worked on" 10 -> 7.
    const flag = evaluateAllianceRupture([
      { id: 'before', answers: [8, 10, 10, 8] },
      { id: 'now', answers: [10, 7, 10, 10] },
    ]);
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'ALLIANCE_ITEM_DROP',
        itemId: 'goals',
        itemText: expect.any(String),
        value: 7,
        previous: 10,
        drop: 3,
        atLeast: 3,
        rating: { id: 'now' },
        previousRating: { id: 'before' },
      },
    ]);
  });

  it('does not fire on a fall of 2 in an item', () => {
    expect(evaluateAllianceRupture([{ answers: [8, 10, 10, 8] }, { answers: [10, 8, 10, 10] }])).toBeNull();
  });

  it('compares with the previous rating only, not an older one', () => {
    // 10 -> 9 -> 7: 3 below the rating two back, 2 below the previous one.
    const ratings = [{ answers: [10, 10, 10, 10] }, { answers: [10, 9, 10, 10] }, { answers: [10, 7, 10, 10] }];
    expect(rules(ratings)).not.toContain('ALLIANCE_ITEM_DROP');
  });

  it('needs a previous rating: a first rating of 10, 10, 10, 5 fires on its total only', () => {
    expect(rules([{ answers: [10, 10, 10, 5] }])).toEqual(['ALLIANCE_TOTAL_LOW']);
  });
});

describe('ALLIANCE_RUPTURE: drop of 3 from the mean of the previous 3', () => {
  it('fires on a drop of exactly 3 (mean 39 → 36)', () => {
    const flag = evaluateAllianceRupture([rated(38), rated(39), rated(40), rated(36, 'latest')]);
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'ALLIANCE_DROP',
        total: 36,
        previousTotals: [38, 39, 40],
        previousMean: 39,
        drop: 3,
        atLeast: 3,
        rating: { id: 'latest' },
      },
    ]);
  });

  it('does not fire one step inside: a drop of 2⅔ (mean 38⅔ → 36)', () => {
    // Totals are whole numbers, so over three ratings the nearest drop below 3 is 2⅔.
    expect(evaluateAllianceRupture([rated(39), rated(39), rated(38), rated(36)])).toBeNull();
  });

  it('does not fire on a drop of 2 after a single rating', () => {
    expect(evaluateAllianceRupture([rated(40), rated(38)])).toBeNull();
  });

  it('compares with one previous rating when that is all there is', () => {
    expect(rules([rated(40), rated(37)])).toEqual(['ALLIANCE_DROP']);
  });

  it('looks back only 3 ratings', () => {
    // Including the 24 four ratings back, the mean would be 35.25 and there would be no drop.
    expect(rules([rated(24), rated(39), rated(39), rated(39), rated(36)])).toEqual(['ALLIANCE_DROP']);
  });

  it('does nothing without a rating', () => {
    expect(evaluateAllianceRupture([])).toBeNull();
  });
});
