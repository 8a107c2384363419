import type { FlagKind, FlagSeverity, FlagStatus } from './graphql/flags';

export const FLAG_KINDS: readonly FlagKind[] = [
  'RISK',
  'ALLIANCE_RUPTURE',
  'NOT_ON_TRACK',
  'DETERIORATION',
  'STALLED',
  'DISENGAGING',
];

export const FLAG_KIND_LABEL: Record<FlagKind, string> = {
  RISK: 'Risk',
  ALLIANCE_RUPTURE: 'Alliance rupture',
  NOT_ON_TRACK: 'Not on track',
  DETERIORATION: 'Deterioration',
  STALLED: 'Stalled',
  DISENGAGING: 'Disengaging',
};

export const SEVERITY_LABEL: Record<FlagSeverity, string> = {
  URGENT: 'Urgent',
  HIGH: 'High',
  MEDIUM: 'Medium',
};

export const SEVERITY_RANK: Record<FlagSeverity, number> = { URGENT: 0, HIGH: 1, MEDIUM: 2 };

export const STATUS_LABEL: Record<FlagStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved',
  CLEARED: 'Cleared',
};

/** Flags that still ask something of the therapist; resolved and cleared ones are history. */
export function isOpen(flag: { status: FlagStatus }): boolean {
  return flag.status === 'OPEN' || flag.status === 'ACKNOWLEDGED';
}

/** Flags in the order a clinician should read them: severity, then longest open first. */
export function byUrgency<T extends { severity: FlagSeverity; openedAt: string }>(a: T, b: T): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.openedAt.localeCompare(b.openedAt);
}
