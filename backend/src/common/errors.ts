import { GraphQLError } from 'graphql';

/** The error codes a caller can see; anything else is reported as INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'IDEMPOTENCY_KEY_REUSED',
  'TRY_AGAIN',
]);

/** Bad input: names the field and what is allowed. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** What the caller may not see does not exist, as far as they can tell. */
export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
}

export function unauthenticated(message = 'Sign in required'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many attempts; try again in ${retryAfterSeconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
  });
}

/** A retry with an idempotency key already used for a different submission (payment APIs' rule). */
export function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    'idempotencyKey was already used for a different submission; send a new key for a new submission',
    { extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' } },
  );
}

/**
 * PostgreSQL gave up waiting (statement, lock or idle-in-transaction timeout), could not serialise,
 * or could not be reached: nothing was kept, and the same request can simply be sent again.
 */
const RETRYABLE_SQLSTATES = new Set(['57014', '55P03', '25P03', '40001', '40P01', '57P01', '57P03', '53300']);
const RETRYABLE_CONNECTION =
  /^(ECONNREFUSED|ECONNRESET|ENOENT)$|timeout exceeded when trying to connect|Connection terminated/;
export const TRY_AGAIN_SECONDS = 5;

export function isRetryableDatabaseError(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (RETRYABLE_SQLSTATES.has(code) || RETRYABLE_CONNECTION.test(code)) return true;
    if (typeof e.message === 'string' && RETRYABLE_CONNECTION.test(e.message)) return true;
    e = (e.originalError ?? e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}

export function tryAgain(): GraphQLError {
  return new GraphQLError(`The database is busy; nothing was changed. Please try again in ${TRY_AGAIN_SECONDS} s.`, {
    extensions: { code: 'TRY_AGAIN', retryAfterSeconds: TRY_AGAIN_SECONDS },
  });
}

export function errorCode(error: unknown): string | undefined {
  if (error instanceof GraphQLError) return error.extensions?.code as string | undefined;
  return undefined;
}
