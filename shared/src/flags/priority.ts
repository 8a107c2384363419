import type { FlagSeverity } from './types.js';

const SEVERITY_ORDER: Readonly<Record<FlagSeverity, number>> = { URGENT: 0, HIGH: 1, MEDIUM: 2 };

export interface RankableFlag {
  severity: FlagSeverity;
  /** When the flag was opened: a Date or an ISO 8601 timestamp. */
  openedAt: Date | string;
}

function openedTime(flag: RankableFlag): number {
  const time = flag.openedAt instanceof Date ? flag.openedAt.getTime() : Date.parse(flag.openedAt);
  if (Number.isNaN(time)) throw new RangeError(`Flag openedAt is not a valid time: ${String(flag.openedAt)}`);
  return time;
}

/** Caseload order for Array.prototype.sort: urgent, then high, then medium; within each, open longest first. */
export function priorityRank(a: RankableFlag, b: RankableFlag): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || openedTime(a) - openedTime(b);
}
