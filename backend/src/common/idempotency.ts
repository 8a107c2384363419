import { conflict, rateLimited } from './errors.js';
import type { RequestContext } from './request-context.js';

/**
 * Runs a client submission once per (actor, key). The key row is inserted first in the request's
 * transaction: a concurrent retry waits on it, then finds the committed result and returns that.
 */
export async function once<T>(
  ctx: RequestContext,
  actor: string,
  key: string,
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  const wait = ctx.submissions.hit(actor);
  if (wait > 0) throw rateLimited(wait);
  const claimed = await ctx.db.query(
    `INSERT INTO idempotency_key (practice_id, actor, key, operation)
     VALUES (cairn_current_practice(), $1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
    [actor, key, operation],
  );
  if (claimed.length === 0) {
    const prior = await ctx.db.one<{ operation: string; result: T }>(
      `SELECT operation, result FROM idempotency_key WHERE actor = $1 AND key = $2`,
      [actor, key],
    );
    if (!prior || prior.operation !== operation) {
      throw conflict('idempotencyKey was already used for a different submission');
    }
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
