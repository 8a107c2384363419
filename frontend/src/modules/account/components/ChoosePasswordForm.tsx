import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';

/** What the server asks of a password (it says why when it refuses one). */
export const PASSWORD_MIN_LENGTH = 12;

/**
 * A new password typed twice. Length and a match are checked here; whether it is easy to guess is
 * the server's call, and its reason is shown as it comes.
 */
export function ChoosePasswordForm({
  submitLabel,
  busyLabel,
  busy,
  serverError,
  onSubmit,
}: {
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  serverError: string | null;
  onSubmit: (password: string) => void;
}) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const hintId = useId();
  const error = localError ?? serverError;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ([...password].length < PASSWORD_MIN_LENGTH) {
      setLocalError(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
      return;
    }
    if (password !== again) {
      setLocalError('The two passwords are not the same.');
      return;
    }
    setLocalError(null);
    onSubmit(password);
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <p id={hintId} className="muted">
        At least {PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password that is easy to
        remember.
      </p>
      <TextField
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        aria-describedby={hintId}
        value={password}
        onValueChange={setPassword}
        invalid={Boolean(error)}
        required
      />
      <TextField
        label="Type it again"
        type="password"
        name="new-password-again"
        autoComplete="new-password"
        value={again}
        onValueChange={setAgain}
        invalid={Boolean(localError)}
        required
      />
      <FormMessage error={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
