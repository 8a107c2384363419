import { Injectable } from '@nestjs/common';
import { addDays, priorityRank, toDayNumber, fromDayNumber, type HomeworkStatus } from '@cairn/shared';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { adherenceBetween, expectedBands, overallSignal, summarizeScores } from '../caseload/analytics.js';
import type { ScorePoint } from '../caseload/caseload.types.js';
import { ClientAccessService } from '../client/client-access.service.js';
import type { Episode } from '../client/client.types.js';
import { FLAG_COLUMNS, FLAG_FROM, toFlag, type FlagRow } from '../flag/flag.sql.js';
import type { Goal, GoalRating } from '../goal/goal.types.js';
import { ASSIGNMENT_COLUMNS, REPORT_COLUMNS } from '../homework/homework.resolver.js';
import type { HomeworkAssignment, HomeworkReport } from '../homework/homework.types.js';
import { bandOf } from '../measure/measure.service.js';
import { MEASURE_COLUMNS } from '../measure/measure.sql.js';
import type { MeasureResponse } from '../measure/measure.types.js';
import type { MoodEntry } from '../mood/mood.types.js';
import { SESSION_COLUMNS } from '../session/session.sql.js';
import type { TherapySession } from '../session/session.types.js';
import type { ClientTimeline, WeekAdherence } from './timeline.types.js';

const MIN_EXPECTED_SESSIONS = 12;

