import { Injectable } from '@nestjs/common';
import {
  DEFAULT_FLAG_SETTINGS,
  FLAG_RULE_VERSION,
  FLAG_SEVERITY,
  SUBSUMED_BY,
  type FlagClearance,
} from '@cairn/shared';
import type { RequestContext } from '../../common/request-context.js';
import type { FlagKind } from './flag.types.js';

/** Opens and clears flags inside the caller's transaction, never two open of one kind per client. */
@Injectable()
export class FlagService {
  /**
   * Returns the new flag's id, or null when one of the kind, or of a kind that subsumes it
   * (SUBSUMED_BY), is already open for the client.
   */
  async raise(
    ctx: RequestContext,
    clientId: string,
    kind: FlagKind,
    evidence: Record<string, unknown>,
    ruleVersion = FLAG_RULE_VERSION,
  ): Promise<string | null> {
    const rows = await ctx.db.query<{ id: string }>(
      `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version)
       SELECT cairn_current_practice(), $1, $2, $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM flag WHERE client_id = $1 AND kind = ANY($6::text[])
                             AND status IN ('OPEN', 'ACKNOWLEDGED'))
       ON CONFLICT (practice_id, client_id, kind) WHERE status IN ('OPEN', 'ACKNOWLEDGED') DO NOTHING
       RETURNING id`,
      [clientId, kind, FLAG_SEVERITY[kind], JSON.stringify(evidence), ruleVersion, SUBSUMED_BY[kind] ?? []],
    );
    return rows[0]?.id ?? null;
  }

  /** The engine found the condition no longer holds: CLEARED, keeping the opening evidence beside why. */
  async clear(ctx: RequestContext, flagId: string, clearance: FlagClearance): Promise<boolean> {
    const rows = await ctx.db.query<{ id: string }>(
      `UPDATE flag SET status = 'CLEARED', cleared_at = now(), clear_evidence = $2
        WHERE id = $1 AND status IN ('OPEN', 'ACKNOWLEDGED') RETURNING id`,
      [flagId, JSON.stringify(clearance.evidence)],
    );
    return rows.length > 0;
  }

  /**
   * A new alliance rating after a rupture: at or above the practice's concern line (the
   * ALLIANCE_RUPTURE total threshold, default 36) it is a repair observed, shown for the therapist
   * to confirm; below it the rupture is current again. The flag stays open either way: only the
   * therapist resolves it. The first repair's rating is kept while later ones stay at the line.
   */
  async observeRepair(
    ctx: RequestContext,
    clientId: string,
    rating: { id: string; total: number; date: string },
  ): Promise<void> {
    await ctx.db.query(
      `WITH line AS (
         SELECT COALESCE((settings #>> '{flags,allianceTotalBelow}')::numeric, $4) AS value
           FROM practice WHERE id = cairn_current_practice()
       )
       UPDATE flag f SET repaired = $2 >= line.value,
              repair_evidence = CASE WHEN $2 < line.value THEN NULL
                                     WHEN f.repaired THEN f.repair_evidence
                                     ELSE jsonb_build_object('ratingId', $3::uuid, 'total', $2::int, 'date', $5::date,
                                                             'concernLine', line.value) END
         FROM line
        WHERE f.id = (SELECT id FROM flag WHERE client_id = $1 AND kind = 'ALLIANCE_RUPTURE'
                         AND status IN ('OPEN', 'ACKNOWLEDGED') AND opened_at < now()
                       ORDER BY opened_at DESC LIMIT 1)`,
      [clientId, rating.total, rating.id, DEFAULT_FLAG_SETTINGS.allianceTotalBelow, rating.date],
    );
  }
}
