import { Inject, Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/errors.js';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
import { Role } from '../../common/roles.js';
import { AppConfig } from '../../config/app-config.js';
import { CairnLogger } from '../../common/logger.js';
import { inTenantTransaction, type RequestDb } from '../../database/request-db.js';
import { AUDIT_SQL, AuditService } from '../audit/audit.service.js';
import { AuthService, clientIp } from '../auth/auth.service.js';
import type { Me } from '../auth/auth.types.js';
import { isDemoEmail } from '../auth/demo.js';
import { RateLimiter, RateLimitService } from '../auth/rate-limiter.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { clientInvitationMail, passwordResetMail, staffInvitationMail } from './account-mail.js';
import { AccountTokens, LINK_NOT_FOUND, TOKEN_LIFETIME_MINUTES, type TokenKind } from './account-tokens.service.js';
import type { ChoosePasswordInput, InviteClientInput, SetClientContactInput } from './account.inputs.js';
import { PortalAccess, PortalAccessStatus } from './account.types.js';
import { checkNewPassword } from './password-policy.js';

/** Reset e-mails one address can be sent per window: enough to retry, too few to flood an inbox. */
const RESET_REQUESTS_PER_ACCOUNT = 3;
const RESET_REQUEST_WINDOW_SECONDS = 15 * 60;
/** PostgreSQL's unique_violation: the e-mail is another account's login (in any practice). */
const UNIQUE_VIOLATION = '23505';

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  has_password: boolean;
  disabled: boolean;
  practice_name: string;
}

/**
 * Passwords and portal access: accepting an invitation, resetting a forgotten password, and a
 * client's sign-in (invite, re-invite, revoke) with their contact e-mail.
 */
