import { gql } from '@apollo/client';

export type FlagKind = 'RISK' | 'ALLIANCE_RUPTURE' | 'NOT_ON_TRACK' | 'DETERIORATION' | 'STALLED' | 'DISENGAGING';
export type FlagSeverity = 'URGENT' | 'HIGH' | 'MEDIUM';
export type FlagStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'CLEARED';

export interface Flag {
  __typename?: 'Flag';
  id: string;
  clientId: string;
  clientCode: string;
  kind: FlagKind;
  severity: FlagSeverity;
  status: FlagStatus;
  description: string;
  /** JSON text: the data points and thresholds the rule saw. */
  evidence: string;
  ruleVersion: string;
  openedAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  acknowledgeNote: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  resolveNote: string | null;
  /** When the engine found the condition no longer holds, and why in plain words. */
  clearedAt: string | null;
  clearReason: string | null;
  repaired: boolean | null;
  /** "Repair observed (rating 38 on 3 Nov)", for the therapist to confirm. */
  repairObserved: string | null;
}

export const FLAG_FIELDS = gql`
  fragment FlagFields on Flag {
    id
    clientId
    clientCode
    kind
    severity
    status
    description
    evidence
    ruleVersion
    openedAt
    acknowledgedAt
    acknowledgedByName
    acknowledgeNote
    resolvedAt
    resolvedByName
    resolveNote
    clearedAt
    clearReason
    repaired
    repairObserved
  }
`;

export interface FlagsQueryResult {
  flags: Flag[];
}
export interface FlagsQueryVariables {
  status?: FlagStatus | null;
}

export const FLAGS_QUERY = gql`
  query Flags($status: FlagStatus) {
    flags(status: $status) {
      ...FlagFields
    }
  }
  ${FLAG_FIELDS}
`;

export interface AcknowledgeFlagResult {
  acknowledgeFlag: Flag;
}
export interface ResolveFlagResult {
  resolveFlag: Flag;
}
export interface FlagActionVariables {
  id: string;
  note: string;
}

export const ACKNOWLEDGE_FLAG_MUTATION = gql`
  mutation AcknowledgeFlag($id: ID!, $note: String!) {
    acknowledgeFlag(id: $id, note: $note) {
      ...FlagFields
    }
  }
  ${FLAG_FIELDS}
`;

export const RESOLVE_FLAG_MUTATION = gql`
  mutation ResolveFlag($id: ID!, $note: String!) {
    resolveFlag(id: $id, note: $note) {
      ...FlagFields
    }
  }
  ${FLAG_FIELDS}
`;
