import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { FormMessage } from '../../common/components/FormMessage';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { asErrorLike, describeApiError } from '../../common/lib/errors';
import { LOGIN_MUTATION, ME_QUERY } from '../graphql/auth';
import { useMe } from '../hooks/useMe';
import { pathAllowedForRole, roleHome, safeNextPath } from '../lib/roleHome';
import { AuthCard } from './AuthCard';
import './auth.css';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { me, loading: meLoading } = useMe();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LOGIN_MUTATION);
  const errorId = useId();
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;
  const next = safeNextPath(params.get('next'));

  if (meLoading) return <LoadingState />;
  if (me) return <Navigate to={next && pathAllowedForRole(next, me.role) ? next : roleHome(me.role)} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError('Enter your email address and password.');
      return;
    }
    try {
      const result = await login({ variables: { email: email.trim(), password } });
      const signedIn = result.data?.login;
      if (!signedIn) {
        setError('Sign in failed. Please try again.');
        return;
      }
      client.writeQuery({ query: ME_QUERY, data: { me: signedIn } });
      await navigate(next && pathAllowedForRole(next, signedIn.role) ? next : roleHome(signedIn.role), {
        replace: true,
      });
    } catch (thrown) {
      const described = describeApiError(asErrorLike(thrown));
      setError(
        described?.code === 'UNAUTHENTICATED' || described?.code === 'BAD_USER_INPUT'
          ? 'That email and password do not match an account. Check them and try again.'
          : (described?.message ?? 'Sign in failed.'),
      );
    }
  }

  return (
    <AuthCard title="Sign in">
      {expired && !error && (
        <p className="notice">Your session ended after a period of inactivity. Please sign in again.</p>
      )}
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-describedby={errorId}>
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <FormMessage id={errorId} error={error} />
        <button type="submit" className="button button--primary button--block" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </AuthCard>
  );
}
