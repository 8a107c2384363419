import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
import { inTenantTransaction } from '../../database/request-db.js';

export const NIL_PRACTICE = '00000000-0000-0000-0000-000000000000';

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string | null;
}

/** Append-only audit trail: reads of client data, exports and denied accesses. */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** An allowed access, written in the request's own transaction. */
  async allowed(ctx: RequestContext, user: SignedInUser, entry: AuditEntry): Promise<void> {
    await ctx.db.query(
      `INSERT INTO audit_event (practice_id, actor_id, actor_role, subject_type, subject_id, action, outcome, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'ALLOWED', $7)`,
      [
        user.practiceId,
        user.id,
        user.role,
        entry.subjectType ?? null,
        entry.subjectId ?? null,
        entry.action,
        ctx.requestId,
      ],
    );
  }

  /** Allowed reads of many subjects at once (one row per client per request). */
  async allowedMany(
    ctx: RequestContext,
    user: SignedInUser,
    action: string,
    subjectType: string,
    ids: string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    await ctx.db.query(
      `INSERT INTO audit_event (practice_id, actor_id, actor_role, subject_type, subject_id, action, outcome, request_id)
       SELECT $1, $2, $3, $4, s, $5, 'ALLOWED', $6 FROM unnest($7::uuid[]) AS s`,
      [user.practiceId, user.id, user.role, subjectType, action, ctx.requestId, ids],
    );
  }

  /** A denied access, in a transaction of its own so the request's rollback cannot erase it. */
  async denied(
    ctx: RequestContext,
    user: SignedInUser | null,
    action: string,
    entry: Omit<AuditEntry, 'action'> = {},
  ): Promise<void> {
    ctx.deniedAudited = true;
    const tenant = user ? { practiceId: user.practiceId, userId: user.id, role: user.role } : null;
    await inTenantTransaction(this.dataSource, tenant, (db) =>
      db.query(
        `INSERT INTO audit_event (practice_id, actor_id, actor_role, subject_type, subject_id, action, outcome, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'DENIED', $7)`,
        [
          user?.practiceId ?? NIL_PRACTICE,
          user?.id ?? null,
          user?.role ?? null,
          entry.subjectType ?? null,
          entry.subjectId ?? null,
          action,
          ctx.requestId,
        ],
      ),
    );
  }
}
