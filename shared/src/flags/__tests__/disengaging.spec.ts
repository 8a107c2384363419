import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../dates/local-date.js';
import type { HomeworkSchedule } from '../../statistics/homework.js';
import type { MoodEntry } from '../../statistics/mood.js';
import { evaluateDisengaging } from '../disengaging.js';
import type { HomeworkReportPoint, SessionPoint, SessionStatus } from '../types.js';

const AS_OF = '2025-03-31';

/** `count` daily entries ending on `lastDaysAgo` days before AS_OF. */
function dailyEntries(count: number, lastDaysAgo: number): MoodEntry[] {
  return Array.from({ length: count }, (_, i) => ({ date: addDays(AS_OF, -(lastDaysAgo + i)), rating: 6 }));
}

describe('DISENGAGING: mood gap after regular use', () => {
  it('fires when the last entry was 7 days ago after 10 entries in the 28 days before', () => {
    const flag = evaluateDisengaging({ asOf: AS_OF, moods: dailyEntries(10, 7) });
    expect(flag).toMatchObject({ kind: 'DISENGAGING', severity: 'MEDIUM' });
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'MOOD_GAP',
        lastEntryDate: '2025-03-24',
        daysWithoutEntry: 7,
        entriesBefore: 10,
        regularWindowDays: 28,
        asOf: AS_OF,
      },
    ]);
  });

  it('does not fire when the last entry was 6 days ago', () => {
    expect(evaluateDisengaging({ asOf: AS_OF, moods: dailyEntries(10, 6) })).toBeNull();
  });

  it('does not fire after only 9 entries (not regular use)', () => {
    expect(evaluateDisengaging({ asOf: AS_OF, moods: dailyEntries(9, 7) })).toBeNull();
  });

  it('counts regular use only in the 28 days ending on the last entry', () => {
    // Nine entries up to the last one, and a tenth 28 days before it: outside the window.
    const moods = [...dailyEntries(9, 7), { date: addDays(AS_OF, -(7 + 28)), rating: 6 }];
    expect(evaluateDisengaging({ asOf: AS_OF, moods })).toBeNull();
  });

  it('ignores entries dated after asOf and a client who never used mood', () => {
    expect(evaluateDisengaging({ asOf: AS_OF, moods: [] })).toBeNull();
    const future = [...dailyEntries(10, 7), { date: '2025-04-02', rating: 6 }];
    expect(evaluateDisengaging({ asOf: AS_OF, moods: future })?.kind).toBe('DISENGAGING');
  });
});

