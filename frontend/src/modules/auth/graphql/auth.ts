import { graphql } from '../../../gql';
import type { MeFieldsFragment } from '../../../gql/graphql';

export type Me = MeFieldsFragment;

graphql(`
  fragment MeFields on Me {
    id
    email
    displayName
    role
    practiceId
    practiceName
    clientId
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);

export const LOGIN_MUTATION = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...MeFields
    }
  }
`);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);
