import type { TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';

/**
 * A therapist action on the client timeline: runs the mutation, refetches the timeline, and keeps
 * the outcome (error with the field the server named, or a confirmation) for the form to show.
 */
export function useClientMutation<TResult, TInput extends object>(
  mutation: TypedDocumentNode<TResult, { input: TInput }>,
) {
  const [mutate, { loading }] = useMutation(mutation, {
    refetchQueries: ['ClientTimeline'],
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function run(input: TInput, successMessage: string): Promise<TResult | null> {
    setError(null);
    setSuccess(null);
    try {
      const result = await mutate({ variables: { input } });
      setSuccess(successMessage);
      return result.data ?? null;
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown)));
      return null;
    }
  }

  return {
    run,
    loading,
    error,
    success,
    setError: (message: string) => setError({ code: 'BAD_USER_INPUT', message, serverAnswered: false }),
  };
}
