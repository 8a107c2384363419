import { graphql } from '../../../gql';

export const NEW_CLIENT_OPTIONS_QUERY = graphql(`
  query NewClientOptions {
    timeZones
    practiceSettings {
      defaultTimeZone
    }
  }
`);

export const THERAPIST_CHOICES_QUERY = graphql(`
  query TherapistChoices {
    therapists {
      id
      displayName
    }
  }
`);

export const CREATE_CLIENT_MUTATION = graphql(`
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
      code
    }
  }
`);

export const UPDATE_CLIENT_MUTATION = graphql(`
  mutation UpdateClient($input: UpdateClientInput!) {
    updateClient(input: $input) {
      id
      displayName
      timezone
      status
    }
  }
`);

export const START_EPISODE_MUTATION = graphql(`
  mutation StartEpisode($input: StartEpisodeInput!) {
    startEpisode(input: $input) {
      id
      startedOn
    }
  }
`);

export const END_EPISODE_MUTATION = graphql(`
  mutation EndEpisode($input: EndEpisodeInput!) {
    endEpisode(input: $input) {
      id
      endedOn
    }
  }
`);

graphql(`
  fragment PortalAccessFields on PortalAccess {
    clientId
    status
    contactEmail
    invitationExpiresAt
  }
`);

export const PORTAL_ACCESS_QUERY = graphql(`
  query PortalAccess($clientId: ID!) {
    portalAccess(clientId: $clientId) {
      ...PortalAccessFields
    }
  }
`);

export const SET_CLIENT_CONTACT_MUTATION = graphql(`
  mutation SetClientContact($input: SetClientContactInput!) {
    setClientContact(input: $input) {
      ...PortalAccessFields
    }
  }
`);

export const INVITE_CLIENT_MUTATION = graphql(`
  mutation InviteClient($input: InviteClientInput!) {
    inviteClient(input: $input) {
      ...PortalAccessFields
    }
  }
`);

export const REVOKE_PORTAL_ACCESS_MUTATION = graphql(`
  mutation RevokePortalAccess($clientId: ID!) {
    revokePortalAccess(clientId: $clientId) {
      ...PortalAccessFields
    }
  }
`);

export const TRANSFER_CLIENT_MUTATION = graphql(`
  mutation TransferClient($input: TransferClientInput!) {
    transferClient(input: $input) {
      clientId
      therapistId
    }
  }
`);
