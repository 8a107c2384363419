/**
 * Ground truth for the flag engine: the default rules of DESIGN.md applied to one client's
 * generated series, exactly and independently of the backend. Each function returns onsets:
 * the moments a condition becomes true after being false (an engine that already has an open flag
 * of that kind for the client has caught the onset).
 */

export type FlagKind = 'RISK' | 'ALLIANCE_RUPTURE' | 'NOT_ON_TRACK' | 'DETERIORATION' | 'STALLED' | 'DISENGAGING';

export type Criterion =
  | 'PHQ9_ITEM9'
  | 'MOOD_HELP_NOW'
  | 'ALLIANCE_TOTAL_BELOW_36'
  | 'ALLIANCE_DROP_3'
  | 'ALLIANCE_ITEM_LE_5'
  | 'BEHIND_EXPECTED_TRAJECTORY'
  | 'RELIABLE_DETERIORATION'
  | 'NO_RELIABLE_IMPROVEMENT'
  | 'MOOD_FLAT_LOW'
  | 'MOOD_STOPPED'
  | 'SESSIONS_MISSED'
  | 'HOMEWORK_LOW';

export type Detail = Record<string, string | number | boolean | null | readonly string[]>;

export interface GroundTruthEvent {
  clientId: string;
  kind: FlagKind;
  /** ISO instant at which the default rule first holds. */
  at: string;
  criterion: Criterion;
  /** The client's plan was built to produce this; false = the rule also holds incidentally. */
  planted: boolean;
  /** exact: the rule as written holds on the stored data; probable: depends on practice-fitted or loosely specified parameters. */
  certainty: 'exact' | 'probable';
  detail?: Detail;
}

/** Points of change that count as reliable (DESIGN.md instrument table). */
export const RELIABLE_CHANGE = { PHQ9: 6, GAD7: 4 } as const;
export const ALLIANCE_CONCERN = 36;

/** How each criterion is operationalised; written into the ground-truth file. */
export const CRITERIA: Readonly<Record<Criterion, string>> = {
  PHQ9_ITEM9: 'every PHQ-9 response with item 9 > 0; at = submitted_at',
  MOOD_HELP_NOW: 'every mood entry with help_now; at = created_at',
  ALLIANCE_TOTAL_BELOW_36: 'every ALLIANCE4 rating with total < 36; at = submitted_at',
  ALLIANCE_DROP_3: "every ALLIANCE4 rating >= 3 below the mean of the client's 3 previous ratings (needs 3)",
  ALLIANCE_ITEM_LE_5: 'every ALLIANCE4 rating with an item <= 5',
  BEHIND_EXPECTED_TRAJECTORY:
    'planted only (probable: the band is fitted per practice): deteriorators from the 3rd attended session, non-responders from the 4th, slow responders from the 3rd while still within 2 points of baseline',
  RELIABLE_DETERIORATION: 'onset when a PHQ-9 (GAD-7) total is >= 6 (4) above the first score of the same episode',
  NO_RELIABLE_IMPROVEMENT:
    'onset at a PHQ-9 (GAD-7) score when >= 6 sessions were attended in the episode, baseline - score < 6 (4) and the last 3 scores of the episode span <= 3 (2) points',
  MOOD_FLAT_LOW:
    'onset at a mood entry when the entries of the last 28 local days number >= 10, their mean is <= 4 and their least-squares slope is within +-0.1 points per week; an onset within 7 days of the condition last holding is not repeated',
  MOOD_STOPPED:
    'onset at local midnight starting day L+8 after a last entry on day L (7 empty days), with >= 10 entries in days L-27..L, while the episode is open',
  SESSIONS_MISSED:
    'onset when 2 of the last 4 sessions of the episode that were attended or missed are NO_SHOW (cancellations are neither); at = status_recorded_at',
  HOMEWORK_LOW:
    'planted only (probable): from an assignment on, no reports or NOT_DONE for >= 3 weeks; at = local midnight 22 days after assigned_on',
};

export interface AllianceRating {
  at: number;
  total: number;
  answers: readonly number[];
}

export interface RuptureHit {
  at: number;
  total: number;
  criteria: Criterion[];
}

export function allianceRuptures(ratings: readonly AllianceRating[]): RuptureHit[] {
  const hits: RuptureHit[] = [];
  ratings.forEach((rating, i) => {
    const criteria: Criterion[] = [];
    if (rating.total < ALLIANCE_CONCERN) criteria.push('ALLIANCE_TOTAL_BELOW_36');
    if (i >= 3) {
      const mean = (ratings[i - 1]!.total + ratings[i - 2]!.total + ratings[i - 3]!.total) / 3;
      if (mean - rating.total >= 3) criteria.push('ALLIANCE_DROP_3');
    }
    if (rating.answers.some((a) => a <= 5)) criteria.push('ALLIANCE_ITEM_LE_5');
    if (criteria.length) hits.push({ at: rating.at, total: rating.total, criteria });
  });
  return hits;
}

