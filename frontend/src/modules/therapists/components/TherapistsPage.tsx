import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { THERAPISTS_QUERY } from '../graphql/therapists';
import { alphabetical } from '../therapistOrder';
import './therapists.css';

/** The practice's therapists for a manager, in alphabetical order, each opening their caseload or report. */
export function TherapistsPage() {
  useDocumentTitle('Therapists');
  const { data, loading, error, refetch } = useQuery(THERAPISTS_QUERY, { fetchPolicy: 'cache-and-network' });
  const therapists = useMemo(
    () =>
      alphabetical(
        data?.therapists ?? [],
        (therapist) => therapist.displayName,
        (therapist) => therapist.id,
      ),
    [data],
  );

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1>Therapists</h1>
          {data && (
            <p className="page__lede">
              {therapists.length} therapist{therapists.length === 1 ? '' : 's'}, in alphabetical order
            </p>
          )}
        </div>
      </header>
      {loading && !data ? (
        <LoadingState label="Loading therapists…" />
      ) : error && !data ? (
        <ErrorState error={error} title="We could not load the therapists" onRetry={() => void refetch()} />
      ) : therapists.length === 0 ? (
        <div className="state state--empty" data-testid="therapists-empty">
          <h2 className="state__title">No therapists yet</h2>
          <p>Therapists of the practice will appear here, each with a link to their caseload.</p>
        </div>
      ) : (
        <div className="panel">
          <div className="table-scroll">
            <table className="data-table therapists-table" data-testid="therapists-table">
              <caption className="visually-hidden">Therapists of the practice, in alphabetical order</caption>
              <thead>
                <tr>
                  <th scope="col">Therapist</th>
                  <th scope="col" className="num">
                    Active clients
                  </th>
                  <th scope="col" className="num">
                    With open flags
                  </th>
                  <th scope="col">Outcomes</th>
                </tr>
              </thead>
              <tbody>
                {therapists.map((therapist) => (
                  <tr key={therapist.id} data-testid="therapist-list-row" data-therapist-id={therapist.id}>
                    <th scope="row">
                      <Link to={`/caseload?therapist=${encodeURIComponent(therapist.id)}`}>
                        {therapist.displayName}
                      </Link>
                    </th>
                    <td className="num">{therapist.activeClients}</td>
                    <td className="num">{therapist.flaggedClients}</td>
                    <td>
                      <Link
                        to={`/reports?therapist=${encodeURIComponent(therapist.id)}`}
                        aria-label={`Outcome report for ${therapist.displayName}`}
                      >
                        Outcome report
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
