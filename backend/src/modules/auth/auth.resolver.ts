import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import { Public } from '../../common/roles.js';
import { AuthService } from './auth.service.js';
import { Me } from './auth.types.js';

@Resolver(() => Me)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Query(() => Me, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  async me(@Context() ctx: RequestContext): Promise<Me | null> {
    const user = await ctx.user();
    return user ? this.auth.describe(ctx, user) : null;
  }

  @Public()
  @Mutation(() => Me)
  async login(
    @Context() ctx: RequestContext,
    @Args('email') email: string,
    @Args('password') password: string,
  ): Promise<Me> {
    if (email.length === 0 || email.length > 254) throw badInput('email', 'email must be 1 to 254 characters');
    if (password.length === 0 || password.length > 1024)
      throw badInput('password', 'password must be 1 to 1024 characters');
    const user = await this.auth.login(ctx, email, password);
    return this.auth.describe(ctx, user);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session; true if one was open.' })
  logout(@Context() ctx: RequestContext): Promise<boolean> {
    return this.auth.logout(ctx);
  }
}
