import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { Field, TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';
import { formatDate, formatLocalDate, toLocalDateInput } from '../../common/lib/format';
import {
  END_EPISODE_MUTATION,
  INVITE_CLIENT_MUTATION,
  NEW_CLIENT_OPTIONS_QUERY,
  PORTAL_ACCESS_QUERY,
  REVOKE_PORTAL_ACCESS_MUTATION,
  START_EPISODE_MUTATION,
  THERAPIST_CHOICES_QUERY,
  TRANSFER_CLIENT_MUTATION,
  UPDATE_CLIENT_MUTATION,
} from '../graphql/clientsAdmin';
import { TimeZoneSelect } from './TimeZoneSelect';
import './clientsAdmin.css';

export interface AdministeredClient {
  id: string;
  code: string;
  displayName: string | null;
  timezone: string;
  status: string;
  therapistName: string;
  episode: { id: string; startedOn: string; endedOn: string | null } | null;
}

const END_REASONS = [
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'DROPPED_OUT', label: 'Dropped out' },
  { value: 'REFERRED_ON', label: 'Referred on' },
  { value: 'OTHER', label: 'Other' },
];

/** Runs one mutation and keeps its outcome for the card that asked. */
function useOutcome() {
  const [error, setError] = useState<ApiError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  async function attempt(work: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(null);
    setSuccess(null);
    try {
      await work();
      setSuccess(message);
      return true;
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown)));
      return false;
    }
  }
  return { error, success, attempt };
}

/** The client's administration: details and status, episodes of care, portal access, and (managers) transfer. */
export function ClientAdminPanel({ client }: { client: AdministeredClient }) {
  const { me } = useMe();
  const isTherapist = me?.role === 'THERAPIST';
  return (
    <section className="panel" aria-labelledby="client-admin-heading">
      <h2 id="client-admin-heading" className="panel__title">
        Care and access
      </h2>
      <div className="card-grid">
        {isTherapist && <EpisodeCard client={client} />}
        <PortalCard clientId={client.id} />
        <DetailsCard client={client} />
        {me?.role === 'MANAGER' && <TransferCard client={client} />}
      </div>
    </section>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="card form" role="group" aria-labelledby={id}>
      <h3 id={id} className="card__title">
        {title}
      </h3>
      {children}
    </div>
  );
}

function EpisodeCard({ client }: { client: AdministeredClient }) {
  const open = client.episode && !client.episode.endedOn ? client.episode : null;
  const [date, setDate] = useState(toLocalDateInput(new Date()));
  const [reason, setReason] = useState('COMPLETED');
  const { error, success, attempt } = useOutcome();
  const refetch = { refetchQueries: ['ClientTimeline'], awaitRefetchQueries: true };
  const [start, starting] = useMutation(START_EPISODE_MUTATION, refetch);
  const [end, ending] = useMutation(END_EPISODE_MUTATION, refetch);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open) {
      void attempt(
        () => end({ variables: { input: { episodeId: open.id, endedOn: date, endReason: reason } } }),
        `Episode ended on ${formatLocalDate(date)}.`,
      );
    } else {
      void attempt(
        () => start({ variables: { input: { clientId: client.id, startedOn: date } } }),
        `Episode started on ${formatLocalDate(date)}.`,
      );
    }
  }

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="episode-heading" noValidate>
      <h3 id="episode-heading" className="card__title">
        Episode of care
      </h3>
      <p className="client-admin__status" data-testid="episode-status">
        {open ? `Open since ${formatLocalDate(open.startedOn)}.` : 'No open episode.'}
      </p>
      <TextField
        label={open ? 'Ended on' : 'Starts on'}
        type="date"
        value={date}
        onValueChange={setDate}
        invalid={error?.field === 'endedOn' || error?.field === 'startedOn'}
      />
      {open && (
        <Field label="Reason" invalid={error?.field === 'endReason'}>
          {(control) => (
            <select {...control} value={reason} onChange={(event) => setReason(event.target.value)}>
              {END_REASONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FormMessage error={error?.message} success={success} />
      <button type="submit" className="button" disabled={starting.loading || ending.loading}>
        {open ? 'End episode' : 'Start episode'}
      </button>
    </form>
  );
}

const PORTAL_STATUS: Record<string, string> = {
  NONE: 'No portal sign-in yet.',
  INVITED: 'Invited; waiting for them to choose a password.',
  ACTIVE: 'Signs in to the portal.',
  REVOKED: 'Portal access revoked.',
};

function PortalCard({ clientId }: { clientId: string }) {
  const { data, loading } = useQuery(PORTAL_ACCESS_QUERY, {
    variables: { clientId },
    fetchPolicy: 'cache-and-network',
  });
  const access = data?.portalAccess;
  // Arriving from the new-client form when its invitation was refused: keep the address and say why.
  const arrival = useLocation().state as { invitationProblem?: string; email?: string } | null;
  const [email, setEmail] = useState<string | null>(arrival?.invitationProblem ? (arrival.email ?? null) : null);
  const { error, success, attempt } = useOutcome();
  const [invite, inviting] = useMutation(INVITE_CLIENT_MUTATION);
  const [revoke, revoking] = useMutation(REVOKE_PORTAL_ACCESS_MUTATION);
  const address = email ?? access?.contactEmail ?? '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void attempt(
      () => invite({ variables: { input: { clientId, email: address.trim() || null } } }),
      `Invitation sent to ${address.trim()}. The link works for 7 days.`,
    );
  }

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="portal-heading" noValidate>
      <h3 id="portal-heading" className="card__title">
        Client portal
      </h3>
      <p className="client-admin__status" data-testid="portal-status">
        {loading && !access ? 'Loading…' : access ? PORTAL_STATUS[access.status] : ''}
        {access?.status === 'INVITED' && access.invitationExpiresAt && (
          <> The link works until {formatDate(access.invitationExpiresAt)}.</>
        )}
      </p>
      <TextField
        label="Contact e-mail"
        type="email"
        inputMode="email"
        autoComplete="off"
        value={address}
        onValueChange={setEmail}
        invalid={error?.field === 'email'}
      />
      <FormMessage error={error?.message ?? (success ? undefined : arrival?.invitationProblem)} success={success} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={inviting.loading}>
          {access?.status === 'NONE' || !access ? 'Invite to portal' : 'Send a new invitation'}
        </button>
        {(access?.status === 'ACTIVE' || access?.status === 'INVITED') && (
          <button
            type="button"
            className="button button--quiet"
            disabled={revoking.loading}
            onClick={() =>
              void attempt(
                () => revoke({ variables: { clientId } }),
                'Portal access revoked: they are signed out and their links no longer work.',
              )
            }
          >
            Revoke access
          </button>
        )}
      </div>
    </form>
  );
}

