import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { Field, TextField } from '../../common/components/Field';
import { ErrorState } from '../../common/components/ErrorState';
import { FormMessage } from '../../common/components/FormMessage';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';
import {
  CREATE_CLIENT_MUTATION,
  INVITE_CLIENT_MUTATION,
  NEW_CLIENT_OPTIONS_QUERY,
  SET_CLIENT_CONTACT_MUTATION,
  THERAPIST_CHOICES_QUERY,
} from '../graphql/clientsAdmin';
import { TimeZoneSelect } from './TimeZoneSelect';
import './clientsAdmin.css';

/** Adds a client (pseudonymous code, time zone, optional contact e-mail); their first episode opens at once. */
export function NewClientPage() {
  useDocumentTitle('New client');
  const { me } = useMe();
  const isManager = me?.role === 'MANAGER';
  const options = useQuery(NEW_CLIENT_OPTIONS_QUERY);
  const therapists = useQuery(THERAPIST_CHOICES_QUERY, { skip: !isManager });
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [zone, setZone] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [invite, setInvite] = useState(true);
  const [therapistId, setTherapistId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [createClient, creating] = useMutation(CREATE_CLIENT_MUTATION, { refetchQueries: ['Caseload'] });
  const [setContact] = useMutation(SET_CLIENT_CONTACT_MUTATION);
  const [inviteClient] = useMutation(INVITE_CLIENT_MUTATION);

  if (options.loading && !options.data) return <LoadingState label="Loading…" />;
  if (options.error && !options.data) {
    return (
      <ErrorState error={options.error} title="We could not load the form" onRetry={() => void options.refetch()} />
    );
  }
  const timeZone = zone ?? options.data?.practiceSettings.defaultTimeZone ?? 'UTC';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!/^[A-Za-z0-9_-]{2,40}$/.test(code.trim())) {
      setError({
        code: 'BAD_USER_INPUT',
        field: 'code',
        message: 'The code must be 2 to 40 letters, digits, - or _ (no names: it is used in reports).',
        serverAnswered: false,
      });
      return;
    }
    try {
      const created = await createClient({
        variables: {
          input: {
            code: code.trim(),
            displayName: displayName.trim() || null,
            timezone: timeZone,
            therapistId: isManager ? therapistId || null : null,
          },
        },
      });
      const clientId = created.data?.createClient.id;
      if (!clientId) return;
      // The client exists now; a problem with the e-mail is shown on their page, not lost.
      let note: string | undefined;
      if (email.trim()) {
        try {
          if (invite) await inviteClient({ variables: { input: { clientId, email: email.trim() } } });
          else await setContact({ variables: { input: { clientId, email: email.trim() } } });
        } catch (thrown) {
          note = describeApiError(asErrorLike(thrown))?.message;
        }
      }
      await navigate(`/clients/${clientId}`, { state: { invitationProblem: note, email: email.trim() } });
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown)));
    }
  }

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/caseload">Caseload</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">New client</span>
      </nav>
      <header className="page__header">
        <div>
          <h1>New client</h1>
          <p className="page__lede">Their first episode of care starts today.</p>
        </div>
      </header>
      <form className="panel form clients-admin-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <TextField
          label="Client code (pseudonymous, e.g. RIV-0042)"
          name="code"
          autoComplete="off"
          value={code}
          onValueChange={setCode}
          invalid={error?.field === 'code'}
          required
        />
        <TextField
          label="Display name (shown only to their therapist and managers)"
          name="displayName"
          autoComplete="off"
          value={displayName}
          onValueChange={setDisplayName}
          invalid={error?.field === 'displayName'}
        />
        <TimeZoneSelect
          label="Time zone (their 'today' for moods and questionnaires)"
          zones={options.data?.timeZones ?? []}
          value={timeZone}
          onChange={setZone}
          invalid={error?.field === 'timezone'}
        />
        {isManager && (
          <Field label="Therapist" invalid={error?.field === 'therapistId'}>
            {(control) => (
              <select {...control} value={therapistId} onChange={(event) => setTherapistId(event.target.value)}>
                <option value="">Choose a therapist…</option>
                {(therapists.data?.therapists ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <TextField
          label="Contact e-mail (optional; identifiable, kept apart from clinical data)"
          type="email"
          inputMode="email"
          name="contactEmail"
          autoComplete="off"
          value={email}
          onValueChange={setEmail}
          invalid={error?.field === 'email'}
        />
        <label className="checkbox">
          <input type="checkbox" checked={invite} onChange={(event) => setInvite(event.target.checked)} /> Invite them
          to the client portal by e-mail
        </label>
        <FormMessage error={error?.message} />
        <button type="submit" className="button button--primary" disabled={creating.loading}>
          {creating.loading ? 'Adding…' : 'Add client'}
        </button>
      </form>
    </div>
  );
}
