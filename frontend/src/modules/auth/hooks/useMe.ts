import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ME_QUERY, type Me } from '../graphql/auth';

/** The signed-in person (null when signed out), from the cache after the first load. */
export function useMe(): { me: Me | null; loading: boolean; error: ErrorLike | undefined } {
  const { data, loading, error } = useQuery(ME_QUERY, { fetchPolicy: 'cache-first' });
  // A background refetch (e.g. after a mutation refetches active queries) must not unmount the page.
  return { me: data?.me ?? null, loading: loading && data === undefined, error };
}
