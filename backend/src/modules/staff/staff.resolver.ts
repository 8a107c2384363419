import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { DeactivateUserInput, InviteStaffInput, TransferClientInput } from './staff.inputs.js';
import { StaffService } from './staff.service.js';
import { ClientTransfer, StaffMember } from './staff.types.js';

@Resolver(() => StaffMember)
export class StaffResolver {
  constructor(private readonly staffService: StaffService) {}

  @Roles(Role.MANAGER)
  @Query(() => [StaffMember], {
    description: 'Therapists and managers, with waiting invitations and deactivated people.',
  })
  staff(@Context() ctx: RequestContext): Promise<StaffMember[]> {
    return this.staffService.staff(ctx);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => StaffMember, {
    description: 'Invites a therapist or manager by e-mail (a one-time link, valid 7 days).',
  })
  inviteStaff(@Context() ctx: RequestContext, @Args('input') input: InviteStaffInput): Promise<StaffMember> {
    return this.staffService.inviteStaff(ctx, input);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => StaffMember, { description: 'Sends a waiting invitation again with a new link.' })
  resendInvitation(
    @Context() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<StaffMember> {
    return this.staffService.resendInvitation(ctx, userId);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => StaffMember, { description: 'Withdraws a waiting invitation; its link stops working.' })
  revokeInvitation(
    @Context() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<StaffMember> {
    return this.staffService.revokeInvitation(ctx, userId);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => StaffMember, {
    description:
      "Deactivates a therapist or manager at once (sessions end); a therapist's clients move in the same step.",
  })
  deactivateUser(@Context() ctx: RequestContext, @Args('input') input: DeactivateUserInput): Promise<StaffMember> {
    return this.staffService.deactivateUser(ctx, input);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => ClientTransfer, { description: 'Moves a client, with their whole record, to another therapist.' })
  transferClient(@Context() ctx: RequestContext, @Args('input') input: TransferClientInput): Promise<ClientTransfer> {
    return this.staffService.transferClient(ctx, input);
  }
}
