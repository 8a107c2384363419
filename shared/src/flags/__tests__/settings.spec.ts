import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FLAG_SETTINGS, resolveFlagSettings, validateFlagSettings } from '../settings.js';

describe('flag settings', () => {
  it('defaults to the thresholds in the design', () => {
    expect(DEFAULT_FLAG_SETTINGS).toMatchObject({
      riskItem9Above: 0,
      allianceTotalBelow: 36,
      allianceDropAtLeast: 3,
      alliancePreviousRatings: 3,
      allianceItemDropAtLeast: 3,
      notOnTrackFromSession: 3,
      stalledMinSessions: 6,
      stalledRecentScores: 3,
      stalledSpreadShareOfReliableChange: 0.5,
      moodStallWindowDays: 28,
      moodStallSlopeWithin: 0.1,
      moodStallMeanAtMost: 4,
      moodGapDays: 7,
      homeworkAdherenceBelow: 0.3,
      homeworkWindowDays: 21,
      missedSessionsAtLeast: 2,
      missedSessionsOfLast: 4,
    });
  });

  it('accepts a practice override and lays it over the defaults', () => {
    expect(validateFlagSettings({ allianceTotalBelow: 30, homeworkAdherenceBelow: 0.5 })).toEqual([]);
    expect(resolveFlagSettings({ allianceTotalBelow: 30 })).toEqual({
      ...DEFAULT_FLAG_SETTINGS,
      allianceTotalBelow: 30,
    });
  });

  it('names each bad setting', () => {
    expect(
      validateFlagSettings({
        allianceTotalBelow: -1,
        moodGapDays: 2.5,
        homeworkAdherenceBelow: 30,
        stalledMinSessions: '6',
        colour: 1,
      }),
    ).toEqual([
      { field: 'allianceTotalBelow', message: 'must be a number of at least 0' },
      { field: 'moodGapDays', message: 'must be a whole number of at least 1' },
      { field: 'homeworkAdherenceBelow', message: 'must be a share from 0 to 1' },
      { field: 'stalledMinSessions', message: 'must be a whole number of at least 1' },
      { field: 'colour', message: 'is not a known flag setting' },
    ]);
    expect(validateFlagSettings(null)).toEqual([{ field: 'settings', message: 'must be an object' }]);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(DEFAULT_FLAG_SETTINGS)).toBe(true);
  });
});
