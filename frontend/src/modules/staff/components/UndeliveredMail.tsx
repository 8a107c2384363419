import { useQuery } from '@apollo/client/react';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import { formatDateTime } from '../../common/lib/format';
import { OUTBOX_FAILURES_QUERY } from '../graphql/staff';

/** "STAFF_INVITATION" -> "Staff invitation". */
function kindLabel(kind: string): string {
  const words = kind.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * E-mail the practice could not deliver, newest first, with the mail server's reason: a manager
 * can tell the person another way or fix the address. Addresses are shown only partly.
 */
export function UndeliveredMail() {
  const { data, loading, error, refetch } = useQuery(OUTBOX_FAILURES_QUERY, { fetchPolicy: 'cache-and-network' });
  const failures = data?.outboxFailures ?? [];
  return (
    <section className="panel" aria-labelledby="undelivered-heading" data-testid="undelivered-mail">
      <h2 id="undelivered-heading" className="panel__title">
        Undelivered e-mail
      </h2>
      {loading && !data ? (
        <LoadingState label="Loading undelivered e-mail…" />
      ) : error && !data ? (
        <ErrorState error={error} title="We could not load undelivered e-mail" onRetry={() => void refetch()} />
      ) : failures.length === 0 ? (
        <p className="muted">Every message has been delivered or is still being tried.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">E-mail that could not be delivered</caption>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">To</th>
                <th scope="col">Why</th>
                <th scope="col">Attempts</th>
                <th scope="col">Given up</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((failure) => (
                <tr key={failure.id}>
                  <th scope="row">{kindLabel(failure.kind)}</th>
                  <td>{failure.recipientHint}</td>
                  <td>{failure.reason}</td>
                  <td>{failure.attempts}</td>
                  <td>
                    <time dateTime={failure.failedAt}>{formatDateTime(failure.failedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