function DetailsCard({ client }: { client: AdministeredClient }) {
  const options = useQuery(NEW_CLIENT_OPTIONS_QUERY);
  const [displayName, setDisplayName] = useState(client.displayName ?? '');
  const [zone, setZone] = useState(client.timezone);
  const { error, success, attempt } = useOutcome();
  const [update, { loading }] = useMutation(UPDATE_CLIENT_MUTATION, {
    refetchQueries: ['ClientTimeline'],
    awaitRefetchQueries: true,
  });

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void attempt(
      () =>
        update({
          variables: { input: { clientId: client.id, displayName: displayName.trim() || null, timezone: zone } },
        }),
      'Details saved.',
    );
  }

  function setStatus(status: string, message: string) {
    void attempt(() => update({ variables: { input: { clientId: client.id, status } } }), message);
  }

  return (
    <form className="card form" onSubmit={save} aria-labelledby="details-heading" noValidate>
      <h3 id="details-heading" className="card__title">
        Details and status
      </h3>
      <p className="client-admin__status">Status: {client.status.toLowerCase()}.</p>
      <TextField
        label="Display name"
        value={displayName}
        onValueChange={setDisplayName}
        invalid={error?.field === 'displayName'}
      />
      <TimeZoneSelect
        label="Time zone"
        zones={options.data?.timeZones ?? []}
        value={zone}
        onChange={setZone}
        invalid={error?.field === 'timezone'}
      />
      <FormMessage error={error?.message} success={success} />
      <div className="button-row">
        <button type="submit" className="button" disabled={loading}>
          Save details
        </button>
        {client.status === 'ACTIVE' && (
          <button type="button" className="button button--quiet" onClick={() => setStatus('PAUSED', 'Client paused.')}>
            Pause
          </button>
        )}
        {client.status !== 'ACTIVE' && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setStatus('ACTIVE', 'Client active again.')}
          >
            Make active
          </button>
        )}
        {client.status !== 'DISCHARGED' && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setStatus('DISCHARGED', 'Client discharged.')}
          >
            Discharge
          </button>
        )}
      </div>
    </form>
  );
}

function TransferCard({ client }: { client: AdministeredClient }) {
  const { data } = useQuery(THERAPIST_CHOICES_QUERY);
  const [therapistId, setTherapistId] = useState('');
  const { error, success, attempt } = useOutcome();
  const [transfer, { loading }] = useMutation(TRANSFER_CLIENT_MUTATION, {
    refetchQueries: ['ClientTimeline'],
    awaitRefetchQueries: true,
  });
  const choices = (data?.therapists ?? []).filter((t) => t.displayName !== client.therapistName);

  return (
    <Card id="transfer-heading" title="Move to another therapist">
      <p className="client-admin__status">Now with {client.therapistName}. Their whole record moves with them.</p>
      <Field label="Therapist" invalid={error?.field === 'therapistId'}>
        {(control) => (
          <select {...control} value={therapistId} onChange={(event) => setTherapistId(event.target.value)}>
            <option value="">Choose a therapist…</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormMessage error={error?.message} success={success} />
      <button
        type="button"
        className="button"
        disabled={loading || !therapistId}
        onClick={() =>
          void attempt(() => transfer({ variables: { input: { clientId: client.id, therapistId } } }), 'Client moved.')
        }
      >
        Move client
      </button>
    </Card>
  );
}
