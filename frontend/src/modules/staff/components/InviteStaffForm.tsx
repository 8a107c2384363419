import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Field, TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';
import { INVITE_STAFF_MUTATION } from '../graphql/staff';

/** Invites a therapist or manager by e-mail; they choose their password from the link. */
export function InviteStaffForm() {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<'THERAPIST' | 'MANAGER'>('THERAPIST');
  const [error, setError] = useState<ApiError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [invite, { loading }] = useMutation(INVITE_STAFF_MUTATION, {
    refetchQueries: ['Staff'],
    awaitRefetchQueries: true,
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    if (!email.trim() || !displayName.trim()) {
      setError({ code: 'BAD_USER_INPUT', message: 'Enter their e-mail address and name.', serverAnswered: false });
      return;
    }
    try {
      await invite({ variables: { input: { email: email.trim(), displayName: displayName.trim(), role } } });
      setSuccess(`Invitation sent to ${email.trim()}. The link works for 7 days.`);
      setEmail('');
      setDisplayName('');
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown)));
    }
  }

  return (
    <form
      className="card form"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby="invite-heading"
      noValidate
    >
      <h2 id="invite-heading" className="card__title">
        Invite someone
      </h2>
      <TextField
        label="Email"
        type="email"
        inputMode="email"
        autoComplete="off"
        value={email}
        onValueChange={setEmail}
        invalid={error?.field === 'email'}
        required
      />
      <TextField
        label="Name"
        value={displayName}
        onValueChange={setDisplayName}
        invalid={error?.field === 'displayName'}
        required
      />
      <Field label="Role" invalid={error?.field === 'role'}>
        {(control) => (
          <select
            {...control}
            value={role}
            onChange={(event) => setRole(event.target.value as 'THERAPIST' | 'MANAGER')}
          >
            <option value="THERAPIST">Therapist</option>
            <option value="MANAGER">Practice manager</option>
          </select>
        )}
      </Field>
      <FormMessage error={error?.message} success={success} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Sending…' : 'Send invitation'}
      </button>
    </form>
  );
}