describe('DISENGAGING: homework adherence below 30% over 3 weeks', () => {
  // A daily task set 30 days ago, due every day since: 21 reports due in the window 11-31 March.
  const daily: HomeworkSchedule = { id: 'daily', frequency: 'DAILY', assignedOn: addDays(AS_OF, -30), dueOn: null };
  const report = (
    daysAgo: number,
    status: HomeworkReportPoint['status'],
    assignmentId = 'daily',
  ): HomeworkReportPoint => ({
    assignmentId,
    date: addDays(AS_OF, -daysAgo),
    status,
  });
  const done = (...daysAgo: number[]) => daysAgo.map((d) => report(d, 'DONE'));

  it('fires at 26% (5 done + 1 partial of 21 due)', () => {
    const reports = [...done(1, 3, 5, 7, 9), report(20, 'PARTIAL'), report(11, 'NOT_DONE')];
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [daily], reports } })?.evidence.triggers).toEqual([
      {
        rule: 'HOMEWORK_LOW',
        adherence: 5.5 / 21,
        expected: 21,
        done: 5,
        partial: 1,
        notDone: 1,
        below: 0.3,
        from: '2025-03-11',
        to: AS_OF,
      },
    ]);
  });

  it('does not fire at 30% or above (6.5 of 21 = 31%)', () => {
    const reports = [...done(1, 2, 3, 4, 5, 6), report(7, 'PARTIAL')];
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [daily], reports } })).toBeNull();
  });

  it('leaves out reports older than the 21-day window', () => {
    // The sixth "done" is 21 days ago, one day before the window (11-31 March) starts: 5.5 / 21.
    const reports = [...done(1, 2, 3, 4, 5, 21), report(6, 'PARTIAL')];
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [daily], reports } })?.kind).toBe('DISENGAGING');
  });

  it('credits a weekly report done early to the due day it answers', () => {
    // Weekly task set 22 days ago: due 15, 8 and 1 days ago (3 due, one in each week of the window).
    // Reported 16 days ago (before the window's first due day), 9 and 2 days ago: 3 of 3.
    const weekly: HomeworkSchedule = {
      id: 'weekly',
      frequency: 'WEEKLY',
      assignedOn: addDays(AS_OF, -22),
      dueOn: null,
    };
    const early = [16, 9, 2].map((d) => report(d, 'DONE', 'weekly'));
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [weekly], reports: early } })).toBeNull();
    // Only the first one done: 1 of 3 = 33%, still not below 30%; none done: fires.
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [weekly], reports: early.slice(0, 1) } })).toBeNull();
    const flag = evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [weekly], reports: [] } });
    expect(flag?.evidence.triggers[0]).toMatchObject({ rule: 'HOMEWORK_LOW', adherence: 0, expected: 3 });
  });

  it('judges only from 3 due reports with some due in each week of the window', () => {
    // A daily task set 3 days ago: 3 due, all in the last week. Nothing done, yet too soon to judge.
    const fresh: HomeworkSchedule = { id: 'fresh', frequency: 'DAILY', assignedOn: addDays(AS_OF, -3), dueOn: null };
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [fresh], reports: [] } })).toBeNull();
    // The tail of a daily task that ended 10 days ago: due 20..10 days ago, nothing due in the last week.
    const ended: HomeworkSchedule = {
      id: 'ended',
      frequency: 'DAILY',
      assignedOn: addDays(AS_OF, -30),
      dueOn: addDays(AS_OF, -10),
    };
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [ended], reports: [] } })).toBeNull();
    // Both together: due in every week (11 + 3 = 14 due), nothing done: fires.
    const both = evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [fresh, ended], reports: [] } });
    expect(both?.evidence.triggers[0]).toMatchObject({ rule: 'HOMEWORK_LOW', expected: 14 });
  });

  it('does not fire when no homework was due', () => {
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { tasks: [], reports: [] } })).toBeNull();
  });
});

describe('DISENGAGING: 2 of the last 4 sessions missed', () => {
  const sessions = (...statuses: SessionStatus[]): SessionPoint[] =>
    statuses.map((status, i) => ({ id: `s${i}`, status }));

  it('fires on 2 no-shows among the last 4', () => {
    const flag = evaluateDisengaging({ asOf: AS_OF, sessions: sessions('ATTENDED', 'NO_SHOW', 'ATTENDED', 'NO_SHOW') });
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'SESSIONS_MISSED',
        missed: 2,
        of: 4,
        sessions: [
          { id: 's0', status: 'ATTENDED' },
          { id: 's1', status: 'NO_SHOW' },
          { id: 's2', status: 'ATTENDED' },
          { id: 's3', status: 'NO_SHOW' },
        ],
      },
    ]);
  });

  it('does not fire on 1 no-show among the last 4, an older one falling outside', () => {
    expect(
      evaluateDisengaging({
        asOf: AS_OF,
        sessions: sessions('NO_SHOW', 'ATTENDED', 'ATTENDED', 'NO_SHOW', 'ATTENDED'),
      }),
    ).toBeNull();
  });

  it('skips cancelled and future sessions when choosing the last 4', () => {
    const mixed = sessions('NO_SHOW', 'ATTENDED', 'CANCELLED', 'ATTENDED', 'NO_SHOW', 'SCHEDULED');
    expect(evaluateDisengaging({ asOf: AS_OF, sessions: mixed })?.evidence.triggers[0]).toMatchObject({
      missed: 2,
      of: 4,
    });
  });
});

describe('DISENGAGING: several signals', () => {
  it('reports each one in a single flag', () => {
    const flag = evaluateDisengaging({
      asOf: AS_OF,
      moods: dailyEntries(12, 9),
      homework: {
        tasks: [{ id: 'w', frequency: 'WEEKLY', assignedOn: addDays(AS_OF, -22), dueOn: null }],
        reports: [],
      },
      sessions: [{ status: 'NO_SHOW' }, { status: 'NO_SHOW' }],
    });
    expect(flag?.evidence.triggers.map((t) => t.rule)).toEqual(['MOOD_GAP', 'HOMEWORK_LOW', 'SESSIONS_MISSED']);
  });
});
