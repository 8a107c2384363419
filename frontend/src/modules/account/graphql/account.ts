import { graphql } from '../../../gql';

export const ACCEPT_INVITATION_MUTATION = graphql(`
  mutation AcceptInvitation($input: ChoosePasswordInput!) {
    acceptInvitation(input: $input) {
      ...MeFields
    }
  }
`);

export const REQUEST_PASSWORD_RESET_MUTATION = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const RESET_PASSWORD_MUTATION = graphql(`
  mutation ResetPassword($input: ChoosePasswordInput!) {
    resetPassword(input: $input) {
      ...MeFields
    }
  }
`);
