import { ALLIANCE4 } from '../instruments/alliance4.js';
import { mean } from '../statistics/descriptive.js';
import { atLeast, raise, refOf, sum } from './flag.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import type { AllianceRatingPoint, AllianceRuptureTrigger, Flag } from './types.js';

/**
 * ALLIANCE_RUPTURE (high), judged on the latest rating: total below 36, or a drop of at least 3
 * from the mean of the previous ratings (up to 3; one previous rating is enough), or an item at
 * least 3 below the client's own previous rating of that item. The item rule replaces "any item
 * at most 5" in rule version 1.2.0 (it could never fire alone: 10 + 10 + 10 + 5 = 35 < 36), and
 * adds a rupture the totals miss, one item falling while others rise (8, 10, 10, 8 then 10, 7, 10,
 * 10). `ratings` are the client's ALLIANCE4 ratings, oldest first.
 */
export function evaluateAllianceRupture(
  ratings: readonly AllianceRatingPoint[],
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
): Flag<'ALLIANCE_RUPTURE'> | null {
  const latest = ratings.at(-1);
  if (!latest) return null;
  const rating = refOf(latest);
  const total = sum(latest.answers);
  const triggers: AllianceRuptureTrigger[] = [];

  if (total < settings.allianceTotalBelow) {
    triggers.push({ rule: 'ALLIANCE_TOTAL_LOW', total, below: settings.allianceTotalBelow, rating });
  }
  const previousTotals = ratings
    .slice(0, -1)
    .slice(-settings.alliancePreviousRatings)
    .map((r) => sum(r.answers));
  const previousMean = mean(previousTotals);
  if (previousMean !== null && atLeast(previousMean - total, settings.allianceDropAtLeast)) {
    triggers.push({
      rule: 'ALLIANCE_DROP',
      total,
      previousTotals,
      previousMean,
      drop: previousMean - total,
      atLeast: settings.allianceDropAtLeast,
      rating,
    });
  }
  const previous = ratings.at(-2);
  latest.answers.forEach((value, index) => {
    const item = ALLIANCE4.items[index];
    const before = previous?.answers[index];
    if (item && previous && before !== undefined && atLeast(before - value, settings.allianceItemDropAtLeast)) {
      triggers.push({
        rule: 'ALLIANCE_ITEM_DROP',
        itemId: item.id,
        itemText: item.text,
        value,
        previous: before,
        drop: before - value,
        atLeast: settings.allianceItemDropAtLeast,
        rating,
        previousRating: refOf(previous),
      });
    }
  });
  return raise('ALLIANCE_RUPTURE', triggers);
}
