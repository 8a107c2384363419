import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { StaffMemberFieldsFragment } from '../../../gql/graphql';
import { Field } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import { asErrorLike, describeApiError } from '../../common/lib/errors';
import { DEACTIVATE_USER_MUTATION } from '../graphql/staff';

/**
 * Deactivation in one step: a therapist with clients first chooses who takes them over, then their
 * sessions end at once.
 */
export function DeactivatePanel({
  person,
  therapists,
  onDone,
  onCancel,
}: {
  person: StaffMemberFieldsFragment;
  therapists: StaffMemberFieldsFragment[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const needsTransfer = person.role === 'THERAPIST' && person.activeClients > 0;
  const [transferTo, setTransferTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deactivate, { loading }] = useMutation(DEACTIVATE_USER_MUTATION, {
    refetchQueries: ['Staff', 'Therapists'],
    awaitRefetchQueries: true,
  });

  async function confirm() {
    setError(null);
    if (needsTransfer && !transferTo) {
      setError(`Choose who takes over ${person.displayName}'s clients.`);
      return;
    }
    try {
      await deactivate({
        variables: { input: { userId: person.id, transferToTherapistId: needsTransfer ? transferTo : null } },
      });
      const moved = therapists.find((t) => t.id === transferTo);
      onDone(
        `${person.displayName} can no longer sign in.` +
          (needsTransfer && moved ? ` Their clients are now with ${moved.displayName}.` : ''),
      );
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown))?.message ?? 'That did not work.');
    }
  }

  return (
    <div className="card form staff-deactivate" role="group" aria-label={`Deactivate ${person.displayName}`}>
      <p>
        Deactivating <strong>{person.displayName}</strong> signs them out everywhere at once. Their records stay.
      </p>
      {needsTransfer &&
        (therapists.length === 0 ? (
          <p className="notice">
            {person.displayName} has {person.activeClients} active client{person.activeClients === 1 ? '' : 's'} and
            there is no other active therapist to take them over. Invite one first.
          </p>
        ) : (
          <Field
            label={`Move their ${person.activeClients} active client${person.activeClients === 1 ? '' : 's'} to`}
            invalid={Boolean(error)}
          >
            {(control) => (
              <select {...control} value={transferTo} onChange={(event) => setTransferTo(event.target.value)}>
                <option value="">Choose a therapist…</option>
                {therapists.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      <FormMessage error={error} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={loading} onClick={() => void confirm()}>
          {loading ? 'Deactivating…' : needsTransfer ? 'Move clients and deactivate' : 'Deactivate'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
