import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
import type { Role } from '../../common/roles.js';
import type { RequestDb } from '../../database/request-db.js';
import { AuditService } from '../audit/audit.service.js';
import { AccountTokens } from '../account/account-tokens.service.js';
import { AccountService } from '../account/account.service.js';
import { AuthService } from '../auth/auth.service.js';
import { ClientAccessService } from '../client/client-access.service.js';
import type { DeactivateUserInput, InviteStaffInput, TransferClientInput } from './staff.inputs.js';
import type { ClientTransfer, StaffMember } from './staff.types.js';

// A staff member invited but never signed in has no password; a revoked invitation is also disabled.
const STAFF_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role,
  CASE WHEN u.disabled_at IS NOT NULL THEN 'DEACTIVATED' WHEN u.password_hash IS NULL THEN 'INVITED' ELSE 'ACTIVE' END AS status,
  (SELECT max(t.expires_at) FROM account_token t WHERE t.practice_id = u.practice_id AND t.user_id = u.id
      AND t.kind = 'INVITATION' AND t.used_at IS NULL AND t.revoked_at IS NULL) AS "invitationExpiresAt",
  (SELECT count(*) FROM client c WHERE c.practice_id = u.practice_id AND c.therapist_id = u.id
      AND c.status <> 'DISCHARGED')::int AS "activeClients"`;

/** A manager's work on the practice's people: invitations, deactivation, and moving clients between therapists. */
@Injectable()
export class StaffService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly accounts: AccountService,
    private readonly tokens: AccountTokens,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Everyone who works in the practice, with waiting invitations; revoked invitations are gone. */
  async staff(ctx: RequestContext): Promise<StaffMember[]> {
    await this.access.signedIn(ctx);
    return ctx.db.query<StaffMember>(
      `SELECT ${STAFF_COLUMNS} FROM app_user u
        WHERE u.role IN ('MANAGER', 'THERAPIST') AND NOT (u.password_hash IS NULL AND u.disabled_at IS NOT NULL)
        ORDER BY (u.disabled_at IS NOT NULL), u.display_name, u.id`,
    );
  }

  /**
   * Invites a therapist or manager by e-mail. Inviting an address whose invitation is waiting or
   * was revoked sends a fresh one; an address that already signs in anywhere is refused.
   */
  async inviteStaff(ctx: RequestContext, input: InviteStaffInput): Promise<StaffMember> {
    const manager = await this.access.signedIn(ctx);
    const email = input.email.trim();
    const existing = await ctx.db.one<{ id: string; pending: boolean }>(
      `SELECT id, password_hash IS NULL AND role <> 'CLIENT' AS pending FROM app_user WHERE lower(email) = lower($1)`,
      [email],
    );
    if (existing && !existing.pending) {
      throw badInput('email', 'someone in this practice already signs in with this e-mail address');
    }
    let userId = existing?.id;
    if (userId) {
      await ctx.db.query(`UPDATE app_user SET display_name = $2, role = $3, disabled_at = NULL WHERE id = $1`, [
        userId,
        input.displayName,
        input.role,
      ]);
    } else {
      const [created] = await ctx.db.query<{ id: string }>(
        `INSERT INTO app_user (practice_id, email, role, display_name) VALUES (cairn_current_practice(), $1, $2, $3)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [email, input.role, input.displayName],
      );
      if (!created) throw badInput('email', 'this e-mail address is already the sign-in of another Cairn account');
      userId = created.id;
    }
    await this.accounts.sendInvitation(ctx.db, { id: userId, email, role: input.role }, manager.id);
    await this.audit.allowed(ctx, manager, { action: 'inviteStaff', subjectType: 'app_user', subjectId: userId });
    return this.member(ctx.db, userId);
  }

  /** A new link for a waiting invitation (the old link stops working). */
  async resendInvitation(ctx: RequestContext, userId: string): Promise<StaffMember> {
    const manager = await this.access.signedIn(ctx);
    const invited = await this.pendingInvitee(ctx, manager, userId, 'resendInvitation');
    await this.accounts.sendInvitation(ctx.db, invited, manager.id);
    await this.audit.allowed(ctx, manager, { action: 'resendInvitation', subjectType: 'app_user', subjectId: userId });
    return this.member(ctx.db, userId);
  }

  /** Withdraws a waiting invitation: its link stops working and the invitee leaves the staff list. */
  async revokeInvitation(ctx: RequestContext, userId: string): Promise<StaffMember> {
    const manager = await this.access.signedIn(ctx);
    await this.pendingInvitee(ctx, manager, userId, 'revokeInvitation');
    await this.mustHaveNoClients(ctx.db, userId, 'userId');
    await this.tokens.revokeLive(ctx.db, userId);
    await ctx.db.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [userId]);
    await this.audit.allowed(ctx, manager, { action: 'revokeInvitation', subjectType: 'app_user', subjectId: userId });
    return this.member(ctx.db, userId);
  }

  /**
   * Deactivates a therapist or manager: their sessions end at once and their links stop working. A
   * therapist's clients move to `transferToTherapistId` in the same step (required if they have any).
   */
  async deactivateUser(ctx: RequestContext, input: DeactivateUserInput): Promise<StaffMember> {
    const manager = await this.access.signedIn(ctx);
    const target = isUuid(input.userId)
      ? await ctx.db.one<{ id: string; role: Role }>(
          `SELECT id, role FROM app_user WHERE id = $1 AND role IN ('MANAGER', 'THERAPIST') AND disabled_at IS NULL`,
          [input.userId],
        )
      : undefined;
    if (!target) {
      await this.audit.denied(ctx, manager, 'deactivateUser', { subjectType: 'app_user', subjectId: null });
      throw notFound('User');
    }
    // Never oneself: so the practice always keeps the manager doing this.
    if (target.id === manager.id) throw badInput('userId', 'you cannot deactivate yourself; ask another manager');
    if (input.transferToTherapistId) {
      if (input.transferToTherapistId === target.id) {
        throw badInput('transferToTherapistId', 'choose a different therapist to take over the clients');
      }
      const clients = await ctx.db.query<{ id: string }>(`SELECT id FROM client WHERE therapist_id = $1`, [target.id]);
      for (const { id } of clients) {
        await this.moveClient(ctx, manager, id, input.transferToTherapistId, 'transferToTherapistId');
      }
    }
    await this.mustHaveNoClients(ctx.db, target.id, 'transferToTherapistId');
    await ctx.db.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [target.id]);
    await this.auth.endSessions(ctx.db, target.id);
    await this.tokens.revokeLive(ctx.db, target.id);
    await this.audit.allowed(ctx, manager, { action: 'deactivateUser', subjectType: 'app_user', subjectId: target.id });
    return this.member(ctx.db, target.id);
  }

  /** Moves a client (and their whole record, which follows the client) to another therapist. */
  async transferClient(ctx: RequestContext, input: TransferClientInput): Promise<ClientTransfer> {
    const manager = await this.access.signedIn(ctx);
    return this.moveClient(ctx, manager, input.clientId, input.therapistId, 'therapistId');
  }

  private async moveClient(
    ctx: RequestContext,
    manager: SignedInUser,
    clientId: string,
    therapistId: string,
    field: string,
  ): Promise<ClientTransfer> {
    const client = await this.access.client(ctx, clientId, 'manage', 'transferClient');
    const therapist = isUuid(therapistId)
      ? await ctx.db.one(
          `SELECT 1 FROM app_user WHERE id = $1 AND role = 'THERAPIST' AND disabled_at IS NULL AND password_hash IS NOT NULL`,
          [therapistId],
        )
      : undefined;
    if (!therapist) throw badInput(field, `${field} must be an active therapist of this practice`);
    if (client.therapistId !== therapistId) {
      // Access follows client.therapist_id; past sessions keep who held them (outcomes are attributed so).
      await ctx.db.query(
        `WITH c AS (UPDATE client SET therapist_id = $2 WHERE id = $1 RETURNING id),
              s AS (UPDATE client_summary SET therapist_id = $2 WHERE client_id = $1 RETURNING client_id)
         UPDATE therapy_session SET therapist_id = $2
          WHERE client_id = $1 AND status = 'SCHEDULED' AND scheduled_at > now()`,
        [client.id, therapistId],
      );
    }
    await this.audit.allowed(ctx, manager, { action: 'transferClient', subjectType: 'client', subjectId: client.id });
    return { clientId: client.id, fromTherapistId: client.therapistId, therapistId };
  }

  private async pendingInvitee(
    ctx: RequestContext,
    manager: SignedInUser,
    userId: string,
    action: string,
  ): Promise<{ id: string; email: string; role: Role }> {
    const row = isUuid(userId)
      ? await ctx.db.one<{ id: string; email: string; role: Role }>(
          `SELECT id, email, role FROM app_user
            WHERE id = $1 AND role IN ('MANAGER', 'THERAPIST') AND password_hash IS NULL AND disabled_at IS NULL`,
          [userId],
        )
      : undefined;
    if (!row) {
      await this.audit.denied(ctx, manager, action, {
        subjectType: 'app_user',
        subjectId: isUuid(userId) ? userId : null,
      });
      throw notFound('Invitation');
    }
    return row;
  }

  private async mustHaveNoClients(db: RequestDb, userId: string, field: string): Promise<void> {
    const row = await db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM client WHERE therapist_id = $1 AND status <> 'DISCHARGED'`,
      [userId],
    );
    if (row && row.n > 0) {
      throw badInput(
        field,
        `this therapist still has ${row.n} active client${row.n === 1 ? '' : 's'}: choose who takes them over`,
      );
    }
  }

  private async member(db: RequestDb, userId: string): Promise<StaffMember> {
    const row = await db.one<StaffMember>(`SELECT ${STAFF_COLUMNS} FROM app_user u WHERE u.id = $1`, [userId]);
    if (!row) throw notFound('User');
    return row;
  }
}
