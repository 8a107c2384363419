import type { TrajectoryModel } from '@cairn/shared';

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
  | 'ALLIANCE_ITEM_DROP_3'
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
  ALLIANCE_ITEM_DROP_3: "every ALLIANCE4 rating with an item >= 3 below the same item of the client's previous rating",
  BEHIND_EXPECTED_TRAJECTORY:
    "onset at a PHQ-9 or GAD-7 submission when, for either instrument, the episode has >= 2 scores and the latest, at session number >= 3 (therapy_session.number), is more than the tolerance above a + b*ln(min(session, 20)) of the built-in trajectory for the baseline score's severity band (the curve's value at its last session, 20, holds after it)",
  RELIABLE_DETERIORATION: 'onset when a PHQ-9 (GAD-7) total is >= 6 (4) above the first score of the same episode',
  NO_RELIABLE_IMPROVEMENT:
    'judged at each PHQ-9/GAD-7 submission and attendance record of the episode: onset when >= 6 sessions were attended, neither instrument is >= 6 (PHQ-9) / 4 (GAD-7) below its first score, and the last 3 scores of one instrument span <= 3 / 2 points',
  MOOD_FLAT_LOW:
    'onset at a mood entry when the entries of the last 28 local days number >= 10, their mean is <= 4 and their least-squares slope is within +-0.1 points per week; an onset within 7 days of the condition last holding is not repeated',
  MOOD_STOPPED:
    'onset at local midnight starting day L+8 after a last entry on day L (7 empty days), with >= 10 entries in days L-27..L, while the episode is open',
  SESSIONS_MISSED:
    'onset when 2 of the last 4 sessions of the episode that were attended or missed are NO_SHOW (cancellations are neither); at = status_recorded_at',
  HOMEWORK_LOW:
    "onset at the end of a client-local day D while an episode is open when, over days D-20..D, >= 3 reports fell due from the episode's assignments (DAILY each day after assigned_on up to due_on, WEEKLY on assigned_on + 7k up to due_on, ONCE on due_on), some in each 7-day stretch, and (DONE + PARTIAL/2) / due < 0.3, each report dated from the episode's start counting for the due day it answers (its own day; for WEEKLY the next due day on or after it, else the last; for ONCE the due date)",
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
    const previous = ratings[i - 1];
    if (previous && rating.answers.some((a, item) => previous.answers[item]! - a >= 3)) {
      criteria.push('ALLIANCE_ITEM_DROP_3');
    }
    if (criteria.length) hits.push({ at: rating.at, total: rating.total, criteria });
  });
  return hits;
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

export function deteriorationOnsets<T extends { total: number }>(scores: readonly T[], threshold: number): T[] {
  const baseline = scores[0]?.total ?? 0;
  return onsets(scores, (s) => s.total - baseline >= threshold);
}

export interface StalledHit {
  at: number;
  instrument: 'PHQ9' | 'GAD7';
  baseline: number;
  recent: readonly number[];
  attended: number;
}

/**
 * One episode, judged at every questionnaire and every attendance record (attendance first at
 * the same instant): onsets of ">= minSessions attended, no instrument reliably improved from its
 * first score, and an instrument's last 3 scores spread over at most half its threshold".
 */
