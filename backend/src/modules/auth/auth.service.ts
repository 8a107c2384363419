import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { rateLimited, unauthenticated } from '../../common/errors.js';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
import { Role } from '../../common/roles.js';
import { inTenantTransaction, type RequestDb } from '../../database/request-db.js';
import type { Me } from './auth.types.js';
import { isDemoEmail } from './demo.js';
import { RateLimiter, RateLimitService } from './rate-limiter.js';
import { hashToken, newToken } from './tokens.js';
import type { VisibleClient } from '../client/client-access.service.js';

export const SESSION_COOKIE = 'cairn_session';
const LOGIN_FAILED = 'Email or password is incorrect';
const LOCK_AFTER_FAILURES = 5;

interface LoginRow {
  practice_id: string;
  user_id: string;
  role: Role;
  password_hash: string | null;
  locked_until: Date | null;
  disabled_at: Date | null;
}

interface AuthenticatedRow {
  practice_id: string;
  session_id: string;
  user_id: string;
  role: Role;
  email: string;
  display_name: string;
  country: string;
  client: Omit<VisibleClient, 'country'> | null;
}

@Injectable()
export class AuthService {
  // Verifying against a real hash for unknown emails keeps both failures equally slow.
  private readonly dummyHash = hash('cairn-timing-equaliser');
  private readonly perIp: RateLimiter;
  private readonly perAccount: RateLimiter;

  constructor(
    private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly limits: RateLimitService,
  ) {
    this.perIp = new RateLimiter('login-ip', config.loginLimitPerIp, 60);
    this.perAccount = new RateLimiter('login-account', config.loginLimitPerAccount, 60);
  }

  async login(ctx: RequestContext, email: string, password: string): Promise<SignedInUser> {
    // Counted where every instance sees them, and kept even though a failed sign-in rolls back.
    await this.limits.consume([this.perIp, clientIp(ctx.req)], [this.perAccount, email.trim().toLowerCase()]);

    const row = await ctx.db.one<LoginRow>(`SELECT * FROM cairn_find_login($1)`, [email.trim()]);
    const refusedDemo = this.config.isProduction && isDemoEmail(email);
    if (!row || !row.password_hash || row.disabled_at || refusedDemo) {
      // No usable account: locked on the same schedule as a real one, so the answers cannot tell them apart.
      const [lock] = await ctx.db.query<{ until: Date | null }>(
        `SELECT cairn_unknown_login_locked_until($1) AS until`,
        [email.trim()],
      );
      if (lock?.until && lock.until.getTime() > Date.now()) {
        throw rateLimited(Math.ceil((lock.until.getTime() - Date.now()) / 1000));
      }
      await verify(await this.dummyHash, password);
      await inTenantTransaction(this.dataSource, null, (db) =>
        db.query(`SELECT cairn_unknown_login_failed($1, $2)`, [email.trim(), LOCK_AFTER_FAILURES]),
      );
      throw unauthenticated(LOGIN_FAILED);
    }
    if (row.locked_until && row.locked_until.getTime() > Date.now()) {
      throw rateLimited(Math.ceil((row.locked_until.getTime() - Date.now()) / 1000));
    }
    const tenant = { practiceId: row.practice_id, userId: row.user_id, role: row.role };
    if (!(await verify(row.password_hash, password))) {
      // Counted in a transaction of its own: the failed request itself is rolled back.
      await inTenantTransaction(this.dataSource, tenant, (db) =>
        db.query(
          `UPDATE app_user SET failed_logins = failed_logins + 1,
             locked_until = CASE WHEN failed_logins + 1 >= $2
               THEN now() + make_interval(mins => LEAST(60, power(2, failed_logins + 1 - $2))::int) END
           WHERE id = $1`,
          [row.user_id, LOCK_AFTER_FAILURES],
        ),
      );
      throw unauthenticated(LOGIN_FAILED);
    }

    return this.startSession(ctx, { practiceId: row.practice_id, id: row.user_id, role: row.role });
  }

  async logout(ctx: RequestContext): Promise<boolean> {
    const user = await ctx.user();
    if (user) await ctx.db.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1`, [user.sessionId]);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return user !== null;
  }

  /**
   * Signs a person in within this request once they proved who they are (a password, or an
   * invitation or password-reset link): a new session and its cookie; failed sign-ins are forgotten.
   */
  async startSession(ctx: RequestContext, user: { practiceId: string; id: string; role: Role }): Promise<SignedInUser> {
    await ctx.db.setTenant({ practiceId: user.practiceId, userId: user.id, role: user.role });
    const token = newToken();
    const [row] = await ctx.db.query<{ email: string; display_name: string; session_id: string }>(
      `WITH s AS (
         INSERT INTO auth_session (practice_id, user_id, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id)
       UPDATE app_user u SET failed_logins = 0, locked_until = NULL FROM s
        WHERE u.id = $2 RETURNING u.email, u.display_name, s.id AS session_id`,
      [user.practiceId, user.id, hashToken(token), this.config.sessionAbsoluteHours],
    );
    setSessionCookie(ctx.res, token, this.config);
    const signedIn: SignedInUser = {
      id: user.id,
      practiceId: user.practiceId,
      role: user.role,
      email: row.email,
      displayName: row.display_name,
      sessionId: row.session_id,
    };
    ctx.signedIn = signedIn;
    return signedIn;
  }

  /** Ends every open session of a user (deactivation, revoked portal access, a password reset). */
  async endSessions(db: RequestDb, userId: string): Promise<number> {
    const rows = await db.query(
      `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId],
    );
    return rows.length;
  }

  /** What `me` shows of a signed-in person. */
  async describe(ctx: RequestContext, user: SignedInUser): Promise<Me> {
    const row = await ctx.db.one<{ name: string; client_id: string | null }>(
      `SELECT p.name, (SELECT c.id FROM client c WHERE c.practice_id = p.id AND c.user_id = $2) AS client_id
         FROM practice p WHERE p.id = $1`,
      [user.practiceId, user.id],
    );
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      practiceId: user.practiceId,
      practiceName: row?.name ?? '',
      clientId: row?.client_id ?? null,
    };
  }

  /**
   * The signed-in user of a request, from the session cookie. One round trip, sent with BEGIN: the
   * definer function checks expiry, binds the transaction to the user's practice and, for a client,
   * returns their own record.
   */
  async resolve(ctx: RequestContext): Promise<SignedInUser | null> {
    const token = readSessionCookie(ctx.req);
    if (!token) return null;
    // A hex literal of our own hash: safe to inline, which lets it travel with BEGIN.
    const hex = hashToken(token).toString('hex');
    const [s] = await ctx.db.beginWith<AuthenticatedRow>(
      `SELECT * FROM cairn_authenticate('\\x${hex}'::bytea, ${this.config.sessionIdleMinutes * 60})`,
    );
    if (!s) return null;
    ctx.db.bound({ practiceId: s.practice_id, userId: s.user_id, role: s.role });
    return {
      id: s.user_id,
      practiceId: s.practice_id,
      role: s.role,
      email: s.email,
      displayName: s.display_name,
      sessionId: s.session_id,
      client: s.client ? { ...s.client, country: s.country } : undefined,
    };
  }
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function readSessionCookie(req: Request): string | undefined {
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  const value = cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}

function setSessionCookie(res: Response, token: string, config: AppConfig): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3_600_000,
  });
}
