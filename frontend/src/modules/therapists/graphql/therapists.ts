import { gql } from '@apollo/client';

/** A therapist of the practice, for managers choosing whose caseload or report to open. */
export interface Therapist {
  __typename?: 'Therapist';
  id: string;
  displayName: string;
  /** Clients not discharged. */
  activeClients: number;
  /** Of those, clients with an unresolved flag. */
  flaggedClients: number;
}

export interface TherapistsQueryResult {
  therapists: Therapist[];
}
export type TherapistsQueryVariables = Record<string, never>;

export const THERAPISTS_QUERY = gql`
  query Therapists {
    therapists {
      id
      displayName
      activeClients
      flaggedClients
    }
  }
`;
