import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { byUrgency, STATUS_LABEL } from '../flagWording';
import { FLAGS_QUERY, type FlagStatus } from '../graphql/flags';
import { FlagCard } from './FlagCard';

const STATUSES: readonly FlagStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'CLEARED'];

function parseStatus(value: string | null): FlagStatus | null {
  if (value === 'ALL') return null;
  return STATUSES.find((status) => status === value) ?? 'OPEN';
}

/** Every flag the signed-in therapist (or manager) can see, by status. */
export function FlagsPage() {
  useDocumentTitle('Flags');
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const { data, loading, error, refetch } = useQuery(FLAGS_QUERY, {
    variables: { status },
    fetchPolicy: 'cache-and-network',
  });
  const flags = data ? [...data.flags].sort(byUrgency) : [];

  return (
    <div className="page">
      <header className="page__header">
        <h1>Flags</h1>
        <div className="field field--inline">
          <label htmlFor="flag-status">Status</label>
          <select
            id="flag-status"
            value={status ?? 'ALL'}
            onChange={(event) => setParams(event.target.value === 'OPEN' ? {} : { status: event.target.value })}
          >
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {STATUS_LABEL[option]}
              </option>
            ))}
            <option value="ALL">All</option>
          </select>
        </div>
      </header>
      {loading && !data ? (
        <LoadingState label="Loading flags…" />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : flags.length === 0 ? (
        <p className="state state--empty">No {status ? STATUS_LABEL[status].toLowerCase() : ''} flags.</p>
      ) : (
        <div className="flag-list">
          {flags.map((flag) => (
            <FlagCard key={flag.id} flag={flag} showClient />
          ))}
        </div>
      )}
    </div>
  );
}
