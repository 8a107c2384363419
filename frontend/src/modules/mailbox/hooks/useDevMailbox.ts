import { useCallback, useEffect, useState } from 'react';

/** One e-mail as GET /dev/mailbox returns it (the server's in-process SMTP sink). */
export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
  messageId: string;
}

export type MailboxState =
  | { status: 'loading' }
  | { status: 'off' }
  | { status: 'error'; message: string }
  | { status: 'ready'; messages: MailboxMessage[] };

/** Mail arrives a moment after the change that caused it: the list refreshes itself. */
const REFRESH_MS = 3000;

/** The development mailbox; `off` when the server has none (production, or real SMTP configured). */
export function useDevMailbox(): { state: MailboxState; refresh: () => void } {
  const [state, setState] = useState<MailboxState>({ status: 'loading' });
  const refresh = useCallback(() => {
    fetch('/dev/mailbox', { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(async (res) => {
        if (res.status === 404) return setState({ status: 'off' });
        if (!res.ok) return setState({ status: 'error', message: `The server answered ${res.status}.` });
        setState({ status: 'ready', messages: (await res.json()) as MailboxMessage[] });
      })
      .catch(() => setState({ status: 'error', message: 'The server could not be reached.' }));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { state, refresh };
}
