import type { ReactNode } from 'react';

/**
 * The live region under a form: errors are announced assertively, confirmations politely. It is
 * always rendered so screen readers pick up the first message too.
 */
export function FormMessage({ error, success, id }: { error?: ReactNode; success?: ReactNode; id?: string }) {
  return (
    <div id={id} className="form-message" aria-live={error ? 'assertive' : 'polite'} role={error ? 'alert' : 'status'}>
      {error ? (
        <p className="form-message__error">{error}</p>
      ) : success ? (
        <p className="form-message__success">{success}</p>
      ) : null}
    </div>
  );
}
