import { graphql } from '../../../gql';
import type { TherapistsQuery } from '../../../gql/graphql';

/** A therapist of the practice, for managers choosing whose caseload or report to open. */
export type Therapist = TherapistsQuery['therapists'][number];

export const THERAPISTS_QUERY = graphql(`
  query Therapists {
    therapists {
      id
      displayName
      activeClients
      flaggedClients
    }
  }
`);
