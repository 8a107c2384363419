import { Args, Context, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { once } from '../../common/idempotency.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { Id, IdempotencyKey, IntRange, Text } from '../../common/validation.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { SummaryService } from '../summary/summary.service.js';
import { Goal, GoalRating } from './goal.types.js';

@InputType()
export class SetGoalInput {
  @Field(() => ID) @Id() clientId!: string;
  @Field() @Text(300, 1) title!: string;
}

@InputType()
export class RateGoalInput {
  @Field(() => ID) @Id() goalId!: string;
  @Field(() => Int, { description: '0 (no progress) to 10 (fully achieved).' }) @IntRange(0, 10) rating!: number;
  @Field() @IdempotencyKey() idempotencyKey!: string;
}

@Resolver(() => Goal)
export class GoalResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly summary: SummaryService,
  ) {}

  @Roles(Role.THERAPIST)
  @Mutation(() => Goal)
  async setGoal(@Context() ctx: RequestContext, @Args('input') input: SetGoalInput): Promise<Goal> {
    const client = await this.access.client(ctx, input.clientId, 'write', 'setGoal');
    const user = await this.access.signedIn(ctx);
    const [goal] = await ctx.db.query<Omit<Goal, 'ratings'>>(
      `INSERT INTO goal (practice_id, client_id, episode_id, title, created_by)
       VALUES (cairn_current_practice(), $1, (SELECT id FROM episode WHERE client_id = $1 AND ended_on IS NULL), $2, $3)
       RETURNING id, client_id AS "clientId", title, status`,
      [client.id, input.title, user.id],
    );
    return { ...goal, ratings: [] };
  }

  @Roles(Role.CLIENT)
  @Mutation(() => GoalRating)
  async rateGoal(@Context() ctx: RequestContext, @Args('input') input: RateGoalInput): Promise<GoalRating> {
    const client = await this.access.recordOf(ctx, 'goal', input.goalId, 'write', 'rateGoal', 'Goal');
    const user = await this.access.signedIn(ctx);
    return once(ctx, `user:${user.id}`, input, 'rateGoal', async () => {
      const [rating] = await ctx.db.query<GoalRating>(
        `INSERT INTO goal_rating (practice_id, client_id, goal_id, rating) VALUES (cairn_current_practice(), $1, $2, $3)
         RETURNING id, goal_id AS "goalId", rating, rated_at AS "ratedAt"`,
        [client.id, input.goalId, input.rating],
      );
      await this.summary.activity(ctx, client.id);
      return rating;
    });
  }
}
