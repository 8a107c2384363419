import { graphql } from '../../../gql';
import type { CaseloadQuery } from '../../../gql/graphql';

export type CaseloadRow = CaseloadQuery['caseload'][number];

export const CASELOAD_QUERY = graphql(`
  query Caseload($therapistId: ID) {
    caseload(therapistId: $therapistId) {
      clientId
      code
      displayName
      status
      phq9 {
        ...ScoreSummaryFields
      }
      gad7 {
        ...ScoreSummaryFields
      }
      trajectorySignal
      alliance {
        latest
        latestAt
        previousMean
        trend
      }
      homeworkAdherence28
      mood {
        mean7
        mean28
        slope28
        rmssd28
        adherence28
        points {
          date
          rating
        }
      }
      openFlags {
        ...FlagFields
      }
      dataProblem
      priority
      lastActivityAt
    }
  }
`);
