import { Injectable } from '@nestjs/common';
import {
  answeredDueDay,
  expectedReports,
  fromDayNumber,
  homeworkAdherence,
  priorityRank,
  toDayNumber,
  type HomeworkSchedule,
  type HomeworkStatus,
  type TrajectoryModels,
} from '@cairn/shared';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { expectedBands, overallSignal, summarizeScores, toScorePoints } from '../caseload/analytics.js';
import type { ScorePoint } from '../caseload/caseload.types.js';
import { ClientAccessService } from '../client/client-access.service.js';
import type { Episode } from '../client/client.types.js';
import { toFlag, type FlagRow } from '../flag/flag.sql.js';
import { PRACTICE_TRAJECTORY_MODELS_SQL, practiceTrajectoryModels } from '../flag/practice-trajectories.js';
import type { Goal, GoalRating } from '../goal/goal.types.js';
import type { HomeworkAssignment, HomeworkReport } from '../homework/homework.types.js';
import { bandOf } from '../measure/measure.service.js';
import { CONTEXT_EPISODE } from '../measure/measure.sql.js';
import type { MeasureResponse } from '../measure/measure.types.js';
import type { MoodEntry } from '../mood/mood.types.js';
import type { TherapySession } from '../session/session.types.js';
import type { ClientTimeline, WeekAdherence } from './timeline.types.js';

const MIN_EXPECTED_SESSIONS = 12;

type Json<T, Dates extends keyof T> = Omit<T, Dates> & { [K in Dates]: T[K] extends Date ? string : string | null };

interface TimelineRow {
  displayName: string | null;
  therapistName: string;
  share: boolean;
  episodes: Episode[];
  responses: Json<Omit<MeasureResponse, 'band'>, 'submittedAt'>[];
  moods: MoodEntry[];
  sessions: Json<TherapySession, 'scheduledAt'>[];
  assignments: Omit<HomeworkAssignment, 'reports'>[];
  reports: HomeworkReport[];
  goals: Omit<Goal, 'ratings'>[];
  goalRatings: Json<GoalRating, 'ratedAt'>[];
  flags: Json<FlagRow, 'openedAt' | 'acknowledgedAt' | 'resolvedAt' | 'clearedAt'>[];
  trajectoryModels: Partial<TrajectoryModels> | null;
}

const agg = (select: string, from: string, order: string) =>
  `COALESCE((SELECT json_agg(${select} ORDER BY ${order}) FROM ${from}), '[]')`;

