import { useMutation } from '@apollo/client/react';
import {
  ACKNOWLEDGE_FLAG_MUTATION,
  RESOLVE_FLAG_MUTATION,
  type AcknowledgeFlagResult,
  type FlagActionVariables,
  type ResolveFlagResult,
} from '../graphql/flags';

/** Acknowledge or resolve a flag with a note; the returned flag updates the cache by id. */
export function useFlagActions() {
  // Active lists (caseload, flags page, timeline) refetch so the flag moves to its new place.
  const [acknowledge, acknowledgeState] = useMutation<AcknowledgeFlagResult, FlagActionVariables>(
    ACKNOWLEDGE_FLAG_MUTATION,
    { refetchQueries: 'active' },
  );
  const [resolve, resolveState] = useMutation<ResolveFlagResult, FlagActionVariables>(RESOLVE_FLAG_MUTATION, {
    refetchQueries: 'active',
  });
  return {
    acknowledge: (variables: FlagActionVariables) => acknowledge({ variables }),
    resolve: (variables: FlagActionVariables) => resolve({ variables }),
    busy: acknowledgeState.loading || resolveState.loading,
  };
}