@Injectable()
export class TimelineService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  /** A fixed set of statements per client, whatever the length of the history. */
  async timeline(ctx: RequestContext, clientId: string): Promise<ClientTimeline> {
    const client = await this.access.client(ctx, clientId, 'read', 'client');
    const user = await this.access.signedIn(ctx);
    const [head] = await ctx.db.query<{
      displayName: string | null;
      therapistName: string;
      share: boolean;
      episodes: Episode[];
    }>(
      `SELECT c.display_name AS "displayName", u.display_name AS "therapistName", c.share_alliance_with_client AS share,
              (SELECT COALESCE(json_agg(json_build_object('id', e.id, 'clientId', e.client_id, 'startedOn', e.started_on,
                       'endedOn', e.ended_on, 'endReason', e.end_reason) ORDER BY e.started_on), '[]')
                 FROM episode e WHERE e.practice_id = c.practice_id AND e.client_id = c.id) AS episodes
         FROM client c JOIN app_user u ON u.practice_id = c.practice_id AND u.id = c.therapist_id WHERE c.id = $1`,
      [client.id],
    );
    const responses = await ctx.db.query<Omit<MeasureResponse, 'band'> & { episodeId: string | null }>(
      `SELECT ${MEASURE_COLUMNS}, m.episode_id AS "episodeId" FROM measure_response m
         LEFT JOIN therapy_session s ON s.practice_id = m.practice_id AND s.id = m.session_id
        WHERE m.client_id = $1 ORDER BY m.submitted_at`,
      [client.id],
    );
    const moods = await ctx.db.query<MoodEntry>(
      `SELECT id, local_date AS "localDate", rating, note, help_now AS "helpNow" FROM mood_entry WHERE client_id = $1 ORDER BY local_date`,
      [client.id],
    );
    const sessions = await ctx.db.query<TherapySession>(
      `SELECT ${SESSION_COLUMNS} FROM therapy_session s WHERE s.client_id = $1 ORDER BY s.scheduled_at`,
      [client.id],
    );
    const assignments = await ctx.db.query<Omit<HomeworkAssignment, 'reports'>>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM homework_assignment WHERE client_id = $1 ORDER BY assigned_on`,
      [client.id],
    );
    const reports = await ctx.db.query<HomeworkReport>(
      `SELECT ${REPORT_COLUMNS} FROM homework_report WHERE client_id = $1 ORDER BY local_date`,
      [client.id],
    );
    const goals = await ctx.db.query<Omit<Goal, 'ratings'>>(
      `SELECT id, client_id AS "clientId", title, status FROM goal WHERE client_id = $1 ORDER BY created_at`,
      [client.id],
    );
    const goalRatings = await ctx.db.query<GoalRating>(
      `SELECT id, goal_id AS "goalId", rating, rated_at AS "ratedAt" FROM goal_rating WHERE client_id = $1 ORDER BY rated_at`,
      [client.id],
    );
    const flags = await ctx.db.query<FlagRow>(`SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE f.client_id = $1`, [client.id]);
    await this.audit.allowed(ctx, user, { action: 'client', subjectType: 'client', subjectId: client.id });

    const episodes = head?.episodes ?? [];
    const current = [...episodes].reverse().find((e) => e.endedOn === null) ?? episodes.at(-1) ?? null;
    const withBand = responses.map((r) => ({ ...r, band: bandOf(r.instrumentCode, r.total) }));
    const scorePoints = (code: string): ScorePoint[] =>
      withBand
        .filter((r) => r.instrumentCode === code && current !== null && r.episodeId === current.id)
        .map((r, i) => ({ at: r.submittedAt, total: r.total, sessionNumber: r.sessionNumber ?? i + 1 }));
    const phq9 = summarizeScores('PHQ9', scorePoints('PHQ9'));
    const gad7 = summarizeScores('GAD7', scorePoints('GAD7'));
    const upTo = (points: ScorePoint[]) => Math.max(MIN_EXPECTED_SESSIONS, ...points.map((p) => p.sessionNumber ?? 0));
    const allianceBySession = new Map(withBand.filter((r) => r.instrumentCode === 'ALLIANCE4' && r.sessionId).map((r) => [r.sessionId, r]));
    const today = localDateIn(client.timezone);

    return {
      id: client.id,
      code: client.code,
      displayName: head?.displayName ?? null,
      timezone: client.timezone,
      status: client.status,
      therapistName: head?.therapistName ?? '',
      shareAllianceWithClient: head?.share ?? true,
      episode: current,
      episodes,
      phq9,
      gad7,
      expectedPhq9: expectedBands(phq9, upTo(phq9.points)),
      expectedGad7: expectedBands(gad7, upTo(gad7.points)),
      trajectorySignal: overallSignal([phq9, gad7]),
      measures: withBand.filter((r) => r.instrumentCode !== 'ALLIANCE4'),
      alliance: withBand.filter((r) => r.instrumentCode === 'ALLIANCE4'),
      moods,
      homework: assignments.map((a) => ({ ...a, reports: reports.filter((r) => r.assignmentId === a.id) })),
      weeklyHomeworkAdherence: weeklyAdherence(assignments, reports, today),
      goals: goals.map((g) => ({ ...g, ratings: goalRatings.filter((r) => r.goalId === g.id) })),
      sessions: sessions.map((s) => ({ ...s, alliance: allianceBySession.get(s.id) ?? null })),
      flags: flags.map(toFlag).sort(priorityRank),
    };
  }
}

/** Adherence per Monday-started week, from the first assignment to this week. */
export function weeklyAdherence(
  assignments: { frequency: 'ONCE' | 'DAILY' | 'WEEKLY'; assignedOn: string; dueOn: string | null }[],
  reports: { localDate: string; status: HomeworkStatus }[],
  today: string,
): WeekAdherence[] {
  if (assignments.length === 0) return [];
  const mondayOf = (d: string) => {
    const n = toDayNumber(d);
    return fromDayNumber(n - ((n + 3) % 7)); // 1970-01-01 was a Thursday
  };
  const first = mondayOf(assignments.map((a) => a.assignedOn).sort()[0]);
  const weeks: WeekAdherence[] = [];
  for (let start = first; start <= today; start = addDays(start, 7)) {
    const end = addDays(start, 6) < today ? addDays(start, 6) : today;
    weeks.push({ weekStart: start, adherence: adherenceBetween(assignments, reports, start, end) });
  }
  return weeks;
}
