import { gql } from '@apollo/client';
import { SCORE_SUMMARY_FIELDS } from '../../common/graphql/fragments';
import type { AllianceSummary, MoodSummary, ScoreSummary, TrajectorySignal } from '../../common/graphql/types';
import { FLAG_FIELDS, type Flag } from '../../flags/graphql/flags';

export interface CaseloadRow {
  __typename?: 'CaseloadRow';
  clientId: string;
  code: string;
  displayName: string | null;
  status: string;
  phq9: ScoreSummary;
  gad7: ScoreSummary;
  trajectorySignal: TrajectorySignal;
  alliance: AllianceSummary;
  homeworkAdherence28: number | null;
  mood: MoodSummary;
  openFlags: Flag[];
  /** 1 = most urgent. */
  priority: number;
  lastActivityAt: string | null;
}

export interface CaseloadQueryResult {
  caseload: CaseloadRow[];
}
export interface CaseloadQueryVariables {
  therapistId?: string | null;
}

export const CASELOAD_QUERY = gql`
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
      priority
      lastActivityAt
    }
  }
  ${SCORE_SUMMARY_FIELDS}
  ${FLAG_FIELDS}
`;
