import { Injectable } from '@nestjs/common';
import { notFound, unauthenticated } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
import { Role } from '../../common/roles.js';
import { AuditService } from '../audit/audit.service.js';

export interface VisibleClient {
  id: string;
  practiceId: string;
  therapistId: string;
  userId: string | null;
  code: string;
  timezone: string;
  status: string;
  country: string;
}

const CLIENT_COLUMNS = `c.id, c.practice_id AS "practiceId", c.therapist_id AS "therapistId", c.user_id AS "userId",
  c.code, c.timezone, c.status, p.country`;

/**
 * Who may act on which client: a therapist on their own caseload, a client on themselves, a
 * manager (reads) across the practice. Anything else is NOT_FOUND, and the denial is audited.
 */
@Injectable()
export class ClientAccessService {
  constructor(private readonly audit: AuditService) {}

  async signedIn(ctx: RequestContext): Promise<SignedInUser> {
    const user = await ctx.user();
    if (!user) throw unauthenticated();
    return user;
  }

  /**
   * A client the caller may see; `write` excludes managers (they read, therapists record); `manage`
   * (the client's own details) is for their therapist and managers, not the client.
   */
  async client(ctx: RequestContext, clientId: string, mode: AccessMode, action: string): Promise<VisibleClient> {
    const user = await this.signedIn(ctx);
    const row = isUuid(clientId)
      ? await ctx.db.one<VisibleClient>(
          `SELECT ${CLIENT_COLUMNS} FROM client c JOIN practice p ON p.id = c.practice_id WHERE c.id = $1`,
          [clientId],
        )
      : undefined;
    if (!row || !canSee(user, row, mode)) {
      await this.audit.denied(ctx, user, action, {
        subjectType: 'client',
        subjectId: isUuid(clientId) ? clientId : null,
      });
      throw notFound('Client');
    }
    return row;
  }

  /** The signed-in client's own record. */
  async ownClient(ctx: RequestContext, action: string): Promise<VisibleClient> {
    const user = await this.signedIn(ctx);
    if (user.client) return user.client;
    const row =
      user.role === Role.CLIENT
        ? await ctx.db.one<VisibleClient>(
            `SELECT ${CLIENT_COLUMNS} FROM client c JOIN practice p ON p.id = c.practice_id WHERE c.user_id = $1`,
            [user.id],
          )
        : undefined;
    if (!row) {
      await this.audit.denied(ctx, user, action, { subjectType: 'client' });
      throw notFound('Client');
    }
    return row;
  }

  /** The client a valid rating link belongs to: the link itself is the permission. */
  async forRatingLink(ctx: RequestContext, clientId: string): Promise<VisibleClient> {
    const row = await ctx.db.one<VisibleClient>(
      `SELECT ${CLIENT_COLUMNS} FROM client c JOIN practice p ON p.id = c.practice_id WHERE c.id = $1`,
      [clientId],
    );
    if (!row) throw notFound('Rating link');
    return row;
  }

  /** Loads a client-owned record (session, assignment, goal, flag) and checks its client. */
  async recordOf(
    ctx: RequestContext,
    table: 'therapy_session' | 'homework_assignment' | 'goal' | 'flag' | 'episode',
    id: string,
    mode: 'read' | 'write',
    action: string,
    what: string,
  ): Promise<VisibleClient> {
    const user = await this.signedIn(ctx);
    const row = isUuid(id)
      ? await ctx.db.one<VisibleClient>(
          `SELECT ${CLIENT_COLUMNS} FROM ${table} r JOIN client c ON c.practice_id = r.practice_id AND c.id = r.client_id
             JOIN practice p ON p.id = c.practice_id WHERE r.id = $1`,
          [id],
        )
      : undefined;
    if (!row || !canSee(user, row, mode)) {
      await this.audit.denied(ctx, user, action, { subjectType: table, subjectId: isUuid(id) ? id : null });
      throw notFound(what);
    }
    return row;
  }
}

type AccessMode = 'read' | 'write' | 'manage';

function canSee(user: SignedInUser, client: VisibleClient, mode: AccessMode): boolean {
  if (client.practiceId !== user.practiceId) return false;
  switch (user.role) {
    case Role.THERAPIST:
      return client.therapistId === user.id;
    case Role.CLIENT:
      return mode !== 'manage' && client.userId === user.id;
    case Role.MANAGER:
      return mode !== 'write';
  }
}
