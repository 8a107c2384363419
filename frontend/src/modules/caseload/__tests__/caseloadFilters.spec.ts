import { describe, expect, it } from '@jest/globals';
import type { ScoreSummary } from '../../common/graphql/types';
import type { Flag } from '../../flags/graphql/flags';
import { applyCaseloadFilters, DEFAULT_FILTERS } from '../caseloadFilters';
import type { CaseloadRow } from '../graphql/caseload';

const score = (latest: number | null, changeClass: ScoreSummary['changeClass'] = null): ScoreSummary => ({
  instrumentCode: 'PHQ9',
  baseline: null,
  latest,
  latestAt: null,
  change: null,
  changeClass,
  band: null,
  isCase: null,
  points: [],
});

const flag = (kind: Flag['kind'], status: Flag['status'] = 'OPEN'): Flag => ({
  id: `${kind}-${status}`,
  clientId: 'x',
  clientCode: 'x',
  kind,
  severity: 'HIGH',
  status,
  description: '',
  evidence: '{}',
  ruleVersion: '1',
  openedAt: '2024-01-01T00:00:00Z',
  acknowledgedAt: null,
  acknowledgedByName: null,
  acknowledgeNote: null,
  resolvedAt: null,
  resolvedByName: null,
  resolveNote: null,
  clearedAt: null,
  clearReason: null,
  repaired: null,
  repairObserved: null,
});

function row(code: string, priority: number, overrides: Partial<CaseloadRow> = {}): CaseloadRow {
  return {
    clientId: code,
    code,
    displayName: null,
    status: 'ACTIVE',
    phq9: score(8),
    gad7: score(5),
    trajectorySignal: 'GREEN',
    alliance: { latest: 38, latestAt: null, previousMean: null, trend: null },
    homeworkAdherence28: null,
    mood: { mean7: 6, mean28: null, slope28: null, rmssd28: null, adherence28: 0, points: [] },
    openFlags: [],
    dataProblem: null,
    priority,
    lastActivityAt: null,
    ...overrides,
  };
}

const rows = [
  row('C-3', 1, { openFlags: [flag('RISK')], phq9: score(19, 'RELIABLE_DETERIORATION'), trajectorySignal: 'RED' }),
  row('C-10', 2, {
    openFlags: [flag('ALLIANCE_RUPTURE')],
    alliance: { latest: 31, latestAt: null, previousMean: 37, trend: -6 },
  }),
  row('C-2', 3, { openFlags: [flag('STALLED', 'RESOLVED')], gad7: score(12), mood: { ...row('x', 0).mood, mean7: 3 } }),
  row('C-1', 4, { phq9: score(4, 'RELIABLE_IMPROVEMENT'), trajectorySignal: 'WHITE' }),
];
const codes = (list: CaseloadRow[]) => list.map((r) => r.code);

describe('applyCaseloadFilters', () => {
  it('keeps the server priority order by default', () => {
    expect(codes(applyCaseloadFilters(rows, DEFAULT_FILTERS))).toEqual(['C-3', 'C-10', 'C-2', 'C-1']);
  });

  it('finds clients by part of their code, ignoring case', () => {
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, search: 'c-1' }))).toEqual(['C-10', 'C-1']);
  });

  it('filters by an open flag kind, ignoring resolved flags', () => {
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, flagKind: 'ALLIANCE_RUPTURE' }))).toEqual(['C-10']);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, flagKind: 'STALLED' }))).toEqual([]);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, flagKind: 'NONE' }))).toEqual(['C-2', 'C-1']);
  });

  it('filters by measure status and by trajectory signal', () => {
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, measure: 'PHQ9_CASE' }))).toEqual(['C-3']);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, measure: 'GAD7_CASE' }))).toEqual(['C-2']);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, measure: 'ALLIANCE_CONCERN' }))).toEqual(['C-10']);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, measure: 'RELIABLE_IMPROVEMENT' }))).toEqual(['C-1']);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, signal: 'WHITE' }))).toEqual(['C-1']);
  });

  it('sorts codes in natural order and scores highest first', () => {
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, sort: 'CODE' }))).toEqual([
      'C-1',
      'C-2',
      'C-3',
      'C-10',
    ]);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, sort: 'PHQ9' }))).toEqual([
      'C-3',
      'C-10',
      'C-2',
      'C-1',
    ]);
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, sort: 'ALLIANCE' }))[0]).toBe('C-10');
    expect(codes(applyCaseloadFilters(rows, { ...DEFAULT_FILTERS, sort: 'MOOD' }))[0]).toBe('C-2');
  });
});
