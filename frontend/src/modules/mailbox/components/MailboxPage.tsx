import { Fragment } from 'react';
import { Link } from 'react-router';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { useDevMailbox, type MailboxMessage } from '../hooks/useDevMailbox';
import { linkParts } from '../linkParts';
import './mailbox.css';

/**
 * Development only: every e-mail the app sent (invitations, password resets), as the in-process
 * SMTP sink received it, with its links clickable. In production the server has no mailbox.
 */
export function MailboxPage() {
  useDocumentTitle('Development mailbox');
  const { state, refresh } = useDevMailbox();
  return (
    <main className="page mailbox" id="main">
      <header className="page__header">
        <div>
          <h1>Development mailbox</h1>
          <p className="page__lede">E-mail the app sent while no SMTP server is configured, newest first.</p>
        </div>
        <button type="button" className="button" onClick={refresh}>
          Refresh
        </button>
      </header>
      {state.status === 'loading' ? (
        <LoadingState label="Loading mail…" />
      ) : state.status === 'off' ? (
        <div className="state state--empty" data-testid="mailbox-off">
          <h2 className="state__title">No development mailbox here</h2>
          <p>
            This server sends e-mail over SMTP (production, or <code>CAIRN_SMTP_URL</code> is set).{' '}
            <Link to="/">Go to the start page</Link>
          </p>
        </div>
      ) : state.status === 'error' ? (
        <div className="state state--error" role="alert">
          <h2 className="state__title">We could not load the mailbox</h2>
          <p>{state.message}</p>
        </div>
      ) : state.messages.length === 0 ? (
        <div className="state state--empty" data-testid="mailbox-empty">
          <h2 className="state__title">No mail yet</h2>
          <p>Invitations and password resets will appear here a moment after they are sent.</p>
        </div>
      ) : (
        <ol className="mailbox__list" data-testid="mailbox-list">
          {state.messages.map((message) => (
            <MailItem key={`${message.messageId}-${message.sentAt}`} message={message} />
          ))}
        </ol>
      )}
    </main>
  );
}

function MailItem({ message }: { message: MailboxMessage }) {
  return (
    <li className="panel mailbox__item" data-testid="mailbox-message">
      <h2 className="mailbox__subject">{message.subject}</h2>
      <p className="mailbox__meta">
        To <strong>{message.to}</strong> ·{' '}
        <time dateTime={message.sentAt}>{new Date(message.sentAt).toLocaleString()}</time>
      </p>
      <p className="mailbox__text">
        <LinkedText text={message.text} />
      </p>
      <details>
        <summary>HTML part</summary>
        <pre className="mailbox__html">{message.html}</pre>
      </details>
    </li>
  );
}

/** Plain text with its web addresses as links (never rendered as HTML). */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href}>
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
