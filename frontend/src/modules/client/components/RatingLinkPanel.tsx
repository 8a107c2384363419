import type { CreateRatingLinkMutation } from '../../../gql/graphql';
import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import { asErrorLike, describeApiError } from '../../common/lib/errors';
import { formatDateTime } from '../../common/lib/format';
import { CREATE_RATING_LINK_MUTATION, type TherapySession } from '../graphql/client';

/** Creates a one-time link for the client to rate a session, shown with a copy button. */
export function RatingLinkPanel({ sessions }: { sessions: readonly TherapySession[] }) {
  // Only a session that happened can be rated: attended, or held today (the server checks the same).
  const candidates = [...sessions]
    .filter((session) => session.status === 'ATTENDED' || (session.status === 'SCHEDULED' && heldToday(session)))
    .sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  const defaultSession =
    candidates.find((session) => session.status === 'ATTENDED' && !session.alliance) ?? candidates[0] ?? null;
  const [sessionId, setSessionId] = useState<string>('');
  const selected = sessionId || defaultSession?.id || '';
  const [created, setCreated] = useState<CreateRatingLinkMutation['createRatingLink'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const urlId = useId();
  const [createLink, { loading }] = useMutation(CREATE_RATING_LINK_MUTATION);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setCopied(null);
    if (!selected) {
      setError('Choose a session.');
      return;
    }
    try {
      const result = await createLink({ variables: { sessionId: selected } });
      setCreated(result.data?.createRatingLink ?? null);
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown))?.message ?? 'Could not create the link.');
    }
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied('Link copied.');
    } catch {
      // The clipboard API needs a secure context; fall back to selecting the text for Ctrl+C.
      urlInput.current?.select();
      setCopied('Link selected: press Ctrl+C (or ⌘C) to copy.');
    }
  }

  return (
    <section className="card" aria-labelledby="rating-link-heading">
      <h3 id="rating-link-heading" className="card__title">
        Session rating link
      </h3>
      {candidates.length === 0 ? (
        <p className="muted">Record attendance for a session first: only a session that happened can be rated.</p>
      ) : (
        <form className="form" onSubmit={(event) => void handleSubmit(event)}>
          <div className="field">
            <label htmlFor="rating-link-session">Session</label>
            <select
              id="rating-link-session"
              value={selected}
              onChange={(event) => {
                setSessionId(event.target.value);
                setCreated(null);
              }}
            >
              {candidates.map((session) => (
                <option key={session.id} value={session.id}>
                  Session {session.number} · {formatDateTime(session.scheduledAt)}
                  {session.alliance ? ' · already rated' : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create rating link'}
          </button>
          <FormMessage error={error} />
        </form>
      )}
      {created && (
        <div className="rating-link" data-testid="rating-link">
          <label htmlFor={urlId}>Link for the client (works once)</label>
          <div className="copy-field">
            <input id={urlId} ref={urlInput} readOnly value={created.url} onFocus={(event) => event.target.select()} />
            <button type="button" className="button" onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <p className="muted">Expires {formatDateTime(created.expiresAt)}.</p>
          <FormMessage success={copied} />
        </div>
      )}
    </section>
  );
}

/** Started already, on today's date (the viewer's; the server judges by the client's). */
function heldToday(session: TherapySession): boolean {
  const at = new Date(session.scheduledAt);
  return at.getTime() <= Date.now() && at.toDateString() === new Date().toDateString();
}
