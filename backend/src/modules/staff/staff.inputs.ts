import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../../common/roles.js';
import { Id, IsOptional, OneOf, Text } from '../../common/validation.js';
import { EmailAddress } from '../account/account.inputs.js';

export const STAFF_ROLES = [Role.THERAPIST, Role.MANAGER] as const;

@InputType()
export class InviteStaffInput {
  @Field()
  @EmailAddress()
  email!: string;

  @Field({ description: 'How colleagues and clients see them, e.g. "Dr Ana Silva".' })
  @Text(120, 1)
  displayName!: string;

  @Field(() => Role, { description: `${STAFF_ROLES.join(' or ')}: staff are invited here, clients from their page.` })
  @OneOf(STAFF_ROLES)
  role!: Role;
}

@InputType()
export class DeactivateUserInput {
  @Field(() => ID)
  @Id()
  userId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Required when a therapist still has clients: they all move to this therapist in the same step.',
  })
  @IsOptional()
  @Id()
  transferToTherapistId?: string | null;
}

@InputType()
export class TransferClientInput {
  @Field(() => ID)
  @Id()
  clientId!: string;

  @Field(() => ID, { description: 'An active therapist of the practice.' })
  @Id()
  therapistId!: string;
}
