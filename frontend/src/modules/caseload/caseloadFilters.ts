import type { TrajectorySignal } from '../common/graphql/types';
import { ALLIANCE_CONCERN_BELOW, GAD7_INSTRUMENT, PHQ9_INSTRUMENT } from '../common/lib/clinicalWording';
import type { FlagKind } from '../flags/graphql/flags';
import type { CaseloadRow } from './graphql/caseload';

export type MeasureFilter =
  'ANY' | 'PHQ9_CASE' | 'GAD7_CASE' | 'RELIABLE_IMPROVEMENT' | 'RELIABLE_DETERIORATION' | 'ALLIANCE_CONCERN';

export type CaseloadSort = 'PRIORITY' | 'CODE' | 'PHQ9' | 'GAD7' | 'ALLIANCE' | 'MOOD' | 'LAST_ACTIVITY';

export interface CaseloadFilters {
  search: string;
  /** A flag kind, 'ANY', or 'NONE' for rows without an open flag. */
  flagKind: FlagKind | 'ANY' | 'NONE';
  measure: MeasureFilter;
  signal: TrajectorySignal | 'ANY';
  sort: CaseloadSort;
}

export const DEFAULT_FILTERS: CaseloadFilters = {
  search: '',
  flagKind: 'ANY',
  measure: 'ANY',
  signal: 'ANY',
  sort: 'PRIORITY',
};

export const MEASURE_FILTER_LABEL: Record<MeasureFilter, string> = {
  ANY: 'Any',
  PHQ9_CASE: `PHQ-9 at or above ${PHQ9_INSTRUMENT.caseness}`,
  GAD7_CASE: `GAD-7 at or above ${GAD7_INSTRUMENT.caseness}`,
  RELIABLE_IMPROVEMENT: 'Reliable improvement (either)',
  RELIABLE_DETERIORATION: 'Reliable deterioration (either)',
  ALLIANCE_CONCERN: `Latest alliance below ${ALLIANCE_CONCERN_BELOW}`,
};

export const SORT_LABEL: Record<CaseloadSort, string> = {
  PRIORITY: 'Priority (most urgent first)',
  CODE: 'Client code',
  PHQ9: 'PHQ-9 (highest first)',
  GAD7: 'GAD-7 (highest first)',
  ALLIANCE: 'Alliance (lowest first)',
  MOOD: '7-day mood (lowest first)',
  LAST_ACTIVITY: 'Last activity (longest ago first)',
};

function matchesMeasure(row: CaseloadRow, measure: MeasureFilter): boolean {
  switch (measure) {
    case 'ANY':
      return true;
    case 'PHQ9_CASE':
      return row.phq9.latest !== null && row.phq9.latest >= PHQ9_INSTRUMENT.caseness;
    case 'GAD7_CASE':
      return row.gad7.latest !== null && row.gad7.latest >= GAD7_INSTRUMENT.caseness;
    case 'RELIABLE_IMPROVEMENT':
      return row.phq9.changeClass === 'RELIABLE_IMPROVEMENT' || row.gad7.changeClass === 'RELIABLE_IMPROVEMENT';
    case 'RELIABLE_DETERIORATION':
      return row.phq9.changeClass === 'RELIABLE_DETERIORATION' || row.gad7.changeClass === 'RELIABLE_DETERIORATION';
    case 'ALLIANCE_CONCERN':
      return row.alliance.latest !== null && row.alliance.latest < ALLIANCE_CONCERN_BELOW;
  }
}

/** Nulls sort last whatever the direction. */
function compareNullable(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

const comparators: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
  PRIORITY: (a, b) => a.priority - b.priority,
  CODE: (a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }),
  PHQ9: (a, b) => compareNullable(a.phq9.latest, b.phq9.latest, -1),
  GAD7: (a, b) => compareNullable(a.gad7.latest, b.gad7.latest, -1),
  ALLIANCE: (a, b) => compareNullable(a.alliance.latest, b.alliance.latest, 1),
  MOOD: (a, b) => compareNullable(a.mood.mean7, b.mood.mean7, 1),
  LAST_ACTIVITY: (a, b) =>
    compareNullable(
      a.lastActivityAt ? Date.parse(a.lastActivityAt) : null,
      b.lastActivityAt ? Date.parse(b.lastActivityAt) : null,
      1,
    ),
};

/** The rows that pass every filter, in the chosen order (ties keep the server's priority order). */
export function applyCaseloadFilters(rows: readonly CaseloadRow[], filters: CaseloadFilters): CaseloadRow[] {
  const search = filters.search.trim().toLowerCase();
  const filtered = rows.filter((row) => {
    if (search && !row.code.toLowerCase().includes(search) && !(row.displayName ?? '').toLowerCase().includes(search)) {
      return false;
    }
    const open = row.openFlags.filter((flag) => flag.status !== 'RESOLVED');
    if (filters.flagKind === 'NONE' && open.length > 0) return false;
    if (
      filters.flagKind !== 'ANY' &&
      filters.flagKind !== 'NONE' &&
      !open.some((flag) => flag.kind === filters.flagKind)
    ) {
      return false;
    }
    if (filters.signal !== 'ANY' && row.trajectorySignal !== filters.signal) return false;
    return matchesMeasure(row, filters.measure);
  });
  const compare = comparators[filters.sort];
  return filtered
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare(a.row, b.row) || a.row.priority - b.row.priority || a.index - b.index)
    .map(({ row }) => row);
}
