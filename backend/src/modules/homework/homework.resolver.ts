import { Args, Context, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { badInput } from '../../common/errors.js';
import { once } from '../../common/idempotency.js';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { Id, IdempotencyKey, IntRange, IsOptional, LocalDateString, OneOf, Text } from '../../common/validation.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { FlagEngine } from '../flag/flag-engine.service.js';
import { SummaryService } from '../summary/summary.service.js';
import { HomeworkAssignment, HomeworkFrequency, HomeworkReport, HomeworkStatus } from './homework.types.js';

@InputType()
export class AssignHomeworkInput {
  @Field(() => ID) @Id() clientId!: string;
  @Field() @Text(200, 1) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(4000) instructions?: string | null;
  @Field(() => HomeworkFrequency) @OneOf(Object.values(HomeworkFrequency)) frequency!: HomeworkFrequency;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or later.' })
  @IsOptional()
  @LocalDateString()
  dueOn?: string | null;
}

@InputType()
export class ReportHomeworkInput {
  @Field(() => ID) @Id() assignmentId!: string;
  @Field(() => HomeworkStatus) @OneOf(Object.values(HomeworkStatus)) status!: HomeworkStatus;
  @Field(() => Int, { nullable: true, description: '0-10.' }) @IsOptional() @IntRange(0, 10) effort?: number | null;
  @Field(() => Int, { nullable: true, description: '0-10.' }) @IsOptional() @IntRange(0, 10) helpfulness?:
    number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Text(1000) note?: string | null;
  @Field() @IdempotencyKey() idempotencyKey!: string;
}

export const ASSIGNMENT_COLUMNS = `id, client_id AS "clientId", title, instructions, frequency, assigned_on AS "assignedOn", due_on AS "dueOn"`;
export const REPORT_COLUMNS = `id, assignment_id AS "assignmentId", local_date AS "localDate", status, effort, helpfulness, note`;

@Resolver(() => HomeworkAssignment)
export class HomeworkResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly summary: SummaryService,
    private readonly engine: FlagEngine,
  ) {}

  @Roles(Role.THERAPIST)
  @Mutation(() => HomeworkAssignment)
  async assignHomework(
    @Context() ctx: RequestContext,
    @Args('input') input: AssignHomeworkInput,
  ): Promise<HomeworkAssignment> {
    const client = await this.access.client(ctx, input.clientId, 'write', 'assignHomework');
    const today = localDateIn(client.timezone);
    if (input.dueOn && input.dueOn < today) throw badInput('dueOn', `dueOn must be today (${today}) or later`);
    const user = await this.access.signedIn(ctx);
    const [row] = await ctx.db.query<Omit<HomeworkAssignment, 'reports'>>(
      `INSERT INTO homework_assignment (practice_id, client_id, episode_id, title, instructions, frequency, assigned_on, due_on, created_by)
       VALUES (cairn_current_practice(), $1, (SELECT id FROM episode WHERE client_id = $1 AND ended_on IS NULL), $2, $3, $4, $5, $6, $7)
       RETURNING ${ASSIGNMENT_COLUMNS}`,
      [client.id, input.title, input.instructions ?? null, input.frequency, today, input.dueOn ?? null, user.id],
    );
    return { ...row, reports: [] };
  }

  @Roles(Role.CLIENT)
  @Mutation(() => HomeworkReport, {
    description: "Done, partly done or not done, for today in the client's time zone.",
  })
  async reportHomework(
    @Context() ctx: RequestContext,
    @Args('input') input: ReportHomeworkInput,
  ): Promise<HomeworkReport> {
    const client = await this.access.recordOf(
      ctx,
      'homework_assignment',
      input.assignmentId,
      'write',
      'reportHomework',
      'Homework assignment',
    );
    const user = await this.access.signedIn(ctx);
    return once(ctx, `user:${user.id}`, input, 'reportHomework', async () => {
      const [report] = await ctx.db.query<HomeworkReport>(
        `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status, effort, helpfulness, note)
         VALUES (cairn_current_practice(), $1, $2, $3, $4, $5, $6, $7) RETURNING ${REPORT_COLUMNS}`,
        [
          client.id,
          input.assignmentId,
          localDateIn(client.timezone),
          input.status,
          input.effort ?? null,
          input.helpfulness ?? null,
          input.note ?? null,
        ],
      );
      await this.summary.homeworkReported(ctx, client.id);
      await this.engine.afterHomework(ctx, client);
      return report;
    });
  }
}
