import { daysBetween, windowStart, type LocalDate } from '../dates/local-date.js';
import { homeworkAdherence, type HomeworkStatus } from '../statistics/homework.js';
import { moodEntriesInWindow, type MoodEntry } from '../statistics/mood.js';
import { raise, refOf } from './flag.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import type { DisengagingTrigger, Flag, HomeworkReportPoint, SessionPoint } from './types.js';

export interface DisengagingInput {
  /** The client's local date today. */
  asOf: LocalDate;
  moods?: readonly MoodEntry[];
  /** Reports (any dates; those in the window are used) and how many were expected in the window. */
  homework?: { reports: readonly HomeworkReportPoint[]; expected: number } | null;
  /** The episode's sessions, oldest first. */
  sessions?: readonly SessionPoint[];
}

/**
 * DISENGAGING (medium), any of:
 * - mood gap: no entry on the last 7 days (today included, so the last entry is 7 or more days
 *   ago) after regular use, defined as at least 10 entries in the 28 days ending on the last entry;
 * - homework: adherence (done + ½ partial over expected) below 30% over the last 21 days;
 * - sessions: at least 2 no-shows among the last 4 sessions that were held or missed (scheduled
 *   and cancelled ones are skipped, since a cancellation does not say who cancelled).
 */
export function evaluateDisengaging(
  input: DisengagingInput,
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
): Flag<'DISENGAGING'> | null {
  const triggers: DisengagingTrigger[] = [];
  const { asOf } = input;

  const lastEntryDate = (input.moods ?? [])
    .map((entry) => entry.date)
    .filter((date) => daysBetween(date, asOf) >= 0)
    .reduce<LocalDate | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
  if (lastEntryDate !== null) {
    const daysWithoutEntry = daysBetween(lastEntryDate, asOf);
    const entriesBefore = moodEntriesInWindow(input.moods ?? [], lastEntryDate, settings.moodRegularWindowDays).length;
    if (daysWithoutEntry >= settings.moodGapDays && entriesBefore >= settings.moodRegularMinEntries) {
      triggers.push({
        rule: 'MOOD_GAP',
        lastEntryDate,
        daysWithoutEntry,
        entriesBefore,
        regularWindowDays: settings.moodRegularWindowDays,
        asOf,
      });
    }
  }

  if (input.homework) {
    const from = windowStart(asOf, settings.homeworkWindowDays);
    const reports = input.homework.reports.filter(
      (r) => daysBetween(from, r.date) >= 0 && daysBetween(r.date, asOf) >= 0,
    );
    const adherence = homeworkAdherence(reports, input.homework.expected);
    if (adherence !== null && adherence < settings.homeworkAdherenceBelow) {
      const count = (status: HomeworkStatus): number => reports.filter((r) => r.status === status).length;
      triggers.push({
        rule: 'HOMEWORK_LOW',
        adherence,
        below: settings.homeworkAdherenceBelow,
        done: count('DONE'),
        partial: count('PARTIAL'),
        notDone: count('NOT_DONE'),
        expected: input.homework.expected,
        from,
        to: asOf,
      });
    }
  }

  const recent = (input.sessions ?? [])
    .filter((session) => session.status === 'ATTENDED' || session.status === 'NO_SHOW')
    .slice(-settings.missedSessionsOfLast);
  const missed = recent.filter((session) => session.status === 'NO_SHOW').length;
  if (missed >= settings.missedSessionsAtLeast) {
    triggers.push({
      rule: 'SESSIONS_MISSED',
      missed,
      of: recent.length,
      sessions: recent.map((session) => ({ ...refOf(session), status: session.status })),
    });
  }
  return raise('DISENGAGING', triggers);
}
