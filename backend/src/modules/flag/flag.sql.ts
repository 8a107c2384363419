import {
  describeClearance,
  describeFlag,
  describeRepair,
  FLAG_KIND_LABEL,
  type ClearTrigger,
  type FlagTrigger,
  type LocalDate,
} from '@cairn/shared';
import type { Flag, FlagKind } from './flag.types.js';

/** Flag columns from `flag f` joined to `client c` and the acknowledging/resolving users. */
export const FLAG_COLUMNS = `f.id, f.client_id AS "clientId", c.code AS "clientCode", f.kind, f.severity, f.status,
  f.evidence, f.rule_version AS "ruleVersion", f.opened_at AS "openedAt", f.acknowledged_at AS "acknowledgedAt",
  ua.display_name AS "acknowledgedByName", f.acknowledge_note AS "acknowledgeNote", f.resolved_at AS "resolvedAt",
  ur.display_name AS "resolvedByName", f.resolve_note AS "resolveNote", f.repaired, f.cleared_at AS "clearedAt",
  f.clear_evidence AS "clearEvidence", f.repair_evidence AS "repairEvidence"`;

export const FLAG_FROM = `flag f JOIN client c ON c.practice_id = f.practice_id AND c.id = f.client_id
  LEFT JOIN app_user ua ON ua.practice_id = f.practice_id AND ua.id = f.acknowledged_by
  LEFT JOIN app_user ur ON ur.practice_id = f.practice_id AND ur.id = f.resolved_by`;

export type FlagRow = Omit<Flag, 'evidence' | 'description' | 'clearReason' | 'repairObserved'> & {
  evidence: unknown;
  clearEvidence: { trigger: ClearTrigger } | null;
  repairEvidence: RepairEvidence | null;
};

/** The rating at or above the concern line that followed a rupture (flag.repair_evidence). */
export interface RepairEvidence {
  ratingId: string;
  total: number;
  /** The client's local date of the rating. */
  date: LocalDate;
  concernLine: number;
}

/** Evidence as stored, plus the plain-language wording the dashboard shows. */
export function toFlag(row: FlagRow): Flag {
  const { clearEvidence, repairEvidence, ...flag } = row;
  return {
    ...flag,
    evidence: JSON.stringify(row.evidence),
    description: describe(row.kind, row.evidence),
    clearReason: clearEvidence ? describeClearance(clearEvidence.trigger) : null,
    repairObserved: repairEvidence && row.repaired ? describeRepair(repairEvidence) : null,
  };
}

function describe(kind: FlagKind, evidence: unknown): string {
  const triggers = (evidence as { triggers?: FlagTrigger[] } | null)?.triggers;
  if (Array.isArray(triggers) && triggers.length > 0) {
    try {
      return describeFlag({ evidence: { triggers } });
    } catch {
      // Evidence from an older rule version: fall back to the kind's name.
    }
  }
  return FLAG_KIND_LABEL[kind];
}
