import { useMutation } from '@apollo/client/react';
import { ACKNOWLEDGE_FLAG_MUTATION, RESOLVE_FLAG_MUTATION } from '../graphql/flags';
import type { AcknowledgeFlagMutationVariables, ResolveFlagMutationVariables } from '../../../gql/graphql';

/** Acknowledge or resolve a flag with a note; the returned flag updates the cache by id. */
export function useFlagActions() {
  // Active lists (caseload, flags page, timeline) refetch so the flag moves to its new place.
  const [acknowledge, acknowledgeState] = useMutation(ACKNOWLEDGE_FLAG_MUTATION, { refetchQueries: 'active' });
  const [resolve, resolveState] = useMutation(RESOLVE_FLAG_MUTATION, {
    refetchQueries: 'active',
  });
  return {
    acknowledge: (variables: AcknowledgeFlagMutationVariables) => acknowledge({ variables }),
    resolve: (variables: ResolveFlagMutationVariables) => resolve({ variables }),
    busy: acknowledgeState.loading || resolveState.loading,
  };
}
