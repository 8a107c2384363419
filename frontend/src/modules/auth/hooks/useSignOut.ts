import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { LOGOUT_MUTATION, ME_QUERY } from '../graphql/auth';

/** Ends the server session, forgets every cached record, and returns to the sign-in page. */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(LOGOUT_MUTATION);
  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // Signing out locally still matters when the server session is already gone.
    }
    await client.clearStore();
    client.writeQuery({ query: ME_QUERY, data: { me: null } });
    await navigate('/login', { replace: true });
  }, [client, logout, navigate]);
  return { signOut, signingOut: loading };
}
