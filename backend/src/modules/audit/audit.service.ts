import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
import { inTenantTransaction, type RequestDb } from '../../database/request-db.js';

export const NIL_PRACTICE = '00000000-0000-0000-0000-000000000000';

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string | null;
}

/**
 * Writes audit rows through the definer function `cairn_audit`, the app's only way in: actor, role
 * and practice come from the transaction's settings (the ones row-level security reads), so a row
 * cannot name anyone but the caller. Each row joins its practice's hash chain (see audit-chain.ts).
 */
export const AUDIT_SQL = `SELECT cairn_audit($1, $2, $3, $4::uuid[], $5)`;

/** Append-only audit trail: reads of client data, exports and denied accesses. */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** An allowed access, written in the request's own transaction. */
  async allowed(ctx: RequestContext, user: SignedInUser, entry: AuditEntry): Promise<void> {
    await write(
      ctx.db,
      user,
      entry.action,
      'ALLOWED',
      entry.subjectType ?? null,
      [entry.subjectId ?? null],
      ctx.requestId,
    );
  }

  /** Allowed reads of many subjects at once (one row per subject per request). */
  async allowedMany(
    ctx: RequestContext,
    user: SignedInUser,
    action: string,
    subjectType: string,
    ids: string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    await write(ctx.db, user, action, 'ALLOWED', subjectType, ids, ctx.requestId);
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
      write(db, user, action, 'DENIED', entry.subjectType ?? null, [entry.subjectId ?? null], ctx.requestId),
    );
  }
}

async function write(
  db: RequestDb,
  user: SignedInUser | null,
  action: string,
  outcome: 'ALLOWED' | 'DENIED',
  subjectType: string | null,
  subjectIds: (string | null)[],
  requestId: string,
): Promise<void> {
  // The function records the transaction's actor; a caller naming someone else is a bug, not a row.
  const bound = db.currentTenant?.userId ?? null;
  if (user && bound !== user.id) throw new Error('audit: the transaction is bound to another actor');
  await db.query(AUDIT_SQL, [action, outcome, subjectType, subjectIds, requestId]);
}
