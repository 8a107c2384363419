import { Args, Context, Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { once } from '../../common/idempotency.js';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { Flag, IdempotencyKey, IntRange, IsOptional, Text } from '../../common/validation.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { FlagEngine } from '../flag/flag-engine.service.js';
import { FlagKind } from '../flag/flag.types.js';
import { crisisFor } from '../measure/crisis.js';
import { SummaryService } from '../summary/summary.service.js';
import { MoodEntry, MoodSubmission } from './mood.types.js';

@InputType()
export class LogMoodInput {
  @Field(() => Int, { description: '1 (very low) to 10 (very good).' })
  @IntRange(1, 10)
  rating!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(1000)
  note?: string | null;

  @Field(() => Boolean, { nullable: true, description: '"I need help now".' })
  @IsOptional()
  @Flag()
  helpNow?: boolean | null;

  @Field()
  @IdempotencyKey()
  idempotencyKey!: string;
}

@Resolver(() => MoodEntry)
export class MoodResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly summary: SummaryService,
    private readonly engine: FlagEngine,
  ) {}

  @Roles(Role.CLIENT)
  @Mutation(() => MoodSubmission, {
    description: "Today's mood, in the client's own time zone; a second entry the same day replaces the first.",
  })
  async logMood(@Context() ctx: RequestContext, @Args('input') input: LogMoodInput): Promise<MoodSubmission> {
    const client = await this.access.ownClient(ctx, 'logMood');
    const user = await this.access.signedIn(ctx);
    return once(ctx, `user:${user.id}`, input, 'logMood', async () => {
      const localDate = localDateIn(client.timezone);
      const [row] = await ctx.db.query<MoodEntry & { inserted: boolean }>(
        `INSERT INTO mood_entry (practice_id, client_id, local_date, rating, note, help_now)
         VALUES (cairn_current_practice(), $1, $2, $3, $4, $5)
         ON CONFLICT (practice_id, client_id, local_date)
           DO UPDATE SET rating = EXCLUDED.rating, note = EXCLUDED.note, help_now = EXCLUDED.help_now, updated_at = now()
         RETURNING id, local_date AS "localDate", rating, note, help_now AS "helpNow", (xmax = 0) AS inserted`,
        [client.id, localDate, input.rating, input.note ?? null, input.helpNow ?? false],
      );
      const { inserted, ...entry } = row;
      await this.summary.moodLogged(ctx, client.id, localDate, inserted);
      const helpNow = input.helpNow
        ? [{ source: 'MOOD_NOTE' as const, id: entry.id, at: new Date().toISOString() }]
        : [];
      const raised = await this.engine.afterMood(ctx, client, helpNow);
      const risky = Boolean(input.helpNow) || raised.includes(FlagKind.RISK);
      return { entry, replacedPrevious: !inserted, crisis: risky ? crisisFor(client.country) : null };
    });
  }
}
