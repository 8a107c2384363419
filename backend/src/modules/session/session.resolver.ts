import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../../config/app-config.js';
import { badInput, notFound } from '../../common/errors.js';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Public, Role, Roles } from '../../common/roles.js';
import { newToken } from '../auth/tokens.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { FlagEngine } from '../flag/flag-engine.service.js';
import { SummaryService } from '../summary/summary.service.js';
import { RatingLinkService } from './rating-link.service.js';
import { RecordAttendanceInput, ScheduleSessionInput } from './session.inputs.js';
import { RENUMBER_EPISODE_SQL, SESSION_COLUMNS } from './session.sql.js';
import { RatingLinkCreated, RatingLinkInfo, TherapySession } from './session.types.js';

const MAX_SCHEDULE_AHEAD_MS = 2 * 365 * 86_400_000;

@Resolver(() => TherapySession)
export class SessionResolver {
  constructor(
    private readonly config: AppConfig,
    private readonly access: ClientAccessService,
    private readonly summary: SummaryService,
    private readonly links: RatingLinkService,
    private readonly flags: FlagEngine,
  ) {}

  @Roles(Role.THERAPIST)
  @Mutation(() => TherapySession)
  async scheduleSession(
    @Context() ctx: RequestContext,
    @Args('input') input: ScheduleSessionInput,
  ): Promise<TherapySession> {
    const client = await this.access.client(ctx, input.clientId, 'write', 'scheduleSession');
    if (Math.abs(input.scheduledAt.getTime() - Date.now()) > MAX_SCHEDULE_AHEAD_MS) {
      throw badInput('scheduledAt', 'scheduledAt must be within two years of today');
    }
    // Locking the open episode numbers concurrent schedulings one after the other.
    const episode = await ctx.db.one<{ id: string }>(
      `SELECT id FROM episode WHERE client_id = $1 AND ended_on IS NULL FOR UPDATE`,
      [client.id],
    );
    if (!episode) throw badInput('clientId', 'this client has no open episode; start one first');
    const user = await this.access.signedIn(ctx);
    const [{ id }] = await ctx.db.query<{ id: string }>(
      `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, duration_minutes, number)
       VALUES (cairn_current_practice(), $1, $2, $3, $4, $5,
               (SELECT COALESCE(max(number), 0) + 1 FROM therapy_session WHERE episode_id = $2))
       RETURNING id`,
      [client.id, episode.id, user.id, input.scheduledAt, input.durationMinutes ?? 50],
    );
    // A session booked between two others takes its place in the order, and the later ones move up.
    await ctx.db.query(RENUMBER_EPISODE_SQL, [episode.id]);
    const session = await ctx.db.one<TherapySession>(
      `SELECT ${SESSION_COLUMNS} FROM therapy_session s WHERE s.id = $1`,
      [id],
    );
    if (!session) throw new Error('session vanished inside its own transaction');
    return { ...session, alliance: null };
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => TherapySession)
  async recordAttendance(
    @Context() ctx: RequestContext,
    @Args('input') input: RecordAttendanceInput,
  ): Promise<TherapySession> {
    const client = await this.access.recordOf(
      ctx,
      'therapy_session',
      input.sessionId,
      'write',
      'recordAttendance',
      'Session',
    );
    const before = await ctx.db.one<{ status: string }>(`SELECT status FROM therapy_session WHERE id = $1 FOR UPDATE`, [
      input.sessionId,
    ]);
    const [session] = await ctx.db.query<TherapySession>(
      `UPDATE therapy_session s SET status = $2, status_recorded_at = now() WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
      [input.sessionId, input.status],
    );
    await this.summary.attendanceChanged(ctx, client.id, before?.status ?? 'SCHEDULED', input.status);
    await this.flags.afterAttendance(ctx, client);
    return { ...session, alliance: null };
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => RatingLinkCreated, { description: 'A one-time link for the client to rate this session.' })
  async createRatingLink(
    @Context() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ): Promise<RatingLinkCreated> {
    const client = await this.access.recordOf(
      ctx,
      'therapy_session',
      sessionId,
      'write',
      'createRatingLink',
      'Session',
    );
    await this.links.assertRateable(ctx, sessionId, 'new', 'sessionId');
    const token = newToken(16);
    const user = await this.access.signedIn(ctx);
    const expiresAt = await this.links.create(ctx, { clientId: client.id, sessionId, token, createdBy: user.id });
    return { url: `${this.config.baseUrl}/rate/${token}`, expiresAt };
  }

  @Public()
  @Query(() => RatingLinkInfo, { description: 'What the rating form for a link shows.' })
  async ratingLink(@Context() ctx: RequestContext, @Args('token') token: string): Promise<RatingLinkInfo> {
    const link = await this.links.redeemable(ctx, token);
    // The form says at once when its session was cancelled or missed since the link was made.
    await this.links.assertRateable(ctx, link.sessionId, 'link', 'token');
    const row = await ctx.db.one<{ name: string; scheduledAt: Date; timezone: string }>(
      `SELECT u.display_name AS name, s.scheduled_at AS "scheduledAt", c.timezone
         FROM therapy_session s JOIN app_user u ON u.practice_id = s.practice_id AND u.id = s.therapist_id
         JOIN client c ON c.practice_id = s.practice_id AND c.id = s.client_id WHERE s.id = $1`,
      [link.sessionId],
    );
    if (!row) throw notFound('Rating link');
    return {
      therapistFirstName: firstName(row.name),
      sessionDate: localDateIn(row.timezone, row.scheduledAt),
      expiresAt: link.expiresAt,
    };
  }
}

/** "Dr Maya Patel" -> "Maya": the form greets, it does not identify. */
export function firstName(displayName: string): string {
  const words = displayName.split(/\s+/).filter((w) => !/^(dr|mr|mrs|ms|mx|prof)\.?$/i.test(w));
  return words[0] ?? displayName;
}
