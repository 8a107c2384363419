import { Injectable } from '@nestjs/common';
import { FLAG_RULE_VERSION, FLAG_SEVERITY } from '@cairn/shared';
import type { RequestContext } from '../../common/request-context.js';
import type { FlagKind } from './flag.types.js';

/** Opens flags inside the caller's transaction, never two unresolved of one kind per client. */
@Injectable()
export class FlagService {
  /** Returns the new flag's id, or null when one of the kind is already open for the client. */
  async raise(
    ctx: RequestContext,
    clientId: string,
    kind: FlagKind,
    evidence: Record<string, unknown>,
    ruleVersion = FLAG_RULE_VERSION,
  ): Promise<string | null> {
    const rows = await ctx.db.query<{ id: string }>(
      `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version)
       VALUES (cairn_current_practice(), $1, $2, $3, $4, $5)
       ON CONFLICT (practice_id, client_id, kind) WHERE status <> 'RESOLVED' DO NOTHING
       RETURNING id`,
      [clientId, kind, FLAG_SEVERITY[kind], JSON.stringify(evidence), ruleVersion],
    );
    return rows[0]?.id ?? null;
  }
}