export interface EpisodeScore {
  at: number;
  total: number;
  /** Sessions attended in the episode up to and including this score's session. */
  attended: number;
}

/** Onsets of a condition evaluated at each element. */
function onsets<T>(items: readonly T[], holds: (item: T, index: number) => boolean): T[] {
  const result: T[] = [];
  let previous = false;
  items.forEach((item, i) => {
    const now = holds(item, i);
    if (now && !previous) result.push(item);
    previous = now;
  });
  return result;
}

export function deteriorationOnsets(scores: readonly EpisodeScore[], threshold: number): EpisodeScore[] {
  const baseline = scores[0]?.total ?? 0;
  return onsets(scores, (s) => s.total - baseline >= threshold);
}

export function stalledOnsets(scores: readonly EpisodeScore[], threshold: number): EpisodeScore[] {
  const baseline = scores[0]?.total ?? 0;
  return onsets(scores, (s, i) => {
    if (i < 2 || s.attended < 6 || baseline - s.total >= threshold) return false;
    const last3 = [scores[i - 2]!.total, scores[i - 1]!.total, s.total];
    return Math.max(...last3) - Math.min(...last3) <= threshold / 2;
  });
}

export interface SessionOutcome {
  recordedAt: number;
  missed: boolean;
}

export function missedSessionOnsets(sessions: readonly SessionOutcome[]): SessionOutcome[] {
  return onsets(sessions, (_s, i) => {
    let missed = 0;
    for (let j = Math.max(0, i - 3); j <= i; j++) if (sessions[j]!.missed) missed++;
    return missed >= 2;
  });
}

export interface MoodPoint {
  day: number;
  at: number;
  rating: number;
}

export interface FlatLowHit {
  at: number;
  mean: number;
  slopePerWeek: number;
  entries: number;
}

/** Sliding 28-day least squares over the client's entries (sorted by day). */
export function flatLowMoodOnsets(entries: readonly MoodPoint[]): FlatLowHit[] {
  const hits: FlatLowHit[] = [];
  if (!entries.length) return hits;
  const origin = entries[0]!.day;
  let lo = 0;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let previous = false;
  let lastHeldDay = -Infinity;
  for (const entry of entries) {
    const x = entry.day - origin;
    n++;
    sx += x;
    sy += entry.rating;
    sxx += x * x;
    sxy += x * entry.rating;
    while (entries[lo]!.day < entry.day - 27) {
      const old = entries[lo]!;
      const ox = old.day - origin;
      n--;
      sx -= ox;
      sy -= old.rating;
      sxx -= ox * ox;
      sxy -= ox * old.rating;
      lo++;
    }
    let holds = false;
    let mean = 0;
    let slope = 0;
    // DEFAULT_FLAG_SETTINGS.moodStallMinEntries
    if (n >= 10) {
      mean = sy / n;
      const denominator = n * sxx - sx * sx;
      slope = denominator === 0 ? 0 : ((n * sxy - sx * sy) / denominator) * 7;
      holds = mean <= 4 && Math.abs(slope) <= 0.1;
    }
    if (holds && !previous && entry.day - lastHeldDay > 7) {
      hits.push({ at: entry.at, mean: round2(mean), slopePerWeek: round2(slope), entries: n });
    }
    if (holds) lastHeldDay = entry.day;
    previous = holds;
  }
  return hits;
}

export interface OpenPeriod {
  startDay: number;
  /** Last local day of the episode, inclusive; null while it is open. */
  endDay: number | null;
}

export interface MoodStoppedHit {
  at: number;
  lastEntryDay: number;
}

/**
 * Gaps of >= 7 empty local days after regular use (>= 10 entries in the 28 days ending with the
 * last entry, as DEFAULT_FLAG_SETTINGS has it), counted only while an episode is open.
 */
export function moodStoppedOnsets(
  entries: readonly MoodPoint[],
  periods: readonly OpenPeriod[],
  midnight: (day: number) => number,
  nowMs: number,
): MoodStoppedHit[] {
  const hits: MoodStoppedHit[] = [];
  let lo = 0;
  entries.forEach((entry, i) => {
    while (entries[lo]!.day < entry.day - 27) lo++;
    if (i - lo + 1 < 10) return;
    const onsetDay = entry.day + 8;
    const next = entries[i + 1];
    if (next && next.day < onsetDay) return;
    const period = periods.find((p) => p.startDay <= entry.day && (p.endDay === null || entry.day <= p.endDay));
    if (!period) return;
    if (period.endDay !== null ? onsetDay > period.endDay : midnight(onsetDay) > nowMs) return;
    hits.push({ at: midnight(onsetDay), lastEntryDay: entry.day });
  });
  return hits;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
