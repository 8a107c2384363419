import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import type { Role } from '../../common/roles.js';
import { AppConfig } from '../../config/app-config.js';
import { inTenantTransaction, type RequestDb } from '../../database/request-db.js';
import { AUDIT_SQL } from '../audit/audit.service.js';
import { clientIp } from '../auth/auth.service.js';
import { RateLimiter, RateLimitService } from '../auth/rate-limiter.js';
import { hashToken, newToken } from '../auth/tokens.js';

export type TokenKind = 'INVITATION' | 'PASSWORD_RESET';

/** How long a link works: an invitation a week, a password reset an hour. */
export const TOKEN_LIFETIME_MINUTES: Record<TokenKind, number> = {
  INVITATION: 7 * 24 * 60,
  PASSWORD_RESET: 60,
};

/** 128 random bits: 22 URL-safe characters, short enough to survive being typed from a phone. */
const TOKEN_BYTES = 16;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;

/** Whatever is wrong with a link (unknown, altered, used, expired, revoked), the caller hears this. */
export const LINK_NOT_FOUND = 'Link';

export interface IssuedToken {
  id: string;
  token: string;
  expiresAt: Date;
}

export interface RedeemedToken {
  practiceId: string;
  tokenId: string;
  userId: string;
  role: Role;
}

interface TokenRow {
  practice_id: string;
  token_id: string;
  kind: TokenKind;
  user_id: string;
  role: Role;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/**
 * One-time links for invitations and password resets. Only a token's hash is stored; a link is
 * used once, expires, and is revoked when a newer one of its kind is issued. Every use and every
 * refusal is audited; every refusal looks the same to the caller (NOT_FOUND).
 */
@Injectable()
export class AccountTokens {
  private readonly perIp: RateLimiter;
  private readonly perAccount: RateLimiter;

  constructor(
    config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly limits: RateLimitService,
  ) {
    // The same budgets as signing in: a link is a password for one purpose.
    this.perIp = new RateLimiter('account-link-ip', config.loginLimitPerIp, 60);
    this.perAccount = new RateLimiter('account-link-user', config.loginLimitPerAccount, 60);
  }

  /** A new link for the user; any earlier live link of the same kind stops working. */
  async issue(db: RequestDb, kind: TokenKind, userId: string, createdBy: string | null): Promise<IssuedToken> {
    await this.revokeLive(db, userId, kind);
    const token = newToken(TOKEN_BYTES);
    const [row] = await db.query<{ id: string; expiresAt: Date }>(
      `INSERT INTO account_token (practice_id, kind, user_id, token_hash, expires_at, created_by)
       VALUES (cairn_current_practice(), $1, $2, $3, now() + make_interval(mins => $4), $5)
       RETURNING id, expires_at AS "expiresAt"`,
      [kind, userId, hashToken(token), TOKEN_LIFETIME_MINUTES[kind], createdBy],
    );
    return { id: row.id, token, expiresAt: row.expiresAt };
  }

  /** Stops the user's unused links (of one kind, or all): a revoked invitation, a deactivation. */
  async revokeLive(db: RequestDb, userId: string, kind?: TokenKind): Promise<number> {
    const rows = await db.query(
      `UPDATE account_token SET revoked_at = now()
        WHERE user_id = $1 AND ($2::text IS NULL OR kind = $2) AND used_at IS NULL AND revoked_at IS NULL
        RETURNING id`,
      [userId, kind ?? null],
    );
    return rows.length;
  }

  /**
   * Uses a link once, in the request's transaction: if the request fails later (a refused password),
   * the link stays usable. Two requests racing on one link: the second finds it used.
   */
  async redeem(ctx: RequestContext, kind: TokenKind, token: string, action: string): Promise<RedeemedToken> {
    const row = await this.find(ctx, kind, token, action);
    // The link proves who is acting: the person it was sent to.
    await ctx.db.setTenant({ practiceId: row.practice_id, userId: row.user_id, role: row.role });
    const used = await ctx.db.one(
      `UPDATE account_token SET used_at = now()
        WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [row.token_id],
    );
    if (!used) await this.refuse(ctx, action, row);
    await ctx.db.query(AUDIT_SQL, [action, 'ALLOWED', 'account_token', [row.token_id], ctx.requestId]);
    return { practiceId: row.practice_id, tokenId: row.token_id, userId: row.user_id, role: row.role };
  }

  private async find(ctx: RequestContext, kind: TokenKind, token: string, action: string): Promise<TokenRow> {
    await this.limits.consume([this.perIp, clientIp(ctx.req)]);
    const row = TOKEN_SHAPE.test(token)
      ? await ctx.db.one<TokenRow>(`SELECT * FROM cairn_find_account_token($1)`, [hashToken(token)])
      : undefined;
    if (!row) return this.refuse(ctx, action, undefined);
    await this.limits.consume([this.perAccount, row.user_id]);
    const unusable = row.kind !== kind || row.used_at || row.revoked_at || row.expires_at.getTime() <= Date.now();
    if (unusable) return this.refuse(ctx, action, row);
    return row;
  }

  /** Audits the refusal where it belongs (the link's practice, or none for an unknown link) and refuses. */
  private async refuse(ctx: RequestContext, action: string, row: TokenRow | undefined): Promise<never> {
    ctx.deniedAudited = true;
    const tenant = row ? { practiceId: row.practice_id, userId: null, role: 'SYSTEM' as const } : null;
    await inTenantTransaction(this.dataSource, tenant, (db) =>
      db.query(AUDIT_SQL, [action, 'DENIED', 'account_token', row ? [row.token_id] : [], ctx.requestId]),
    );
    throw notFound(LINK_NOT_FOUND);
  }
}
