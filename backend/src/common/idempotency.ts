import { createHash } from 'node:crypto';
import { idempotencyKeyReused, rateLimited } from './errors.js';
import type { RequestContext } from './request-context.js';

/** A submission's input: its idempotency key and what it submits. */
export interface Idempotent {
  idempotencyKey: string;
}

/**
 * Runs a client submission once per (actor, key). The key row is inserted first in the request's
 * transaction: a concurrent retry waits on it, then finds the committed result and returns that.
 * The row keeps a hash of what was submitted: the same key with a different payload is refused
 * (IDEMPOTENCY_KEY_REUSED) rather than answered with the first result.
 */
export async function once<T>(
  ctx: RequestContext,
  actor: string,
  input: Idempotent,
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  const wait = await ctx.submissions.hit(ctx.db, actor);
  if (wait > 0) throw rateLimited(wait);
  const key = input.idempotencyKey;
  const payload = payloadHash(operation, input);
  const claimed = await ctx.db.query(
    `INSERT INTO idempotency_key (practice_id, actor, key, operation, payload_hash)
     VALUES (cairn_current_practice(), $1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [actor, key, operation, payload],
  );
  if (claimed.length === 0) {
    const prior = await ctx.db.one<{ operation: string; result: T; payload_hash: Buffer | null }>(
      `SELECT operation, result, payload_hash FROM idempotency_key WHERE actor = $1 AND key = $2`,
      [actor, key],
    );
    // Keys stored before payloads were hashed (payload_hash null) still match on the operation.
    const samePayload = prior?.payload_hash ? prior.payload_hash.equals(payload) : true;
    if (!prior || prior.operation !== operation || !samePayload) throw idempotencyKeyReused();
    return reviveDates(prior.result);
  }
  const result = await work();
  await ctx.db.query(`UPDATE idempotency_key SET result = $3 WHERE actor = $1 AND key = $2`, [
    actor,
    key,
    JSON.stringify(result),
  ]);
  return result;
}

/** SHA-256 of the operation and its input without the key, as JSON with sorted fields. */
export function payloadHash(operation: string, input: Idempotent): Buffer {
  const { idempotencyKey: _key, ...payload } = input;
  const json = JSON.stringify([operation, payload], (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return createHash('sha256').update(json).digest();
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Stored results come back as JSON; timestamps become Dates again for the DateTime scalar. */
function reviveDates<T>(value: T): T {
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return new Date(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => reviveDates(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v)])) as T;
  }
  return value;
}
