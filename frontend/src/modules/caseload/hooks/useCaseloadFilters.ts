import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TrajectorySignal } from '../../common/graphql/types';
import { FLAG_KINDS } from '../../flags/flagWording';
import {
  DEFAULT_FILTERS,
  MEASURE_FILTER_LABEL,
  SORT_LABEL,
  type CaseloadFilters,
  type CaseloadSort,
  type MeasureFilter,
} from '../caseloadFilters';

const SIGNALS: readonly TrajectorySignal[] = ['WHITE', 'GREEN', 'YELLOW', 'RED'];

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((option) => option === value) ?? fallback;
}

/** Caseload filters kept in the URL (?q=&flag=&measure=&signal=&sort=), so a view can be shared or reloaded. */
export function useCaseloadFilters(): {
  filters: CaseloadFilters;
  setFilter: <K extends keyof CaseloadFilters>(key: K, value: CaseloadFilters[K]) => void;
  reset: () => void;
  active: boolean;
} {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CaseloadFilters>(
    () => ({
      search: params.get('q') ?? '',
      flagKind: pick(params.get('flag'), [...FLAG_KINDS, 'ANY', 'NONE'] as const, 'ANY'),
      measure: pick(params.get('measure'), Object.keys(MEASURE_FILTER_LABEL) as MeasureFilter[], 'ANY'),
      signal: pick(params.get('signal'), [...SIGNALS, 'ANY'] as const, 'ANY'),
      sort: pick(params.get('sort'), Object.keys(SORT_LABEL) as CaseloadSort[], 'PRIORITY'),
    }),
    [params],
  );
  const setFilter = useCallback(
    <K extends keyof CaseloadFilters>(key: K, value: CaseloadFilters[K]) => {
      const names: Record<keyof CaseloadFilters, string> = {
        search: 'q',
        flagKind: 'flag',
        measure: 'measure',
        signal: 'signal',
        sort: 'sort',
      };
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === DEFAULT_FILTERS[key] || value === '') next.delete(names[key]);
          else next.set(names[key], String(value));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => {
    setParams(
      (previous) => {
        const next = new URLSearchParams();
        const therapist = previous.get('therapist');
        if (therapist) next.set('therapist', therapist);
        return next;
      },
      { replace: true },
    );
  }, [setParams]);
  const active =
    filters.search !== '' || filters.flagKind !== 'ANY' || filters.measure !== 'ANY' || filters.signal !== 'ANY';
  return { filters, setFilter, reset, active };
}
