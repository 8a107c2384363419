import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { StaffMemberFieldsFragment } from '../../../gql/graphql';
import { useMe } from '../../auth/hooks/useMe';
import { ErrorState } from '../../common/components/ErrorState';
import { FormMessage } from '../../common/components/FormMessage';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { asErrorLike, describeApiError } from '../../common/lib/errors';
import { formatDate } from '../../common/lib/format';
import { RESEND_INVITATION_MUTATION, REVOKE_INVITATION_MUTATION, STAFF_QUERY } from '../graphql/staff';
import { DeactivatePanel } from './DeactivatePanel';
import { InviteStaffForm } from './InviteStaffForm';
import { UndeliveredMail } from './UndeliveredMail';
import './staff.css';

const ROLE_LABEL = { THERAPIST: 'Therapist', MANAGER: 'Practice manager', CLIENT: 'Client' } as const;

/** The practice's people for a manager: who works here, who is invited, and who has left. */
export function StaffPage() {
  useDocumentTitle('Staff');
  const { me } = useMe();
  const { data, loading, error, refetch } = useQuery(STAFF_QUERY, { fetchPolicy: 'cache-and-network' });
  const [deactivating, setDeactivating] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [resend] = useMutation(RESEND_INVITATION_MUTATION, { refetchQueries: ['Staff'] });
  const [revoke] = useMutation(REVOKE_INVITATION_MUTATION, { refetchQueries: ['Staff'] });
  const staff = data?.staff ?? [];
  const activeTherapists = staff.filter((s) => s.role === 'THERAPIST' && s.status === 'ACTIVE');

  async function act(work: () => Promise<unknown>, success: string) {
    setMessage({});
    try {
      await work();
      setMessage({ success });
    } catch (thrown) {
      setMessage({ error: describeApiError(asErrorLike(thrown))?.message ?? 'That did not work.' });
    }
  }

  function actions(person: StaffMemberFieldsFragment) {
    if (person.status === 'INVITED') {
      return (
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void act(
                () => resend({ variables: { userId: person.id } }),
                `A new invitation was sent to ${person.email}.`,
              )
            }
          >
            Resend
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() =>
              void act(
                () => revoke({ variables: { userId: person.id } }),
                `The invitation to ${person.email} was withdrawn.`,
              )
            }
          >
            Revoke
          </button>
        </div>
      );
    }
    if (person.status === 'ACTIVE' && person.id !== me?.id) {
      return (
        <button
          type="button"
          className="button button--small button--quiet"
          aria-expanded={deactivating === person.id}
          onClick={() => setDeactivating(deactivating === person.id ? null : person.id)}
        >
          Deactivate…
        </button>
      );
    }
    return null;
  }

  return (
    <div className="page page--wide">
      <header className="page__header">
        <div>
          <h1>Staff</h1>
          <p className="page__lede">Therapists and managers of the practice, and the invitations waiting for them.</p>
        </div>
      </header>
      <div className="staff-layout">
        <InviteStaffForm />
        <section className="panel" aria-labelledby="staff-heading">
          <h2 id="staff-heading" className="panel__title">
            People
          </h2>
          <FormMessage error={message.error} success={message.success} />
          {loading && !data ? (
            <LoadingState label="Loading staff…" />
          ) : error && !data ? (
            <ErrorState error={error} title="We could not load the staff" onRetry={() => void refetch()} />
          ) : (
            <div className="table-scroll">
              <table className="data-table staff-table" data-testid="staff-table">
                <caption className="visually-hidden">Staff of the practice</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Clients
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {staff.map((person) => (
                    <StaffRow
                      key={person.id}
                      person={person}
                      actions={actions(person)}
                      deactivate={
                        deactivating === person.id ? (
                          <DeactivatePanel
                            person={person}
                            therapists={activeTherapists.filter((t) => t.id !== person.id)}
                            onDone={(text) => {
                              setDeactivating(null);
                              setMessage({ success: text });
                            }}
                            onCancel={() => setDeactivating(null)}
                          />
                        ) : null
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
      <UndeliveredMail />
    </div>
  );
}

function StaffRow({
  person,
  actions,
  deactivate,
}: {
  person: StaffMemberFieldsFragment;
  actions: React.ReactNode;
  deactivate: React.ReactNode;
}) {
  const expired = person.invitationExpiresAt !== null && Date.parse(person.invitationExpiresAt) < Date.now();
  return (
    <>
      <tr data-testid="staff-row" data-email={person.email}>
        <th scope="row">
          {person.displayName}
          <span className="staff-table__email">{person.email}</span>
        </th>
        <td>{ROLE_LABEL[person.role]}</td>
        <td>
          {person.status === 'ACTIVE' && 'Active'}
          {person.status === 'DEACTIVATED' && 'Deactivated'}
          {person.status === 'INVITED' &&
            (person.invitationExpiresAt === null
              ? 'Invited (no link waiting)'
              : expired
                ? `Invitation expired ${formatDate(person.invitationExpiresAt)}`
                : `Invited, link valid until ${formatDate(person.invitationExpiresAt)}`)}
        </td>
        <td className="num">{person.role === 'THERAPIST' ? person.activeClients : '—'}</td>
        <td>{actions}</td>
      </tr>
      {deactivate && (
        <tr>
          <td colSpan={5}>{deactivate}</td>
        </tr>
      )}
    </>
  );
}
