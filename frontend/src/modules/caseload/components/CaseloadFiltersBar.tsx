import type { TrajectorySignal } from '../../common/graphql/types';
import { SIGNAL_LABEL } from '../../common/lib/clinicalWording';
import { FLAG_KIND_LABEL, FLAG_KINDS } from '../../flags/flagWording';
import {
  MEASURE_FILTER_LABEL,
  SORT_LABEL,
  type CaseloadFilters,
  type CaseloadSort,
  type MeasureFilter,
} from '../caseloadFilters';

const SIGNALS: readonly TrajectorySignal[] = ['RED', 'YELLOW', 'GREEN', 'WHITE'];

export function CaseloadFiltersBar({
  filters,
  search,
  setSearch,
  setFilter,
  reset,
  active,
}: {
  filters: CaseloadFilters;
  /** The search box text, held by the page so typing never waits on the URL (navigations are transitions). */
  search: string;
  setSearch: (search: string) => void;
  setFilter: <K extends keyof CaseloadFilters>(key: K, value: CaseloadFilters[K]) => void;
  reset: () => void;
  active: boolean;
}) {
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter the caseload"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor="caseload-search">Search client code</label>
        <input
          id="caseload-search"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setFilter('search', event.target.value);
          }}
          placeholder="e.g. C-104"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="caseload-flag">Flag</label>
        <select
          id="caseload-flag"
          value={filters.flagKind}
          onChange={(event) => setFilter('flagKind', event.target.value as CaseloadFilters['flagKind'])}
        >
          <option value="ANY">Any</option>
          {FLAG_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {FLAG_KIND_LABEL[kind]}
            </option>
          ))}
          <option value="NONE">No open flags</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="caseload-measure">Measure</label>
        <select
          id="caseload-measure"
          value={filters.measure}
          onChange={(event) => setFilter('measure', event.target.value as MeasureFilter)}
        >
          {(Object.keys(MEASURE_FILTER_LABEL) as MeasureFilter[]).map((measure) => (
            <option key={measure} value={measure}>
              {MEASURE_FILTER_LABEL[measure]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="caseload-signal">Signal</label>
        <select
          id="caseload-signal"
          value={filters.signal}
          onChange={(event) => setFilter('signal', event.target.value as CaseloadFilters['signal'])}
        >
          <option value="ANY">Any</option>
          {SIGNALS.map((signal) => (
            <option key={signal} value={signal}>
              {SIGNAL_LABEL[signal]} ({signal.toLowerCase()})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="caseload-sort">Sort by</label>
        <select
          id="caseload-sort"
          value={filters.sort}
          onChange={(event) => setFilter('sort', event.target.value as CaseloadSort)}
        >
          {(Object.keys(SORT_LABEL) as CaseloadSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABEL[sort]}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <button type="button" className="button button--quiet filters__reset" onClick={reset}>
          Clear filters
        </button>
      )}
    </form>
  );
}
