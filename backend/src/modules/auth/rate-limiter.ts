import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rateLimited } from '../../common/errors.js';
import { inTenantTransaction } from '../../database/request-db.js';

/** Anything that runs a parameterised statement: a request's RequestDb, or a side transaction's. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * A limit every app instance shares: fixed-window counters in PostgreSQL (`cairn_rate_limit_hit`,
 * keys stored hashed), so two instances behind a load balancer allow the limit once, not twice.
 */
export class RateLimiter {
  constructor(
    /** Namespace of the keys, e.g. 'login-ip': limits with different names never share a counter. */
    readonly name: string,
    readonly limit: number,
    readonly windowSeconds: number,
  ) {}

  /**
   * Counts one hit for `key` in `db`'s transaction (it rolls back with it); returns the seconds to
   * wait when over the limit, else 0.
   */
  async hit(db: Queryable, key: string): Promise<number> {
    if (this.limit <= 0) return this.windowSeconds;
    const [row] = await db.query<{ wait: number }>(`SELECT cairn_rate_limit_hit($1, $2, $3) AS wait`, [
      `${this.name}:${key}`,
      this.limit,
      this.windowSeconds,
    ]);
    return row.wait;
  }
}

/**
 * Counts attempts in a short transaction of its own, so an attempt stays counted even when the
 * request that made it fails and rolls back (a wrong password, a bad token). For sign-in, invitation
 * and password-reset endpoints:
 *
 *   private readonly perEmail = new RateLimiter('password-reset-email', 5, 3600);
 *   await this.limits.consume(this.perEmail, email.toLowerCase()); // throws RATE_LIMITED when over
 */
@Injectable()
export class RateLimitService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Seconds to wait under the strictest of the limits (each counted once), or 0. */
  async wait(...hits: [RateLimiter, string][]): Promise<number> {
    return inTenantTransaction(this.dataSource, null, async (db) => {
      let wait = 0;
      for (const [limiter, key] of hits) wait = Math.max(wait, await limiter.hit(db, key));
      return wait;
    });
  }

  /** Counts the attempt and throws RATE_LIMITED (with retryAfterSeconds) when over any limit. */
  async consume(...hits: [RateLimiter, string][]): Promise<void> {
    const wait = await this.wait(...hits);
    if (wait > 0) throw rateLimited(wait);
  }
}
