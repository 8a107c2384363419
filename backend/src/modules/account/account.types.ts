import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PortalAccessStatus {
  /** No sign-in yet (never invited, or the invitation ran out). */
  NONE = 'NONE',
  /** An invitation link is waiting to be used. */
  INVITED = 'INVITED',
  /** The client has a password and can sign in. */
  ACTIVE = 'ACTIVE',
  /** Portal access was revoked; a new invitation restores it. */
  REVOKED = 'REVOKED',
}
registerEnumType(PortalAccessStatus, { name: 'PortalAccessStatus' });

@ObjectType({
  description:
    "A client's portal sign-in and contact e-mail (identifiable: their therapist and managers only; reads audited).",
})
export class PortalAccess {
  @Field(() => ID) clientId!: string;
  @Field(() => PortalAccessStatus) status!: PortalAccessStatus;
  @Field(() => String, { nullable: true, description: 'Contact e-mail; also where invitations go.' })
  contactEmail!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the waiting invitation link stops working.' })
  invitationExpiresAt!: Date | null;
}
