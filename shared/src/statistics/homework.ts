import { fromDayNumber, toDayNumber, type LocalDate } from '../dates/local-date.js';

export type HomeworkStatus = 'DONE' | 'PARTIAL' | 'NOT_DONE';

/**
 * Homework adherence over a window: (done + 0.5 × partial) / expected reports, capped at 1 so
 * extra reports cannot hide missed ones elsewhere. Half credit for a partial report is Cairn's
 * convention (DESIGN.md); compliance is tracked because it predicts outcome (Kazantzis, Deane &
 * Ronan 2000, Clin Psychol Sci Pract 7:189-202). Null when nothing was expected.
 */
export function homeworkAdherence(reports: readonly { status: HomeworkStatus }[], expected: number): number | null {
  const done = reports.filter((report) => report.status === 'DONE').length;
  const partial = reports.filter((report) => report.status === 'PARTIAL').length;
  return adherenceOfCounts(done, partial, expected);
}

function adherenceOfCounts(done: number, partial: number, expected: number): number | null {
  if (!(expected >= 0)) throw new RangeError(`Expected reports must be >= 0, got ${expected}`);
  if (expected === 0) return null;
  return Math.min(1, (done + 0.5 * partial) / expected);
}

export type HomeworkFrequency = 'ONCE' | 'DAILY' | 'WEEKLY';

export interface HomeworkSchedule {
  id: string;
  frequency: HomeworkFrequency;
  assignedOn: LocalDate;
  dueOn: LocalDate | null;
}

export interface HomeworkReportOnDay {
  assignmentId: string;
  /** Client-local date of the report. */
  date: LocalDate;
  status: HomeworkStatus;
}

/**
 * Days between `from` and `to` (inclusive) on which a report of the task falls due. A daily task
 * is due each day after the day it was set, a weekly one every 7 days after it was set, a one-off
 * on its due date; nothing is due after the due date. (Counting the day a task is set made a
 * brand-new assignment look like a missed one.)
 */
export function dueDaysBetween(task: Omit<HomeworkSchedule, 'id'>, from: LocalDate, to: LocalDate): number {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const assigned = toDayNumber(task.assignedOn);
  const end = Math.min(task.dueOn === null ? last : toDayNumber(task.dueOn), last);
  switch (task.frequency) {
    case 'DAILY':
      return Math.max(0, end - Math.max(assigned + 1, first) + 1);
    case 'WEEKLY': {
      const firstWeek = Math.max(1, Math.ceil((first - assigned) / 7));
      return Math.max(0, Math.floor((end - assigned) / 7) - firstWeek + 1);
    }
    case 'ONCE': {
      const due = task.dueOn === null ? null : toDayNumber(task.dueOn);
      return due !== null && due >= first && due <= last ? 1 : 0;
    }
  }
}

/** Reports due from all the tasks between two local dates (inclusive). */
export function expectedReports(
  tasks: readonly Omit<HomeworkSchedule, 'id'>[],
  from: LocalDate,
  to: LocalDate,
): number {
  return tasks.reduce((sum, task) => sum + dueDaysBetween(task, from, to), 0);
}

/**
 * The due day a report answers, or null when the task asked for none then. A weekly task is
 * often done a day or two before the session, so a weekly report answers the next due day on or
 * after its date (the last one if it comes later); a one-off report answers the due date.
 */
export function answeredDueDay(task: HomeworkSchedule, date: LocalDate): LocalDate | null {
  const due = answeredDueDayNumber(taskDays(task), toDayNumber(date));
  return due === null ? null : fromDayNumber(due);
}

/** A task's schedule as day numbers, read once per task (the report matches thousands of reports). */
interface TaskDays {
  frequency: HomeworkFrequency;
  assigned: number;
  due: number | null;
}

function taskDays(task: Omit<HomeworkSchedule, 'id'>): TaskDays {
  return {
    frequency: task.frequency,
    assigned: toDayNumber(task.assignedOn),
    due: task.dueOn === null ? null : toDayNumber(task.dueOn),
  };
}

function answeredDueDayNumber({ frequency, assigned, due }: TaskDays, day: number): number | null {
  switch (frequency) {
    case 'DAILY':
      return day > assigned && (due === null || day <= due) ? day : null;
    case 'WEEKLY': {
      const lastWeek = due === null ? Infinity : Math.floor((due - assigned) / 7);
      const week = Math.min(Math.max(1, Math.ceil((day - assigned) / 7)), lastWeek);
      return day >= assigned && week >= 1 ? assigned + 7 * week : null;
    }
    case 'ONCE':
      return day >= assigned && due !== null ? due : null;
  }
}

export interface AdherenceWindow {
  adherence: number;
  expected: number;
  done: number;
  partial: number;
  notDone: number;
}

/**
 * Adherence between two local dates (inclusive): each report is credited to the due day it
 * answers, so a weekly task done early still counts in the window that holds its due day. Null
 * when nothing fell due.
 */
export function adherenceBetween(
  tasks: readonly HomeworkSchedule[],
  reports: readonly HomeworkReportOnDay[],
  from: LocalDate,
  to: LocalDate,
): AdherenceWindow | null {
  const expected = expectedReports(tasks, from, to);
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const byId = new Map(tasks.map((task) => [task.id, taskDays(task)]));
  let done = 0;
  let partial = 0;
  let notDone = 0;
  for (const report of reports) {
    const task = byId.get(report.assignmentId);
    const due = task ? answeredDueDayNumber(task, toDayNumber(report.date)) : null;
    if (due === null || due < first || due > last) continue;
    if (report.status === 'DONE') done += 1;
    else if (report.status === 'PARTIAL') partial += 1;
    else notDone += 1;
  }
  const adherence = adherenceOfCounts(done, partial, expected);
  return adherence === null ? null : { adherence, expected, done, partial, notDone };
}
