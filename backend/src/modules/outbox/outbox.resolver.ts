import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { OutboxService } from './outbox.service.js';
import { OutboxFailure } from './outbox.types.js';

@Resolver(() => OutboxFailure)
export class OutboxResolver {
  constructor(private readonly outbox: OutboxService) {}

  @Roles(Role.MANAGER)
  @Query(() => [OutboxFailure], {
    description:
      'E-mails of the practice that could not be delivered after every retry, newest first, with the reason.',
  })
  outboxFailures(
    @Context() ctx: RequestContext,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<OutboxFailure[]> {
    return this.outbox.failures(ctx.db, Math.max(1, Math.min(take, 500)));
  }
}
