import type { ValidationIssue } from '../validation.js';

/** Bumped whenever a rule's logic (not a practice's thresholds) changes; stored with each flag. */
export const FLAG_RULE_VERSION = '1.2.0';

/** Practice-adjustable thresholds; names read as the rule ("total below 36"). */
export interface FlagSettings {
  /** RISK when PHQ-9 item 9 is above this. */
  riskItem9Above: number;
  /** ALLIANCE_RUPTURE when the ALLIANCE4 total is below this. */
  allianceTotalBelow: number;
  /** ...or when the total drops at least this far below the mean of the previous ratings... */
  allianceDropAtLeast: number;
  /** ...taken over up to this many previous ratings (fewer when the client has fewer)... */
  alliancePreviousRatings: number;
  /** ...or when an item is at least this far below the client's previous rating of that item. */
  allianceItemDropAtLeast: number;
  /** NOT_ON_TRACK is judged from this session number on. */
  notOnTrackFromSession: number;
  /** STALLED (scores) needs at least this many attended sessions in the episode... */
  stalledMinSessions: number;
  /** ...and this many most recent scores... */
  stalledRecentScores: number;
  /** ...spread over no more than this share of the instrument's reliable-change threshold. */
  stalledSpreadShareOfReliableChange: number;
  /** STALLED (mood) looks at this many days ending today... */
  moodStallWindowDays: number;
  /** ...needs at least this many entries in them... */
  moodStallMinEntries: number;
  /** ...a trend within ± this many points per week... */
  moodStallSlopeWithin: number;
  /** ...and a mean of at most this. */
  moodStallMeanAtMost: number;
  /** DISENGAGING when there has been no mood entry for at least this many days (today included)... */
  moodGapDays: number;
  /** ...after "regular use": at least moodRegularMinEntries entries... */
  moodRegularMinEntries: number;
  /** ...in the this-many days ending on the last entry. */
  moodRegularWindowDays: number;
  /** DISENGAGING when homework adherence is below this share... */
  homeworkAdherenceBelow: number;
  /** ...over this many days ending today... */
  homeworkWindowDays: number;
  /** ...once at least this many reports fell due in the window, some in each of its weeks. */
  homeworkMinDue: number;
  /** DISENGAGING when at least this many sessions were missed (no-shows)... */
  missedSessionsAtLeast: number;
  /** ...among this many most recent held-or-missed sessions. */
  missedSessionsOfLast: number;
}

export const DEFAULT_FLAG_SETTINGS: Readonly<FlagSettings> = Object.freeze({
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
  moodStallMinEntries: 10,
  moodStallSlopeWithin: 0.1,
  moodStallMeanAtMost: 4,
  moodGapDays: 7,
  moodRegularMinEntries: 10,
  moodRegularWindowDays: 28,
  homeworkAdherenceBelow: 0.3,
  homeworkWindowDays: 21,
  homeworkMinDue: 3,
  missedSessionsAtLeast: 2,
  missedSessionsOfLast: 4,
});

// COUNT: whole number >= 1; ZERO_OR_MORE: whole number >= 0; POINTS: number >= 0; SHARE: 0..1.
type SettingKind = 'COUNT' | 'ZERO_OR_MORE' | 'POINTS' | 'SHARE';
const SETTING_KINDS: Readonly<Record<keyof FlagSettings, SettingKind>> = {
  riskItem9Above: 'ZERO_OR_MORE',
  allianceTotalBelow: 'POINTS',
  allianceDropAtLeast: 'POINTS',
  alliancePreviousRatings: 'COUNT',
  allianceItemDropAtLeast: 'POINTS',
  notOnTrackFromSession: 'COUNT',
  stalledMinSessions: 'COUNT',
  stalledRecentScores: 'COUNT',
  stalledSpreadShareOfReliableChange: 'SHARE',
  moodStallWindowDays: 'COUNT',
  moodStallMinEntries: 'COUNT',
  moodStallSlopeWithin: 'POINTS',
  moodStallMeanAtMost: 'POINTS',
  moodGapDays: 'COUNT',
  moodRegularMinEntries: 'COUNT',
  moodRegularWindowDays: 'COUNT',
  homeworkAdherenceBelow: 'SHARE',
  homeworkWindowDays: 'COUNT',
  homeworkMinDue: 'COUNT',
  missedSessionsAtLeast: 'COUNT',
  missedSessionsOfLast: 'COUNT',
};

function isSettingKey(key: string): key is keyof FlagSettings {
  return Object.hasOwn(SETTING_KINDS, key);
}

const KIND_RULES: Readonly<Record<SettingKind, { test: (n: number) => boolean; message: string }>> = {
  COUNT: { test: (n) => Number.isInteger(n) && n >= 1, message: 'must be a whole number of at least 1' },
  ZERO_OR_MORE: { test: (n) => Number.isInteger(n) && n >= 0, message: 'must be a whole number of at least 0' },
  POINTS: { test: (n) => n >= 0, message: 'must be a number of at least 0' },
  SHARE: { test: (n) => n >= 0 && n <= 1, message: 'must be a share from 0 to 1' },
};

/** Checks practice overrides (any subset of FlagSettings); an empty list means they can be saved. */
export function validateFlagSettings(value: unknown): ValidationIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'settings', message: 'must be an object' }];
  }
  const issues: ValidationIssue[] = [];
  for (const [key, setting] of Object.entries(value)) {
    if (!isSettingKey(key)) {
      issues.push({ field: key, message: 'is not a known flag setting' });
      continue;
    }
    const rule = KIND_RULES[SETTING_KINDS[key]];
    if (typeof setting !== 'number' || !Number.isFinite(setting) || !rule.test(setting)) {
      issues.push({ field: key, message: rule.message });
    }
  }
  return issues;
}

/** The practice's overrides laid over the defaults. */
export function resolveFlagSettings(overrides: Partial<FlagSettings> = {}): FlagSettings {
  return { ...DEFAULT_FLAG_SETTINGS, ...overrides };
}
