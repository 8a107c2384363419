import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';

export type ApiErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'CONFLICT' | 'NETWORK' | 'UNKNOWN';

export interface ApiError {
  code: ApiErrorCode;
  /** The input field the server named (BAD_USER_INPUT), e.g. 'rating'. */
  field?: string;
  /** Words fit to show the person who made the request. */
  message: string;
  /** True when the server answered, so nothing was recorded and a new attempt needs a new key. */
  serverAnswered: boolean;
}

const KNOWN_CODES: readonly ApiErrorCode[] = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'CONFLICT',
];

const FRIENDLY: Record<ApiErrorCode, string> = {
  BAD_USER_INPUT: 'Please check what you entered.',
  NOT_FOUND: 'We could not find that. It may have been removed, or you may not have access to it.',
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
  CONFLICT: 'This has already been done, or something changed in the meantime. Please reload.',
  NETWORK: 'We could not reach Cairn. Check your connection and try again; nothing is lost.',
  UNKNOWN: 'Something went wrong. Please try again.',
};

/** Reads an Apollo error into one code, field and message (the first GraphQL error wins). */
export function describeApiError(error: ErrorLike | undefined | null): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const rawCode = first?.extensions?.code;
    const code = KNOWN_CODES.find((known) => known === rawCode) ?? 'UNKNOWN';
    const rawField = first?.extensions?.field;
    const field = typeof rawField === 'string' ? rawField : undefined;
    // Input errors carry a message written for people (it names the allowed range); others get ours.
    const message = code === 'BAD_USER_INPUT' && first?.message ? first.message : FRIENDLY[code];
    return { code, field, message, serverAnswered: true };
  }
  return { code: 'NETWORK', message: FRIENDLY.NETWORK, serverAnswered: false };
}

/** The error's code, for branching on a specific outcome (e.g. an expired rating link). */
export function apiErrorCode(error: ErrorLike | undefined | null): ApiErrorCode | null {
  return describeApiError(error)?.code ?? null;
}

/** Narrows an unknown thrown value (from an awaited mutation) to Apollo's ErrorLike. */
export function asErrorLike(thrown: unknown): ErrorLike {
  if (thrown instanceof Error) return thrown;
  return { name: 'Error', message: String(thrown) };
}
