import { graphql } from '../../../gql';

graphql(`
  fragment StaffMemberFields on StaffMember {
    id
    email
    displayName
    role
    status
    invitationExpiresAt
    activeClients
  }
`);

export const STAFF_QUERY = graphql(`
  query Staff {
    staff {
      ...StaffMemberFields
    }
  }
`);

export const INVITE_STAFF_MUTATION = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      ...StaffMemberFields
    }
  }
`);

export const RESEND_INVITATION_MUTATION = graphql(`
  mutation ResendInvitation($userId: ID!) {
    resendInvitation(userId: $userId) {
      ...StaffMemberFields
    }
  }
`);

export const REVOKE_INVITATION_MUTATION = graphql(`
  mutation RevokeInvitation($userId: ID!) {
    revokeInvitation(userId: $userId) {
      ...StaffMemberFields
    }
  }
`);

export const DEACTIVATE_USER_MUTATION = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      ...StaffMemberFields
    }
  }
`);

export const OUTBOX_FAILURES_QUERY = graphql(`
  query OutboxFailures {
    outboxFailures(take: 50) {
      id
      kind
      recipientHint
      reason
      attempts
      createdAt
      failedAt
    }
  }
`);
