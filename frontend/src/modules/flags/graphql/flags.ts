import { graphql } from '../../../gql';
import type { FlagFieldsFragment } from '../../../gql/graphql';

export type { FlagKind, FlagSeverity, FlagStatus } from '../../../gql/graphql';
/** evidence is JSON text: the data points and thresholds the rule saw. */
export type Flag = FlagFieldsFragment;

graphql(`
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
`);

export const FLAGS_QUERY = graphql(`
  query Flags($status: FlagStatus) {
    flags(status: $status) {
      ...FlagFields
    }
  }
`);

export const ACKNOWLEDGE_FLAG_MUTATION = graphql(`
  mutation AcknowledgeFlag($id: ID!, $note: String!) {
    acknowledgeFlag(id: $id, note: $note) {
      ...FlagFields
    }
  }
`);

export const RESOLVE_FLAG_MUTATION = graphql(`
  mutation ResolveFlag($id: ID!, $note: String!) {
    resolveFlag(id: $id, note: $note) {
      ...FlagFields
    }
  }
`);
