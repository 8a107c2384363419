import { addDays, daysBetween, windowStart, type LocalDate } from '../dates/local-date.js';
import { adherenceBetween, expectedReports, type HomeworkSchedule } from '../statistics/homework.js';
import { moodEntriesInWindow, type MoodEntry } from '../statistics/mood.js';
import { raise, refOf } from './flag.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import type { DisengagingTrigger, Flag, HomeworkReportPoint, SessionPoint } from './types.js';

export interface DisengagingInput {
  /** The client's local date today. */
  asOf: LocalDate;
  moods?: readonly MoodEntry[];
  /** The episode's tasks and their reports (any dates; those answering a due day in the window count). */
  homework?: { tasks: readonly HomeworkSchedule[]; reports: readonly HomeworkReportPoint[] } | null;
  /** The episode's sessions, oldest first. */
  sessions?: readonly SessionPoint[];
}

/**
 * DISENGAGING (medium), any of:
 * - mood gap: no entry on the last 7 days (today included, so the last entry is 7 or more days
 *   ago) after regular use, defined as at least 10 entries in the 28 days ending on the last entry;
 * - homework: adherence (done + ½ partial over expected) below 30% over the last 21 days, judged
 *   once 3 reports fell due there and some fell due in each of its 3 weeks (the tail of a finished
 *   task or the first days of a new one say too little about a habit);
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
    const { tasks, reports } = input.homework;
    const from = windowStart(asOf, settings.homeworkWindowDays);
    const window = adherenceBetween(tasks, reports, from, asOf);
    if (
      window !== null &&
      window.expected >= settings.homeworkMinDue &&
      dueEveryWeek(tasks, from, asOf) &&
      window.adherence < settings.homeworkAdherenceBelow
    ) {
      triggers.push({ rule: 'HOMEWORK_LOW', ...window, below: settings.homeworkAdherenceBelow, from, to: asOf });
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

/** Whether something fell due in each 7-day stretch of [from, to], counted back from `to`. */
function dueEveryWeek(tasks: readonly HomeworkSchedule[], from: LocalDate, to: LocalDate): boolean {
  for (let end = to; daysBetween(from, end) >= 0; end = addDays(end, -7)) {
    const start = daysBetween(from, addDays(end, -6)) >= 0 ? addDays(end, -6) : from;
    if (expectedReports(tasks, start, end) === 0) return false;
  }
  return true;
}
