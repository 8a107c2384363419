import type { FlagSettings } from '@cairn/shared';

/** Each flag threshold in words a manager reads; the type makes a new setting without words a build error. */
const LABELS: Record<keyof FlagSettings, string> = {
  riskItem9Above: 'RISK: PHQ-9 item 9 above',
  allianceTotalBelow: 'Alliance rupture: total below',
  allianceDropAtLeast: 'Alliance rupture: drop from recent mean of at least',
  alliancePreviousRatings: 'Alliance rupture: previous ratings in that mean',
  allianceItemDropAtLeast: 'Alliance rupture: one item down by at least',
  notOnTrackFromSession: 'Not on track: judged from session',
  stalledMinSessions: 'Stalled: at least this many sessions',
  stalledRecentScores: 'Stalled: recent scores compared',
  stalledSpreadShareOfReliableChange: 'Stalled: spread within this share of reliable change',
  moodStallWindowDays: 'Stalled mood: days looked at',
  moodStallMinEntries: 'Stalled mood: entries needed',
  moodStallSlopeWithin: 'Stalled mood: trend within ± points per week',
  moodStallMeanAtMost: 'Stalled mood: mean at most',
  moodGapDays: 'Disengaging: days without a mood entry',
  moodRegularMinEntries: 'Disengaging: entries that count as regular use',
  moodRegularWindowDays: 'Disengaging: days of regular use looked at',
  homeworkAdherenceBelow: 'Disengaging: homework adherence below (share)',
  homeworkWindowDays: 'Disengaging: homework days looked at',
  homeworkMinDue: 'Disengaging: homework reports due at least',
  missedSessionsAtLeast: 'Disengaging: missed sessions at least',
  missedSessionsOfLast: 'Disengaging: of the last sessions',
};

export function thresholdLabel(key: string): string {
  return Object.hasOwn(LABELS, key) ? LABELS[key as keyof FlagSettings] : key;
}
