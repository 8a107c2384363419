import { gql } from '@apollo/client';
import { CRISIS_FIELDS } from '../../common/graphql/fragments';
import type { CrisisResources } from '../../common/graphql/types';

export interface RatingLinkInfo {
  __typename?: 'RatingLinkInfo';
  therapistFirstName: string;
  /** The session's date in the client's zone, 'YYYY-MM-DD'. */
  sessionDate: string;
  expiresAt: string;
}

export interface RatingLinkQueryResult {
  ratingLink: RatingLinkInfo;
}
export interface RatingLinkQueryVariables {
  token: string;
}

export const RATING_LINK_QUERY = gql`
  query RatingLink($token: String!) {
    ratingLink(token: $token) {
      therapistFirstName
      sessionDate
      expiresAt
    }
  }
`;

export interface SubmitAllianceRatingVariables {
  input: {
    token?: string | null;
    sessionId?: string | null;
    answers: number[];
    comment?: string | null;
    helpNow?: boolean | null;
    idempotencyKey: string;
  };
}
export interface SubmitAllianceRatingResult {
  submitAllianceRating: {
    __typename?: 'AllianceSubmission';
    response: { __typename?: 'MeasureResponse'; id: string; total: number; submittedAt: string } | null;
    notRecordedReason: string | null;
    crisis: CrisisResources | null;
  };
}

export const SUBMIT_ALLIANCE_RATING_MUTATION = gql`
  mutation SubmitAllianceRating($input: SubmitAllianceRatingInput!) {
    submitAllianceRating(input: $input) {
      response {
        id
        total
        submittedAt
      }
      notRecordedReason
      crisis {
        ...CrisisFields
      }
    }
  }
  ${CRISIS_FIELDS}
`;
