import { graphql } from '../../../gql';

export const RATING_LINK_QUERY = graphql(`
  query RatingLink($token: String!) {
    ratingLink(token: $token) {
      therapistFirstName
      sessionDate
      expiresAt
    }
  }
`);

export const SUBMIT_ALLIANCE_RATING_MUTATION = graphql(`
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
`);
