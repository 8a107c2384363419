import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../dates/local-date.js';
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
  const report = (daysAgo: number, status: HomeworkReportPoint['status']): HomeworkReportPoint => ({
    date: addDays(AS_OF, -daysAgo),
    status,
  });

  it('fires at 25% (2 done + 1 partial of 10 expected)', () => {
    const reports = [report(1, 'DONE'), report(3, 'DONE'), report(20, 'PARTIAL'), report(5, 'NOT_DONE')];
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { reports, expected: 10 } })?.evidence.triggers).toEqual([
      {
        rule: 'HOMEWORK_LOW',
        adherence: 0.25,
        below: 0.3,
        done: 2,
        partial: 1,
        notDone: 1,
        expected: 10,
        from: '2025-03-11',
        to: AS_OF,
      },
    ]);
  });

  it('does not fire at exactly 30% (3 done of 10)', () => {
    const reports = [report(1, 'DONE'), report(2, 'DONE'), report(3, 'DONE')];
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { reports, expected: 10 } })).toBeNull();
  });

  it('leaves out reports older than the 21-day window', () => {
    // The third "done" is 21 days ago, one day before the window (11-31 March) starts.
    const reports = [report(1, 'DONE'), report(2, 'DONE'), report(21, 'DONE')];
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { reports, expected: 10 } })?.kind).toBe('DISENGAGING');
  });

  it('does not fire when no homework was expected', () => {
    expect(evaluateDisengaging({ asOf: AS_OF, homework: { reports: [], expected: 0 } })).toBeNull();
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
      homework: { reports: [], expected: 3 },
      sessions: [{ status: 'NO_SHOW' }, { status: 'NO_SHOW' }],
    });
    expect(flag?.evidence.triggers.map((t) => t.rule)).toEqual(['MOOD_GAP', 'HOMEWORK_LOW', 'SESSIONS_MISSED']);
  });
});