export function stalledOnsets(
  scores: readonly { at: number; instrument: 'PHQ9' | 'GAD7'; total: number }[],
  attendedAt: readonly number[],
  minSessions: number,
): StalledHit[] {
  const events = [
    ...attendedAt.map((at) => ({ at, score: null })),
    ...scores.map((score) => ({ at: score.at, score })),
  ].sort((a, b) => a.at - b.at || Number(a.score !== null) - Number(b.score !== null));
  const series: Record<'PHQ9' | 'GAD7', number[]> = { PHQ9: [], GAD7: [] };
  let attended = 0;
  const judged = events.map(({ at, score }) => {
    if (score) series[score.instrument].push(score.total);
    else attended++;
    if (attended < minSessions) return null;
    const improved = (['PHQ9', 'GAD7'] as const).some(
      (k) => series[k].length >= 2 && series[k][0]! - series[k].at(-1)! >= RELIABLE_CHANGE[k],
    );
    if (improved) return null;
    for (const instrument of ['PHQ9', 'GAD7'] as const) {
      const recent = series[instrument].slice(-3);
      if (recent.length === 3 && Math.max(...recent) - Math.min(...recent) <= RELIABLE_CHANGE[instrument] / 2) {
        return { at, instrument, baseline: series[instrument][0]!, recent, attended };
      }
    }
    return null;
  });
  return onsets(judged, (hit) => hit !== null).map((hit) => hit!);
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

/** Severity band cut-offs by lowest score: PHQ-9 (Kroenke et al. 2001), GAD-7 (Spitzer et al. 2006). */
const SEVERITY: Readonly<Record<TrajectoryModel['instrument'], readonly (readonly [number, string])[]>> = {
  PHQ9: [
    [20, 'severe'],
    [15, 'moderately severe'],
    [10, 'moderate'],
    [5, 'mild'],
    [0, 'minimal'],
  ],
  GAD7: [
    [15, 'severe'],
    [10, 'moderate'],
    [5, 'mild'],
    [0, 'minimal'],
  ],
};

export interface VisitScore {
  at: number;
  instrument: TrajectoryModel['instrument'];
  total: number;
  /** therapy_session.number of the session the questionnaire belongs to. */
  session: number;
}

export interface OffTrackHit {
  at: number;
  instrument: TrajectoryModel['instrument'];
  baseline: number;
  band: string;
  score: number;
  session: number;
  upper: number;
}

/**
 * One episode's PHQ-9 and GAD-7 scores in submission order: onsets of "the latest score of either
 * instrument lies above the expected-trajectory band" (Lambert-style not-on-track), judged from
 * `fromSession` once the instrument has a baseline and a later score.
 */
export function offTrackOnsets(
  scores: readonly VisitScore[],
  models: Readonly<Record<TrajectoryModel['instrument'], TrajectoryModel>>,
  fromSession: number,
): OffTrackHit[] {
  const first = new Map<string, VisitScore>();
  const offTrack = new Map<string, OffTrackHit | null>();
  const judged = scores.map((score) => {
    const baseline = first.get(score.instrument);
    if (!baseline) {
      first.set(score.instrument, score);
      offTrack.set(score.instrument, null);
    } else {
      offTrack.set(score.instrument, behind(score, baseline.total, models[score.instrument], fromSession));
    }
    return [...offTrack.values()].find((hit) => hit !== null) ?? null;
  });
  return onsets(judged, (hit) => hit !== null).map((hit) => hit!);
}

function behind(score: VisitScore, baseline: number, model: TrajectoryModel, fromSession: number): OffTrackHit | null {
  if (score.session < fromSession) return null;
  const band = SEVERITY[score.instrument].find(([lowest]) => baseline >= lowest)![1];
  const curve = model.bands.find((b) => b.band === band);
  if (!curve) throw new Error(`no ${score.instrument} trajectory for band ${band}`);
  // Never extrapolated: past the curve's last session its value there holds.
  const upper = curve.intercept + curve.slope * Math.log(Math.min(score.session, curve.lastSession)) + curve.tolerance;
  if (score.total <= upper) return null;
  return {
    at: score.at,
    instrument: score.instrument,
    baseline,
    band,
    score: score.total,
    session: score.session,
    upper: round2(upper),
  };
}

export interface HomeworkTask {
  frequency: 'DAILY' | 'WEEKLY' | 'ONCE';
  assignedDay: number;
  dueDay: number;
}

export interface HomeworkDone {
  /** Index of the task in the episode's task list. */
  task: number;
  day: number;
  status: 'DONE' | 'PARTIAL' | 'NOT_DONE';
}

export interface HomeworkLowHit {
  /** The last local day of the window. */
  day: number;
  adherence: number;
  due: number;
}

/** Every day a report of the task falls due, in order. */
function dueDays(task: HomeworkTask): number[] {
  const days: number[] = [];
  if (task.frequency === 'DAILY') for (let day = task.assignedDay + 1; day <= task.dueDay; day++) days.push(day);
  else if (task.frequency === 'WEEKLY')
    for (let day = task.assignedDay + 7; day <= task.dueDay; day += 7) days.push(day);
  else days.push(task.dueDay);
  return days;
}

/**
 * One episode's homework, judged at the end of each local day from `firstDay` to `lastDay`: onsets
 * of adherence below `below` over the `windowDays` ending that day, judged once >= `minDue` reports
 * fell due there and some fell due in each 7-day stretch of it. A report earns credit in the window
 * holding the due day it answers: its own day (daily), the next due day on or after it (weekly, the
 * last if later), the due date (one-off).
 */
export function homeworkLowOnsets(
  tasks: readonly HomeworkTask[],
  reports: readonly HomeworkDone[],
  episodeStart: number,
  firstDay: number,
  lastDay: number,
  rule: { windowDays: number; below: number; minDue: number },
): HomeworkLowHit[] {
  const schedule = tasks.map(dueDays);
  const answers = reports.map((r) => {
    const days = schedule[r.task]!;
    if (tasks[r.task]!.frequency === 'DAILY') return days.includes(r.day) ? r.day : null;
    return r.day >= tasks[r.task]!.assignedDay ? (days.find((d) => d >= r.day) ?? days.at(-1) ?? null) : null;
  });
  const judged: (HomeworkLowHit | null)[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const from = day - rule.windowDays + 1;
    const dueIn = (first: number, last: number) =>
      schedule.reduce(
        (sum, days, t) =>
          tasks[t]!.assignedDay <= day ? sum + days.filter((d) => d >= first && d <= last).length : sum,
        0,
      );
    const due = dueIn(from, day);
    let everyWeek = true;
    for (let end = day; end >= from; end -= 7) if (dueIn(Math.max(from, end - 6), end) === 0) everyWeek = false;
    let credit = 0;
    reports.forEach((r, i) => {
      const answered = answers[i];
      if (answered === null || answered === undefined || answered < from || answered > day) return;
      if (r.day > day || r.day < episodeStart) return;
      credit += r.status === 'DONE' ? 1 : r.status === 'PARTIAL' ? 0.5 : 0;
    });
    const low = everyWeek && due >= rule.minDue && credit / due < rule.below;
    judged.push(low ? { day, adherence: round2(credit / due), due } : null);
  }
  return onsets(judged, (hit) => hit !== null).map((hit) => hit!);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