/** $1 client, $2 request id. The audit row names the transaction's own reader (cairn_audit). */
const TIMELINE_SQL = `
WITH audit AS MATERIALIZED (SELECT cairn_audit('client', 'ALLOWED', 'client', ARRAY[$1::uuid], $2) AS written)
SELECT c.display_name AS "displayName", u.display_name AS "therapistName", c.share_alliance_with_client AS share,
  ${PRACTICE_TRAJECTORY_MODELS_SQL} AS "trajectoryModels",
  ${agg(`json_build_object('id', e.id, 'clientId', e.client_id, 'startedOn', e.started_on, 'endedOn', e.ended_on, 'endReason', e.end_reason)`, 'episode e WHERE e.client_id = c.id', 'e.started_on')} AS episodes,
  ${agg(
    `json_build_object('id', m.id, 'instrumentCode', m.instrument_code, 'answers', m.answers, 'total', m.total,
      'submittedAt', m.submitted_at, 'sessionId', m.session_id, 'sessionNumber', s.number, 'comment', m.comment,
      'helpNow', m.help_now, 'episodeId', m.episode_id, 'contextEpisodeId', ${CONTEXT_EPISODE})`,
    'measure_response m LEFT JOIN therapy_session s ON s.practice_id = m.practice_id AND s.id = m.session_id WHERE m.client_id = c.id',
    'm.submitted_at',
  )} AS responses,
  ${agg(`json_build_object('id', x.id, 'localDate', x.local_date, 'rating', x.rating, 'note', x.note, 'helpNow', x.help_now)`, 'mood_entry x WHERE x.client_id = c.id', 'x.local_date')} AS moods,
  ${agg(
    `json_build_object('id', s.id, 'clientId', s.client_id, 'episodeId', s.episode_id, 'scheduledAt', s.scheduled_at,
      'durationMinutes', s.duration_minutes, 'number', s.number, 'status', s.status)`,
    'therapy_session s WHERE s.client_id = c.id',
    's.scheduled_at',
  )} AS sessions,
  ${agg(
    `json_build_object('id', a.id, 'clientId', a.client_id, 'title', a.title, 'instructions', a.instructions,
      'frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)`,
    'homework_assignment a WHERE a.client_id = c.id',
    'a.assigned_on',
  )} AS assignments,
  ${agg(
    `json_build_object('id', r.id, 'assignmentId', r.assignment_id, 'localDate', r.local_date, 'status', r.status,
      'effort', r.effort, 'helpfulness', r.helpfulness, 'note', r.note)`,
    'homework_report r WHERE r.client_id = c.id',
    'r.local_date',
  )} AS reports,
  ${agg(`json_build_object('id', g.id, 'clientId', g.client_id, 'title', g.title, 'status', g.status)`, 'goal g WHERE g.client_id = c.id', 'g.created_at')} AS goals,
  ${agg(`json_build_object('id', gr.id, 'goalId', gr.goal_id, 'rating', gr.rating, 'ratedAt', gr.rated_at)`, 'goal_rating gr WHERE gr.client_id = c.id', 'gr.rated_at')} AS "goalRatings",
  ${agg(
    `json_build_object('id', f.id, 'clientId', f.client_id, 'clientCode', c.code, 'kind', f.kind, 'severity', f.severity,
      'status', f.status, 'evidence', f.evidence, 'ruleVersion', f.rule_version, 'openedAt', f.opened_at,
      'acknowledgedAt', f.acknowledged_at, 'acknowledgedByName', ua.display_name, 'acknowledgeNote', f.acknowledge_note,
      'resolvedAt', f.resolved_at, 'resolvedByName', ur.display_name, 'resolveNote', f.resolve_note, 'repaired', f.repaired,
      'clearedAt', f.cleared_at, 'clearEvidence', f.clear_evidence, 'repairEvidence', f.repair_evidence)`,
    `flag f LEFT JOIN app_user ua ON ua.practice_id = f.practice_id AND ua.id = f.acknowledged_by
       LEFT JOIN app_user ur ON ur.practice_id = f.practice_id AND ur.id = f.resolved_by WHERE f.client_id = c.id`,
    'f.opened_at',
  )} AS flags
  FROM client c JOIN app_user u ON u.practice_id = c.practice_id AND u.id = c.therapist_id CROSS JOIN audit
 WHERE c.id = $1`;

@Injectable()
export class TimelineService {
  constructor(private readonly access: ClientAccessService) {}

  /**
   * One statement per client page, however long the history: every section is aggregated to JSON
   * in the database, and the audit row for the read is written by the same statement.
   */
  async timeline(ctx: RequestContext, clientId: string): Promise<ClientTimeline> {
    const client = await this.access.client(ctx, clientId, 'read', 'client');
    const row = await ctx.db.one<TimelineRow>(TIMELINE_SQL, [client.id, ctx.requestId]);
    if (!row) throw new Error('timeline query returned no row');
    const head = row;
    const responses = row.responses.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt) }));
    const moods = row.moods;
    const sessions = row.sessions.map((s) => ({ ...s, scheduledAt: new Date(s.scheduledAt) }));
    const assignments = row.assignments;
    const reports = row.reports;
    const goals = row.goals;
    const goalRatings = row.goalRatings.map((r) => ({ ...r, ratedAt: new Date(r.ratedAt) }));
    const flags = row.flags.map((f) => ({
      ...f,
      openedAt: new Date(f.openedAt),
      acknowledgedAt: f.acknowledgedAt ? new Date(f.acknowledgedAt) : null,
      resolvedAt: f.resolvedAt ? new Date(f.resolvedAt) : null,
      clearedAt: f.clearedAt ? new Date(f.clearedAt) : null,
    }));

    const episodes = head.episodes;
    const current = [...episodes].reverse().find((e) => e.endedOn === null) ?? episodes.at(-1) ?? null;
    const withBand = responses.map((r) => ({ ...r, band: bandOf(r.instrumentCode, r.total) }));
    const scorePoints = (code: string): ScorePoint[] =>
      toScorePoints(
        withBand
          .filter((r) => r.instrumentCode === code && current !== null && r.episodeId === current.id)
          .map((r) => ({ at: r.submittedAt, total: r.total, sessionNumber: r.sessionNumber })),
      );
    const phq9 = summarizeScores('PHQ9', scorePoints('PHQ9'));
    const gad7 = summarizeScores('GAD7', scorePoints('GAD7'));
    const upTo = (points: ScorePoint[]) => Math.max(MIN_EXPECTED_SESSIONS, ...points.map((p) => p.sessionNumber ?? 0));
    const allianceBySession = new Map(
      withBand.filter((r) => r.instrumentCode === 'ALLIANCE4' && r.sessionId).map((r) => [r.sessionId, r]),
    );
    const today = localDateIn(client.timezone);
    const models = practiceTrajectoryModels(row.trajectoryModels);

    return {
      id: client.id,
      code: client.code,
      displayName: head.displayName,
      timezone: client.timezone,
      status: client.status,
      therapistName: head.therapistName,
      shareAllianceWithClient: head.share,
      episode: current,
      episodes,
      phq9,
      gad7,
      // The curves the flag engine judges by: the practice's own once fitted.
      expectedPhq9: expectedBands(phq9, upTo(phq9.points), models),
      expectedGad7: expectedBands(gad7, upTo(gad7.points), models),
      trajectorySignal: overallSignal([phq9, gad7], models),
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
  assignments: HomeworkSchedule[],
  reports: { assignmentId: string; localDate: string; status: HomeworkStatus }[],
  today: string,
): WeekAdherence[] {
  if (assignments.length === 0) return [];
  const todayN = toDayNumber(today);
  const mondayOf = (n: number) => n - ((n + 3) % 7); // 1970-01-01 was a Thursday
  const first = mondayOf(Math.min(...assignments.map((a) => toDayNumber(a.assignedOn))));
  // Each report counts in the week of the due day it answers (a weekly task may be done early);
  // bucketed once, rather than matched again for every week.
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const byWeek = new Map<number, { status: HomeworkStatus }[]>();
  for (const r of reports) {
    const task = byId.get(r.assignmentId);
    const due = task ? answeredDueDay(task, r.localDate) : null;
    if (due === null) continue;
    const week = mondayOf(toDayNumber(due));
    byWeek.set(week, [...(byWeek.get(week) ?? []), r]);
  }
  const weeks: WeekAdherence[] = [];
  for (let start = first; start <= todayN; start += 7) {
    const end = Math.min(start + 6, todayN);
    const expected = expectedReports(assignments, fromDayNumber(start), fromDayNumber(end));
    weeks.push({ weekStart: fromDayNumber(start), adherence: homeworkAdherence(byWeek.get(start) ?? [], expected) });
  }
  return weeks;
}
