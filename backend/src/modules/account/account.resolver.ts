import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import { Public, Role, Roles } from '../../common/roles.js';
import { Me } from '../auth/auth.types.js';
import { ChoosePasswordInput, InviteClientInput, SetClientContactInput } from './account.inputs.js';
import { AccountService } from './account.service.js';
import { PortalAccess } from './account.types.js';

@Resolver()
export class AccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Public()
  @Mutation(() => Me, {
    description: 'Uses a one-time invitation link: sets the password and signs in. Any unusable link is NOT_FOUND.',
  })
  acceptInvitation(@Context() ctx: RequestContext, @Args('input') input: ChoosePasswordInput): Promise<Me> {
    return this.accounts.acceptInvitation(ctx, input);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'E-mails a reset link (valid one hour) if the address has an account; always answers true.',
  })
  requestPasswordReset(@Context() ctx: RequestContext, @Args('email') email: string): Promise<boolean> {
    if (email.length === 0 || email.length > 254) throw badInput('email', 'email must be 1 to 254 characters');
    return this.accounts.requestPasswordReset(ctx, email);
  }

  @Public()
  @Mutation(() => Me, {
    description: 'Uses a one-time reset link: sets the new password, ends every other session, signs in.',
  })
  resetPassword(@Context() ctx: RequestContext, @Args('input') input: ChoosePasswordInput): Promise<Me> {
    return this.accounts.resetPassword(ctx, input);
  }

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Query(() => PortalAccess, { description: "A client's portal sign-in and contact e-mail (audited)." })
  portalAccess(
    @Context() ctx: RequestContext,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<PortalAccess> {
    return this.accounts.portalAccess(ctx, clientId);
  }

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Mutation(() => PortalAccess, { description: "Saves or removes a client's contact e-mail." })
  setClientContact(@Context() ctx: RequestContext, @Args('input') input: SetClientContactInput): Promise<PortalAccess> {
    return this.accounts.setClientContact(ctx, input);
  }

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Mutation(() => PortalAccess, { description: 'Invites (or re-invites) a client to the portal by e-mail.' })
  inviteClient(@Context() ctx: RequestContext, @Args('input') input: InviteClientInput): Promise<PortalAccess> {
    return this.accounts.inviteClient(ctx, input);
  }

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Mutation(() => PortalAccess, { description: "Ends a client's portal access and their sessions at once." })
  revokePortalAccess(
    @Context() ctx: RequestContext,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<PortalAccess> {
    return this.accounts.revokePortalAccess(ctx, clientId);
  }
}
