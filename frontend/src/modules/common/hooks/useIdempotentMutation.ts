import type { TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { asErrorLike, describeApiError, type ApiError } from '../lib/errors';
import { newIdempotencyKey } from '../lib/idempotency';

/**
 * A client submission that records once however often it is retried. The idempotency key is made
 * when an attempt is first sent and reused while the same answers are retried after a network
 * failure; once the server has answered (or the answers change) the next send gets a new key.
 */
export function useIdempotentMutation<TResult, TInput extends { idempotencyKey: string }>(
  mutation: TypedDocumentNode<TResult, { input: TInput }>,
  { refetchQueries = [] }: { refetchQueries?: string[] } = {},
) {
  const [mutate, { loading }] = useMutation(mutation, { refetchQueries });
  const [error, setError] = useState<ApiError | null>(null);
  const pending = useRef<{ fingerprint: string; key: string } | null>(null);

  async function submit(input: Omit<TInput, 'idempotencyKey'>): Promise<TResult | null> {
    const fingerprint = JSON.stringify(input);
    if (!pending.current || pending.current.fingerprint !== fingerprint) {
      pending.current = { fingerprint, key: newIdempotencyKey() };
    }
    const idempotencyKey = pending.current.key;
    setError(null);
    try {
      const variables = { input: { ...input, idempotencyKey } as TInput };
      const result = await mutate({ variables });
      pending.current = null;
      return result.data ?? null;
    } catch (thrown) {
      const described = describeApiError(asErrorLike(thrown));
      if (described?.serverAnswered) pending.current = null;
      setError(described);
      return null;
    }
  }

  return { submit, loading, error, clearError: () => setError(null) };
}
