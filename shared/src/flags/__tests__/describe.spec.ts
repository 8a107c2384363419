import { describe, expect, it } from '@jest/globals';
import { describeFlag, describeTrigger } from '../describe.js';
import type { FlagTrigger } from '../types.js';

describe('describeTrigger', () => {
  it.each<[FlagTrigger, string]>([
    [{ rule: 'PHQ9_ITEM9', item9: 2, above: 0, response: {} }, 'PHQ-9 item 9 (thoughts of self-harm) endorsed'],
    [{ rule: 'HELP_NOW', source: 'MOOD_NOTE', record: {} }, 'Client marked a mood note "I need help now"'],
    [{ rule: 'ALLIANCE_TOTAL_LOW', total: 33, below: 36, rating: {} }, 'Alliance total 33 of 40, below 36'],
    [
      { rule: 'ALLIANCE_DROP', total: 32, previousTotals: [38], previousMean: 38, drop: 6, atLeast: 3, rating: {} },
      'Alliance dropped 6 points since last session',
    ],
    [
      {
        rule: 'ALLIANCE_DROP',
        total: 35,
        previousTotals: [38, 39, 38],
        previousMean: 115 / 3,
        drop: 115 / 3 - 35,
        atLeast: 3,
        rating: {},
      },
      'Alliance dropped 3.3 points below the average of the previous 3 ratings',
    ],
    [
      {
        rule: 'ALLIANCE_ITEM_DROP',
        itemId: 'approach',
        itemText: 'The approach fits me',
        value: 6,
        previous: 10,
        drop: 4,
        atLeast: 3,
        rating: {},
        previousRating: {},
      },
      'Alliance item "The approach fits me" rated 6 of 10, 4 points below last time (10)',
    ],
    [
      {
        rule: 'ALLIANCE_ITEM_LOW',
        itemId: 'approach',
        itemText: 'The approach fits me',
        value: 4,
        atMost: 5,
        rating: {},
      },
      'Alliance item "The approach fits me" rated 4 of 10',
    ],
    [
      {
        rule: 'OFF_TRACK',
        instrument: 'PHQ9',
        baseline: 12,
        baselineBand: 'moderate',
        score: 16,
        sessionNumber: 4,
        expected: 8.672894,
        lower: 3.672894,
        upper: 13.672894,
        signal: 'YELLOW',
        modelSource: 'DEFAULT',
        response: {},
      },
      'PHQ-9 16 at session 4 is worse than expected (expected 3.7-13.7)',
    ],
    [
      {
        rule: 'RELIABLE_DETERIORATION',
        instrument: 'GAD7',
        baseline: 9,
        score: 15,
        change: 6,
        threshold: 4,
        baselineResponse: {},
        response: {},
      },
      'GAD-7 rose 6 points since the start of the episode (9 to 15)',
    ],
    [
      {
        rule: 'SCORES_FLAT',
        instrument: 'PHQ9',
        attendedSessions: 7,
        recentScores: [14, 15, 13],
        spread: 2,
        allowedSpread: 3,
        responses: [],
      },
      'No reliable improvement after 7 sessions; last 3 PHQ-9 scores 14, 15, 13',
    ],
    [
      { rule: 'MOOD_FLAT_LOW', slopePerWeek: 0.05, mean: 3.4, entries: 20, from: '2025-03-04', to: '2025-03-31' },
      'Mood low and flat over the last 4 weeks (average 3.4, trend +0.05 per week)',
    ],
    [
      {
        rule: 'MOOD_GAP',
        lastEntryDate: '2025-03-22',
        daysWithoutEntry: 9,
        entriesBefore: 14,
        regularWindowDays: 28,
        asOf: '2025-03-31',
      },
      'No mood entry for 9 days after regular use (14 entries in the 28 days before)',
    ],
    [
      {
        rule: 'HOMEWORK_LOW',
        adherence: 0.25,
        below: 0.3,
        done: 2,
        partial: 1,
        notDone: 1,
        expected: 10,
        from: '2025-03-11',
        to: '2025-03-31',
      },
      'Homework adherence 25% over the last 3 weeks',
    ],
    [{ rule: 'SESSIONS_MISSED', missed: 2, of: 4, sessions: [] }, '2 of the last 4 sessions missed'],
  ])('%o reads "%s"', (trigger, wording) => {
    expect(describeTrigger(trigger)).toBe(wording);
  });

  it('keeps the expected range on the scale', () => {
    const trigger: FlagTrigger = {
      rule: 'OFF_TRACK',
      instrument: 'PHQ9',
      baseline: 3,
      baselineBand: 'minimal',
      score: 6,
      sessionNumber: 3,
      expected: 1.67,
      lower: -1.33,
      upper: 4.67,
      signal: 'YELLOW',
      modelSource: 'DEFAULT',
      response: {},
    };
    expect(describeTrigger(trigger)).toBe('PHQ-9 6 at session 3 is worse than expected (expected 0-4.7)');
  });
});

describe('describeFlag', () => {
  it('joins every reason in the order found', () => {
    const flag = {
      evidence: {
        ruleVersion: '1.0.0',
        triggers: [
          { rule: 'ALLIANCE_TOTAL_LOW', total: 34, below: 36, rating: {} },
          {
            rule: 'ALLIANCE_ITEM_LOW',
            itemId: 'heard',
            itemText: 'I felt heard and respected',
            value: 5,
            atMost: 5,
            rating: {},
          },
        ] satisfies FlagTrigger[],
      },
    };
    expect(describeFlag(flag)).toBe(
      'Alliance total 34 of 40, below 36; Alliance item "I felt heard and respected" rated 5 of 10',
    );
  });
});

describe('describeFlag with a signal seen more than once', () => {
  it('says how often instead of repeating the sentence', () => {
    const flag = {
      evidence: {
        ruleVersion: '1.2.0',
        triggers: [
          { rule: 'PHQ9_ITEM9', item9: 1, above: 0, response: {} },
          { rule: 'HELP_NOW', source: 'MOOD_NOTE', record: {} },
          { rule: 'PHQ9_ITEM9', item9: 2, above: 0, response: {} },
        ] satisfies FlagTrigger[],
      },
    };
    expect(describeFlag(flag)).toBe(
      'PHQ-9 item 9 (thoughts of self-harm) endorsed (2 times); Client marked a mood note "I need help now"',
    );
  });
});

describe('describeFlag with stored evidence from another rule version', () => {
  it('still says something rather than nothing', () => {
    const stored = JSON.parse('{"evidence":{"ruleVersion":"0.9.0","triggers":[{"rule":"LEGACY_RULE"}]}}') as {
      evidence: { triggers: FlagTrigger[] };
    };
    expect(describeFlag(stored)).toBe('Flag raised (rule LEGACY_RULE)');
  });
});
