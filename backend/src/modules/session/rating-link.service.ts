import { Injectable } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { badInput, notFound, rateLimited } from '../../common/errors.js';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { clientIp } from '../auth/auth.service.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { hashToken } from '../auth/tokens.js';

const LINK_DAYS = 7;

export interface RedeemableLink {
  linkId: string;
  practiceId: string;
  clientId: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * When a rating is asked for: `new` (a link being created, or a signed-in client rating from the
 * portal) or `link` (a client sending a link made earlier). A link made on the day of a session
 * whose attendance was never recorded still works; one whose session was later cancelled or
 * marked no-show does not.
 */
export type RatingMoment = 'new' | 'link';

/** Why a session cannot be rated, or null: only a session that happened (attended, or held today). */
export function whyNotRateable(
  session: { status: string; scheduledAt: Date; timezone: string },
  moment: RatingMoment,
  now = new Date(),
): string | null {
  const on = localDateIn(session.timezone, session.scheduledAt);
  if (session.status === 'CANCELLED') return `the session on ${on} was cancelled, so it cannot be rated`;
  if (session.status === 'NO_SHOW') return `the session on ${on} was missed, so it cannot be rated`;
  if (session.scheduledAt.getTime() > now.getTime())
    return `the session on ${on} has not happened yet; it can be rated once it has been held`;
  if (moment === 'new' && session.status === 'SCHEDULED' && on !== localDateIn(session.timezone, now))
    return `record attendance for the session on ${on} first: only an attended session, or one held today, can be rated`;
  return null;
}

/** One-time rating links: 128-bit token, only its hash stored, single use, 7-day expiry. */
@Injectable()
export class RatingLinkService {
  // Guessing tokens is hopeless at 128 bits, but a limit keeps scanners from trying.
  private readonly perIp = new RateLimiter('rating-link-ip', 30, 60);

  async create(
    ctx: RequestContext,
    link: { clientId: string; sessionId: string; token: string; createdBy: string },
  ): Promise<Date> {
    const [row] = await ctx.db.query<{ expiresAt: Date }>(
      `INSERT INTO rating_link (practice_id, client_id, session_id, token_hash, expires_at, created_by)
       VALUES (cairn_current_practice(), $1, $2, $3, now() + make_interval(days => $4), $5) RETURNING expires_at AS "expiresAt"`,
      [link.clientId, link.sessionId, hashToken(link.token), LINK_DAYS, link.createdBy],
    );
    return row.expiresAt;
  }

  /**
   * Finds an unused, unexpired link and binds the request to its practice. Used, expired, forged
   * and malformed tokens all get the same NOT_FOUND.
   */
  async redeemable(ctx: RequestContext, token: string, opts: { allowUsed?: boolean } = {}): Promise<RedeemableLink> {
    const wait = await this.perIp.hit(ctx.db, clientIp(ctx.req));
    if (wait > 0) throw rateLimited(wait);
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw invalidLink();
    const row = await ctx.db.one<{
      practice_id: string;
      link_id: string;
      client_id: string;
      session_id: string;
      expires_at: Date;
      used_at: Date | null;
    }>(`SELECT * FROM cairn_find_rating_link($1)`, [hashToken(token)]);
    if (!row || row.expires_at.getTime() <= Date.now() || (row.used_at && !opts.allowUsed)) throw invalidLink();
    await ctx.db.setTenant({ practiceId: row.practice_id, userId: null, role: 'RATING_LINK' });
    return {
      linkId: row.link_id,
      practiceId: row.practice_id,
      clientId: row.client_id,
      sessionId: row.session_id,
      expiresAt: row.expires_at,
    };
  }

  /** Refuses (BAD_USER_INPUT naming `field`) a session that cannot be rated at this moment. */
  async assertRateable(ctx: RequestContext, sessionId: string, moment: RatingMoment, field: string): Promise<void> {
    const refusal = await this.refusal(ctx, sessionId, moment, field);
    if (refusal) throw refusal;
  }

  /** The BAD_USER_INPUT (naming `field`) for a session that cannot be rated at this moment, or null. */
  async refusal(
    ctx: RequestContext,
    sessionId: string,
    moment: RatingMoment,
    field: string,
  ): Promise<GraphQLError | null> {
    const session = await ctx.db.one<{ status: string; scheduledAt: Date; timezone: string }>(
      `SELECT s.status, s.scheduled_at AS "scheduledAt", c.timezone
         FROM therapy_session s JOIN client c ON c.practice_id = s.practice_id AND c.id = s.client_id WHERE s.id = $1`,
      [sessionId],
    );
    if (!session) throw notFound('Session');
    const why = whyNotRateable(session, moment);
    return why ? badInput(field, why) : null;
  }

  /** Marks the link used; false if another request used it first. */
  async claim(ctx: RequestContext, linkId: string): Promise<boolean> {
    const rows = await ctx.db.query(
      `UPDATE rating_link SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`,
      [linkId],
    );
    return rows.length === 1;
  }
}

function invalidLink() {
  return notFound('Rating link (it may have been used already or have expired)');
}