@Injectable()
export class AccountService {
  private readonly resetPerIp: RateLimiter;
  private readonly resetPerAccount: RateLimiter;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: AccountTokens,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly access: ClientAccessService,
    private readonly limits: RateLimitService,
    private readonly logger: CairnLogger,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.resetPerIp = new RateLimiter('password-reset-ip', config.loginLimitPerIp, 60);
    // Counted per address typed, account or not, so the limit itself tells nothing.
    this.resetPerAccount = new RateLimiter(
      'password-reset-email',
      RESET_REQUESTS_PER_ACCOUNT,
      RESET_REQUEST_WINDOW_SECONDS,
    );
  }

  /** The invitee chooses a password and is signed in. */
  async acceptInvitation(ctx: RequestContext, input: ChoosePasswordInput): Promise<Me> {
    return this.choosePassword(ctx, 'INVITATION', input, 'acceptInvitation');
  }

  /** A forgotten password replaced from a reset link; every other session of the person ends. */
  async resetPassword(ctx: RequestContext, input: ChoosePasswordInput): Promise<Me> {
    return this.choosePassword(ctx, 'PASSWORD_RESET', input, 'resetPassword');
  }

  /**
   * Sends a reset link if the address belongs to an active account. The answer is the same either
   * way (true), and as quick: the lookup and the e-mail happen after it, so timing cannot tell
   * whether the address has an account.
   */
  async requestPasswordReset(ctx: RequestContext, email: string): Promise<boolean> {
    const address = email.trim().toLowerCase();
    await this.limits.consume([this.resetPerIp, clientIp(ctx.req)], [this.resetPerAccount, address]);
    const requestId = ctx.requestId;
    void this.sendReset(address, requestId).catch((error: unknown) =>
      this.logger.event('warn', 'password reset not written', {
        requestId,
        error: error instanceof Error ? error.name : 'unknown',
      }),
    );
    return true;
  }

  /** Issues the reset link and writes its e-mail in one transaction, for an active account only. */
  private async sendReset(address: string, requestId: string): Promise<void> {
    const row = await inTenantTransaction(this.dataSource, null, (db) =>
      db.one<{ practice_id: string; user_id: string; password_hash: string | null; disabled_at: Date | null }>(
        `SELECT * FROM cairn_find_login($1)`,
        [address],
      ),
    );
    const refusedDemo = this.config.isProduction && isDemoEmail(address);
    if (!row || !row.password_hash || row.disabled_at || refusedDemo) return;
    // Bound with no actor: whoever typed the address is anonymous.
    const tenant = { practiceId: row.practice_id, userId: null, role: 'SYSTEM' as const };
    await inTenantTransaction(this.dataSource, tenant, async (db) => {
      const user = await this.account(db, row.user_id);
      if (!user) return;
      const issued = await this.tokens.issue(db, 'PASSWORD_RESET', user.id, null);
      await this.outbox.enqueue(db, {
        kind: 'PASSWORD_RESET',
        dedupeKey: `password-reset:${issued.id}`,
        to: user.email,
        ...passwordResetMail(`${this.config.baseUrl}/reset-password/${issued.token}`),
        createdBy: null,
      });
      await db.query(AUDIT_SQL, ['requestPasswordReset', 'ALLOWED', 'app_user', [user.id], requestId]);
    });
  }

  /**
   * Writes an invitation e-mail for an account without a usable password yet (a new staff member,
   * a client), replacing any earlier link. In the caller's transaction.
   */
  async sendInvitation(
    db: RequestDb,
    user: { id: string; email: string; role: Role },
    createdBy: string,
  ): Promise<{ tokenId: string; expiresAt: Date }> {
    const issued = await this.tokens.issue(db, 'INVITATION', user.id, createdBy);
    const url = `${this.config.baseUrl}/invitation/${issued.token}`;
    const days = TOKEN_LIFETIME_MINUTES.INVITATION / (24 * 60);
    const practice = await db.one<{ name: string }>(`SELECT name FROM practice WHERE id = cairn_current_practice()`);
    const mail =
      user.role === Role.CLIENT
        ? clientInvitationMail(url, days)
        : staffInvitationMail(practice?.name ?? 'your practice', url, days);
    await this.outbox.enqueue(db, {
      kind: user.role === Role.CLIENT ? 'CLIENT_INVITATION' : 'STAFF_INVITATION',
      dedupeKey: `invitation:${issued.id}`,
      to: user.email,
      ...mail,
      createdBy,
    });
    return { tokenId: issued.id, expiresAt: issued.expiresAt };
  }

  /** A client's portal sign-in and contact e-mail, for their therapist or a manager (audited). */
  async portalAccess(ctx: RequestContext, clientId: string): Promise<PortalAccess> {
    const user = await this.access.signedIn(ctx);
    const client = await this.access.client(ctx, clientId, 'manage', 'portalAccess');
    await this.audit.allowed(ctx, user, { action: 'portalAccess', subjectType: 'client', subjectId: client.id });
    return this.describePortal(ctx.db, client.id);
  }

  /** Saves (or with null removes) a client's contact e-mail. */
  async setClientContact(ctx: RequestContext, input: SetClientContactInput): Promise<PortalAccess> {
    const user = await this.access.signedIn(ctx);
    const client = await this.access.client(ctx, input.clientId, 'manage', 'setClientContact');
    await this.saveContact(ctx.db, client.id, input.email ?? null, user.id);
    await this.audit.allowed(ctx, user, { action: 'setClientContact', subjectType: 'client', subjectId: client.id });
    return this.describePortal(ctx.db, client.id);
  }

  /**
   * Invites a client to the portal, or again (a new link replaces the old; after a revocation it
   * restores access once they choose a password). Their sign-in e-mail is their contact e-mail.
   */
  async inviteClient(ctx: RequestContext, input: InviteClientInput): Promise<PortalAccess> {
    const user = await this.access.signedIn(ctx);
    const client = await this.access.client(ctx, input.clientId, 'manage', 'inviteClient');
    if (client.status === 'DISCHARGED') {
      throw badInput('clientId', 'this client is discharged; make them active again before inviting them');
    }
    if (input.email) await this.saveContact(ctx.db, client.id, input.email, user.id);
    const contact = await ctx.db.one<{ email: string }>(`SELECT email FROM client_contact WHERE client_id = $1`, [
      client.id,
    ]);
    if (!contact) throw badInput('email', 'email is required: this client has no contact e-mail yet');
    let accountId = client.userId;
    if (accountId) {
      await this.changeLogin(ctx.db, accountId, contact.email);
    } else {
      const [created] = await this.writeLogin(
        ctx.db,
        `INSERT INTO app_user (practice_id, email, role, display_name)
         SELECT c.practice_id, $2, 'CLIENT', coalesce(c.display_name, c.code) FROM client c WHERE c.id = $1
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [client.id, contact.email],
      );
      accountId = created.id;
      await ctx.db.query(`UPDATE client SET user_id = $2 WHERE id = $1`, [client.id, accountId]);
    }
    await this.sendInvitation(ctx.db, { id: accountId, email: contact.email, role: Role.CLIENT }, user.id);
    await this.audit.allowed(ctx, user, { action: 'inviteClient', subjectType: 'client', subjectId: client.id });
    return this.describePortal(ctx.db, client.id);
  }

  /** Ends a client's portal access at once: sessions end, waiting links stop working. */
  async revokePortalAccess(ctx: RequestContext, clientId: string): Promise<PortalAccess> {
    const user = await this.access.signedIn(ctx);
    const client = await this.access.client(ctx, clientId, 'manage', 'revokePortalAccess');
    if (client.userId) {
      await ctx.db.query(`UPDATE app_user SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1`, [
        client.userId,
      ]);
      await this.auth.endSessions(ctx.db, client.userId);
      await this.tokens.revokeLive(ctx.db, client.userId);
    }
    await this.audit.allowed(ctx, user, { action: 'revokePortalAccess', subjectType: 'client', subjectId: client.id });
    return this.describePortal(ctx.db, client.id);
  }

  private async choosePassword(
    ctx: RequestContext,
    kind: TokenKind,
    input: ChoosePasswordInput,
    action: string,
  ): Promise<Me> {
    const redeemed = await this.tokens.redeem(ctx, kind, input.token, action);
    const account = await this.account(ctx.db, redeemed.userId);
    // A reset never revives a deactivated account (deactivation also revokes its links).
    if (!account || (kind === 'PASSWORD_RESET' && account.disabled)) throw notFound(LINK_NOT_FOUND);
    await checkNewPassword(input.password, [account.email, account.display_name, account.practice_name]);
    await ctx.db.query(
      `UPDATE app_user SET password_hash = $2, disabled_at = NULL, failed_logins = 0, locked_until = NULL WHERE id = $1`,
      [account.id, await hash(input.password)],
    );
    await this.auth.endSessions(ctx.db, account.id);
    await this.tokens.revokeLive(ctx.db, account.id);
    const signedIn: SignedInUser = await this.auth.startSession(ctx, {
      practiceId: redeemed.practiceId,
      id: account.id,
      role: account.role,
    });
    return this.auth.describe(ctx, signedIn);
  }

  private account(db: RequestDb, userId: string): Promise<AccountRow | undefined> {
    return db.one<AccountRow>(
      `SELECT u.id, u.email, u.display_name, u.role, u.password_hash IS NOT NULL AS has_password,
              u.disabled_at IS NOT NULL AS disabled, p.name AS practice_name
         FROM app_user u JOIN practice p ON p.id = u.practice_id WHERE u.id = $1`,
      [userId],
    );
  }

  private async saveContact(db: RequestDb, clientId: string, email: string | null, by: string): Promise<void> {
    if (email === null) {
      await db.query(`DELETE FROM client_contact WHERE client_id = $1`, [clientId]);
      return;
    }
    await db.query(
      `INSERT INTO client_contact (practice_id, client_id, email, updated_by) VALUES (cairn_current_practice(), $1, $2, $3)
       ON CONFLICT (practice_id, client_id) DO UPDATE SET email = EXCLUDED.email, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [clientId, email.trim(), by],
    );
  }

  /** A client's sign-in follows their contact e-mail. */
  private async changeLogin(db: RequestDb, userId: string, email: string): Promise<void> {
    await this.writeLogin(
      db,
      `UPDATE app_user SET email = $2 WHERE id = $1 AND lower(email) <> lower($2) RETURNING id`,
      [userId, email],
      true,
    );
  }

  /** Writes a sign-in e-mail (a new account, or a changed address); someone else's address is a clear refusal. */
  private async writeLogin(
    db: RequestDb,
    sql: string,
    params: unknown[],
    mayBeUnchanged = false,
  ): Promise<{ id: string }[]> {
    const taken = () => badInput('email', 'this e-mail address is already the sign-in of another Cairn account');
    let rows: { id: string }[];
    try {
      rows = await db.query<{ id: string }>(sql, params);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw taken();
      throw error;
    }
    if (rows.length === 0 && !mayBeUnchanged) throw taken();
    return rows;
  }

  private async describePortal(db: RequestDb, clientId: string): Promise<PortalAccess> {
    const row = await db.one<{
      email: string | null;
      user_id: string | null;
      has_password: boolean | null;
      disabled: boolean | null;
      expires_at: Date | null;
    }>(
      `SELECT cc.email, c.user_id, u.password_hash IS NOT NULL AS has_password, u.disabled_at IS NOT NULL AS disabled,
              (SELECT max(t.expires_at) FROM account_token t
                WHERE t.user_id = c.user_id AND t.kind = 'INVITATION' AND t.used_at IS NULL
                  AND t.revoked_at IS NULL AND t.expires_at > now()) AS expires_at
         FROM client c
         LEFT JOIN client_contact cc ON cc.practice_id = c.practice_id AND cc.client_id = c.id
         LEFT JOIN app_user u ON u.practice_id = c.practice_id AND u.id = c.user_id
        WHERE c.id = $1`,
      [clientId],
    );
    const status = !row?.user_id
      ? PortalAccessStatus.NONE
      : row.has_password && !row.disabled
        ? PortalAccessStatus.ACTIVE
        : row.expires_at
          ? PortalAccessStatus.INVITED
          : row.disabled
            ? PortalAccessStatus.REVOKED
            : PortalAccessStatus.NONE;
    return { clientId, status, contactEmail: row?.email ?? null, invitationExpiresAt: row?.expires_at ?? null };
  }
}
