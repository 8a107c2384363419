import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../auth/components/AuthCard';
import { TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { asErrorLike, describeApiError } from '../../common/lib/errors';
import { REQUEST_PASSWORD_RESET_MUTATION } from '../graphql/account';

/** Asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [request, { loading }] = useMutation(REQUEST_PASSWORD_RESET_MUTATION);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!email.trim()) {
      setError('Enter the e-mail address you sign in with.');
      return;
    }
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown))?.message ?? 'That did not work. Please try again.');
    }
  }

  return (
    <AuthCard title="Forgot your password?">
      {sent ? (
        <div role="status" data-testid="reset-sent">
          <p>
            If <strong>{email.trim()}</strong> has a Cairn account, we have sent it a link to choose a new password. The
            link works once, for one hour.
          </p>
          <p>
            <Link to="/login">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onValueChange={setEmail}
            invalid={Boolean(error)}
            required
          />
          <FormMessage error={error} />
          <button type="submit" className="button button--primary button--block" disabled={loading}>
            {loading ? 'Sending…' : 'Send me a link'}
          </button>
          <p>
            <Link to="/login">Back to sign in</Link>
          </p>
        </form>
      )}
    </AuthCard>
  );
}
