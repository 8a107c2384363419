import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../../common/errors.js';
import type { RequestContext, SignedInUser } from '../../common/request-context.js';
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
    return user ? this.describe(ctx, user) : null;
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
    return this.describe(ctx, user);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session; true if one was open.' })
  logout(@Context() ctx: RequestContext): Promise<boolean> {
    return this.auth.logout(ctx);
  }

  private async describe(ctx: RequestContext, user: SignedInUser): Promise<Me> {
    const row = await ctx.db.one<{ name: string; client_id: string | null }>(
      `SELECT p.name, (SELECT c.id FROM client c WHERE c.practice_id = p.id AND c.user_id = $2) AS client_id
         FROM practice p WHERE p.id = $1`,
      [user.practiceId, user.id],
    );
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      practiceId: user.practiceId,
      practiceName: row?.name ?? '',
      clientId: row?.client_id ?? null,
    };
  }
}
