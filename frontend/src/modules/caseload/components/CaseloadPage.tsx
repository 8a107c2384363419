import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import { useMe } from '../../auth/hooks/useMe';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { applyCaseloadFilters } from '../caseloadFilters';
import { CASELOAD_QUERY } from '../graphql/caseload';
import { useCaseloadFilters } from '../hooks/useCaseloadFilters';
import { CaseloadFiltersBar } from './CaseloadFiltersBar';
import { CaseloadTable } from './CaseloadTable';
import './caseload.css';

/** The therapist's home: who needs attention first. Managers may pass ?therapist=<id>. */
export function CaseloadPage() {
  useDocumentTitle('Caseload');
  const [params] = useSearchParams();
  const therapistId = params.get('therapist');
  const { data, loading, error, refetch } = useQuery(CASELOAD_QUERY, {
    variables: { therapistId },
    fetchPolicy: 'cache-and-network',
  });
  const { me } = useMe();
  const { filters, setFilter, reset, active } = useCaseloadFilters();
  const [search, setSearch] = useState(filters.search);
  const clearAll = () => {
    setSearch('');
    reset();
  };
  const rows = useMemo(() => (data ? applyCaseloadFilters(data.caseload, filters) : []), [data, filters]);
  const total = data?.caseload.length ?? 0;
  const flagged = data?.caseload.filter((row) => row.openFlags.some((flag) => flag.status !== 'RESOLVED')).length ?? 0;

  return (
    <div className="page page--wide">
      <header className="page__header">
        <div>
          <h1>Caseload</h1>
          {data && (
            <p className="page__lede">
              {total} client{total === 1 ? '' : 's'} · {flagged} with open flags · ranked by who needs attention first
            </p>
          )}
        </div>
        <Link to="/clients/new" className="button button--primary">
          Add client
        </Link>
      </header>
      <CaseloadFiltersBar
        filters={filters}
        search={search}
        setSearch={setSearch}
        setFilter={setFilter}
        reset={clearAll}
        active={active}
      />
      <div aria-live="polite" className="visually-hidden">
        {data ? `Showing ${rows.length} of ${total} clients` : ''}
      </div>
      {loading && !data ? (
        <LoadingState label="Loading caseload…" />
      ) : error && !data ? (
        <ErrorState error={error} title="We could not load the caseload" onRetry={() => void refetch()} />
      ) : total === 0 ? (
        <div className="state state--empty" data-testid="caseload-empty">
          <h2 className="state__title">No clients yet</h2>
          {me?.role === 'MANAGER' && !therapistId ? (
            <p>
              A practice manager has no caseload of their own. Open a therapist&apos;s caseload from the{' '}
              <Link to="/therapists">Therapists</Link> page, or see practice-wide flags on the{' '}
              <Link to="/flags">Flags</Link> page.
            </p>
          ) : (
            <p>Clients assigned {therapistId ? 'to this therapist' : 'to you'} will appear here, most urgent first.</p>
          )}
        </div>
      ) : rows.length === 0 ? (
        <div className="state state--empty" data-testid="caseload-empty">
          <h2 className="state__title">No clients match these filters</h2>
          <button type="button" className="button" onClick={clearAll}>
            Clear filters
          </button>
        </div>
      ) : (
        <CaseloadTable rows={rows} sort={filters.sort} />
      )}
    </div>
  );
}
