import { Context, Query, Resolver } from '@nestjs/graphql';
import { addDays } from '@cairn/shared';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { summarizeScores, toScorePoints } from '../caseload/analytics.js';
import { ClientAccessService } from '../client/client-access.service.js';
import type { Goal, GoalRating } from '../goal/goal.types.js';
import { ASSIGNMENT_COLUMNS, REPORT_COLUMNS } from '../homework/homework.resolver.js';
import type { HomeworkAssignment, HomeworkReport } from '../homework/homework.types.js';
import { bandOf } from '../measure/measure.service.js';
import { MEASURE_COLUMNS } from '../measure/measure.sql.js';
import type { MeasureResponse } from '../measure/measure.types.js';
import type { MoodEntry } from '../mood/mood.types.js';
import { Portal } from './portal.types.js';

const QUESTIONNAIRE_EVERY_DAYS = 7;

@Resolver(() => Portal)
export class PortalResolver {
  constructor(private readonly access: ClientAccessService) {}

  @Roles(Role.CLIENT)
  @Query(() => Portal)
  async portal(@Context() ctx: RequestContext): Promise<Portal> {
    const client = await this.access.ownClient(ctx, 'portal');
    const today = localDateIn(client.timezone);
    const [{ share }] = await ctx.db.query<{ share: boolean }>(
      `SELECT share_alliance_with_client AS share FROM client WHERE id = $1`,
      [client.id],
    );
    const responses = await ctx.db.query<Omit<MeasureResponse, 'band'>>(
      `SELECT ${MEASURE_COLUMNS} FROM measure_response m
         LEFT JOIN therapy_session s ON s.practice_id = m.practice_id AND s.id = m.session_id
        WHERE m.client_id = $1 AND m.episode_id = (SELECT id FROM episode WHERE client_id = $1 AND ended_on IS NULL)
        ORDER BY m.submitted_at`,
      [client.id],
    );
    const moods = await ctx.db.query<MoodEntry>(
      `SELECT id, local_date AS "localDate", rating, note, help_now AS "helpNow" FROM mood_entry
        WHERE client_id = $1 AND local_date > $2::date - 28 ORDER BY local_date`,
      [client.id, today],
    );
    const assignments = await ctx.db.query<Omit<HomeworkAssignment, 'reports'>>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM homework_assignment WHERE client_id = $1 AND COALESCE(due_on, $2::date) >= $2::date
        ORDER BY assigned_on`,
      [client.id, today],
    );
    const reports = await ctx.db.query<HomeworkReport>(
      `SELECT ${REPORT_COLUMNS} FROM homework_report WHERE client_id = $1 AND local_date > $2::date - 7 ORDER BY local_date`,
      [client.id, today],
    );
    const goals = await ctx.db.query<Omit<Goal, 'ratings'>>(
      `SELECT id, client_id AS "clientId", title, status FROM goal WHERE client_id = $1 AND status = 'ACTIVE' ORDER BY created_at`,
      [client.id],
    );
    const ratings = await ctx.db.query<GoalRating>(
      `SELECT id, goal_id AS "goalId", rating, rated_at AS "ratedAt" FROM goal_rating WHERE client_id = $1 ORDER BY rated_at`,
      [client.id],
    );
    const withBand = responses.map((r) => ({ ...r, band: bandOf(r.instrumentCode, r.total) }));
    const points = (code: string) =>
      toScorePoints(
        withBand
          .filter((r) => r.instrumentCode === code)
          .map((r) => ({ at: r.submittedAt, total: r.total, sessionNumber: r.sessionNumber })),
      );
    const since = new Date(Date.now() - QUESTIONNAIRE_EVERY_DAYS * 86_400_000);
    const pending = ['PHQ9', 'GAD7'].filter(
      (code) => !withBand.some((r) => r.instrumentCode === code && r.submittedAt >= since),
    );
    return {
      clientId: client.id,
      code: client.code,
      timezone: client.timezone,
      today,
      todayMood: moods.find((m) => m.localDate === today) ?? null,
      pendingQuestionnaires: pending,
      homework: assignments.map((a) => ({ ...a, reports: reports.filter((r) => r.assignmentId === a.id) })),
      goals: goals.map((g) => ({ ...g, ratings: ratings.filter((r) => r.goalId === g.id) })),
      phq9: summarizeScores('PHQ9', points('PHQ9')),
      gad7: summarizeScores('GAD7', points('GAD7')),
      alliance: share ? withBand.filter((r) => r.instrumentCode === 'ALLIANCE4') : null,
      moods: moods.filter((m) => m.localDate > addDays(today, -28)),
    };
  }
}
