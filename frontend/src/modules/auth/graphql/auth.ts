import { gql } from '@apollo/client';
import type { Role } from '../../common/graphql/types';

export interface Me {
  __typename?: 'Me';
  id: string;
  email: string;
  displayName: string;
  role: Role;
  practiceId: string;
  practiceName: string;
  clientId: string | null;
}

const ME_FIELDS = gql`
  fragment MeFields on Me {
    id
    email
    displayName
    role
    practiceId
    practiceName
    clientId
  }
`;

export interface MeQueryResult {
  me: Me | null;
}
export type MeQueryVariables = Record<string, never>;

export const ME_QUERY = gql`
  query Me {
    me {
      ...MeFields
    }
  }
  ${ME_FIELDS}
`;

export interface LoginMutationResult {
  login: Me;
}
export interface LoginMutationVariables {
  email: string;
  password: string;
}

export const LOGIN_MUTATION = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...MeFields
    }
  }
  ${ME_FIELDS}
`;

export interface LogoutMutationResult {
  logout: boolean;
}
export type LogoutMutationVariables = Record<string, never>;

export const LOGOUT_MUTATION = gql`
  mutation Logout {
    logout
  }
`;
