import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormMessage } from '../../common/components/FormMessage';
import { asErrorLike, describeApiError } from '../../common/lib/errors';
import { formatDateTime, formatRelative } from '../../common/lib/format';
import { FLAG_KIND_LABEL, isOpen, SEVERITY_LABEL, STATUS_LABEL } from '../flagWording';
import type { Flag } from '../graphql/flags';
import { useFlagActions } from '../hooks/useFlagActions';
import { FlagEvidence } from './FlagEvidence';
import { SeverityIcon } from './SeverityIcon';
import './flags.css';

/** One flag with its history and, while open, a note and the acknowledge/resolve actions. */
export function FlagCard({ flag, showClient = false }: { flag: Flag; showClient?: boolean }) {
  const { acknowledge, resolve, busy } = useFlagActions();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const noteId = useId();
  const headingId = useId();

  async function act(action: 'acknowledge' | 'resolve', event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    setDone(null);
    if (!note.trim()) {
      setError('Add a note saying what you did or decided.');
      return;
    }
    try {
      if (action === 'acknowledge') await acknowledge({ id: flag.id, note: note.trim() });
      else await resolve({ id: flag.id, note: note.trim() });
      setNote('');
      setDone(action === 'acknowledge' ? 'Flag acknowledged.' : 'Flag resolved.');
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown))?.message ?? 'That did not work.');
    }
  }

  return (
    <article
      className={`flag-card flag-card--${flag.severity.toLowerCase()} flag-card--${flag.status.toLowerCase()}`}
      aria-labelledby={headingId}
      data-testid="flag-card"
      data-kind={flag.kind}
      data-status={flag.status}
    >
      <header className="flag-card__header">
        <span className={`severity-badge severity-badge--${flag.severity.toLowerCase()}`}>
          <SeverityIcon severity={flag.severity} />
          {SEVERITY_LABEL[flag.severity]}
        </span>
        <h3 id={headingId} className="flag-card__title">
          {FLAG_KIND_LABEL[flag.kind]}
          {showClient && (
            <>
              {' · '}
              <Link to={`/clients/${flag.clientId}`}>{flag.clientCode}</Link>
            </>
          )}
        </h3>
        <span className="flag-card__status">{STATUS_LABEL[flag.status]}</span>
      </header>
      <p className="flag-card__description">{flag.description}</p>
      <p className="flag-card__meta">
        Opened{' '}
        <time dateTime={flag.openedAt} title={formatDateTime(flag.openedAt)}>
          {formatRelative(flag.openedAt)}
        </time>
        {flag.kind === 'ALLIANCE_RUPTURE' && flag.repaired !== null && (
          <> · {flag.repairObserved ?? (flag.repaired ? 'Repair observed' : 'Not yet repaired')}</>
        )}
      </p>
      {flag.acknowledgedAt && (
        <p className="flag-card__history">
          Acknowledged{flag.acknowledgedByName && <> by {flag.acknowledgedByName}</>} on{' '}
          {formatDateTime(flag.acknowledgedAt)}
          {flag.acknowledgeNote && <>: “{flag.acknowledgeNote}”</>}
        </p>
      )}
      {flag.resolvedAt && (
        <p className="flag-card__history">
          Resolved{flag.resolvedByName && <> by {flag.resolvedByName}</>} on {formatDateTime(flag.resolvedAt)}
          {flag.resolveNote && <>: “{flag.resolveNote}”</>}
        </p>
      )}
      {flag.clearedAt && (
        <p className="flag-card__history" data-testid="flag-cleared">
          Cleared by itself on {formatDateTime(flag.clearedAt)}
          {flag.clearReason && <>: {flag.clearReason}</>}
        </p>
      )}
      <FlagEvidence evidence={flag.evidence} ruleVersion={flag.ruleVersion} />
      {isOpen(flag) && (
        <form
          className="flag-card__form"
          onSubmit={(event) => void act(flag.status === 'OPEN' ? 'acknowledge' : 'resolve', event)}
        >
          <div className="field">
            <label htmlFor={noteId}>Note for this flag</label>
            <textarea
              id={noteId}
              rows={2}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={2000}
              placeholder="What you did or decided"
            />
          </div>
          <div className="button-row">
            {flag.status === 'OPEN' && (
              <button type="button" className="button" disabled={busy} onClick={() => void act('acknowledge')}>
                Acknowledge
              </button>
            )}
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void act('resolve')}
            >
              Resolve
            </button>
          </div>
          <FormMessage error={error} success={done} />
        </form>
      )}
    </article>
  );
}
