import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../common/roles.js';

export enum StaffStatus {
  ACTIVE = 'ACTIVE',
  /** Invited, no password chosen yet (see invitationExpiresAt). */
  INVITED = 'INVITED',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(StaffStatus, { name: 'StaffStatus' });

@ObjectType({ description: 'A therapist or manager of the practice, or someone invited to be one (managers only).' })
export class StaffMember {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => Role) role!: Role;
  @Field(() => StaffStatus) status!: StaffStatus;
  @Field(() => Date, { nullable: true, description: 'A waiting invitation stops working then (past: expired).' })
  invitationExpiresAt!: Date | null;
  @Field(() => Int, { description: 'Clients on their caseload, discharged ones excluded.' }) activeClients!: number;
}

@ObjectType()
export class ClientTransfer {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) fromTherapistId!: string;
  @Field(() => ID) therapistId!: string;
}
