import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { TimelineService } from './timeline.service.js';
import { ClientTimeline } from './timeline.types.js';

@Resolver(() => ClientTimeline)
export class TimelineResolver {
  constructor(private readonly timelines: TimelineService) {}

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Query(() => ClientTimeline, { description: "One client's full timeline (audited)." })
  client(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ClientTimeline> {
    return this.timelines.timeline(ctx, id);
  }
}
