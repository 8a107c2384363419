import { Injectable } from '@nestjs/common';
import {
  addDays,
  adherenceBetween,
  mean,
  priorityRank,
  type HomeworkReportOnDay,
  type HomeworkSchedule,
  type TrajectoryModels,
} from '@cairn/shared';
import { notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role } from '../../common/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { FLAG_COLUMNS, FLAG_FROM, toFlag, type FlagRow } from '../flag/flag.sql.js';
import { PRACTICE_TRAJECTORY_MODELS_SQL, practiceTrajectoryModels } from '../flag/practice-trajectories.js';
import type { Flag } from '../flag/flag.types.js';
import { moodSummary, overallSignal, summarizeScores, toScorePoints } from './analytics.js';
import { CASELOAD_RECENT_SCORES, type CaseloadRow, type ScorePoint } from './caseload.types.js';

interface CaseloadSqlRow {
  clientId: string;
  code: string;
  displayName: string | null;
  status: string;
  today: string;
  timezone: string;
  zoneKnown: boolean;
  lastActivityAt: Date | null;
  allianceLatest: number | null;
  allianceLatestAt: Date | null;
  alliancePrevious: number[];
  measures: { code: 'PHQ9' | 'GAD7'; at: string; total: number; n: number }[] | null;
  moods: { date: string; rating: number }[] | null;
  assignments: HomeworkSchedule[] | null;
  reports: HomeworkReportOnDay[] | null;
}

/**
 * One statement for the whole caseload: summary rollups plus bounded windows (the current episode's
 * baseline and latest scores, 28 days of mood and homework) per client, so cost follows caseload
 * size, not history. The client timeline has every score.
 */
export const CASELOAD_SQL = `
SELECT c.id AS "clientId", c.code, c.display_name AS "displayName", c.status,
       to_char(z.today, 'YYYY-MM-DD') AS today, c.timezone, z.known AS "zoneKnown",
       s.last_activity_at AS "lastActivityAt", s.alliance_latest AS "allianceLatest",
       s.alliance_latest_at AS "allianceLatestAt", s.alliance_previous AS "alliancePrevious",
       m.points AS measures, mo.points AS moods, hw.assignments, hr.reports
  FROM client c
  JOIN client_summary s ON s.practice_id = c.practice_id AND s.client_id = c.id
  -- The client's today. A zone PostgreSQL does not know reads as UTC and is reported on the row:
  -- one bad row never takes the caseload down.
  CROSS JOIN LATERAL (SELECT cairn_local_date(now(), c.timezone) AS today, cairn_known_zone(c.timezone) AS known) z
  LEFT JOIN LATERAL (
    SELECT e.id FROM episode e WHERE e.practice_id = c.practice_id AND e.client_id = c.id
     ORDER BY (e.ended_on IS NULL) DESC, e.started_on DESC LIMIT 1) ep ON true
  -- Per instrument, the episode's first response (the baseline) and its latest ones; each keeps its
  -- session number, or its position in the episode's series when given outside a session.
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('code', k.instrument_code, 'at', k.submitted_at, 'total', k.total,
                                      'n', COALESCE(ts.number, k.position)) ORDER BY k.submitted_at, k.id) AS points
      FROM (SELECT mr.id, mr.practice_id, mr.instrument_code, mr.submitted_at, mr.total, mr.session_id,
                   row_number() OVER series AS position, count(*) OVER (PARTITION BY mr.instrument_code) AS responses
              FROM measure_response mr
             WHERE mr.practice_id = c.practice_id AND mr.episode_id = ep.id AND mr.instrument_code IN ('PHQ9', 'GAD7')
            WINDOW series AS (PARTITION BY mr.instrument_code ORDER BY mr.submitted_at, mr.id)) k
      LEFT JOIN therapy_session ts ON ts.practice_id = k.practice_id AND ts.id = k.session_id
     WHERE k.position = 1 OR k.position > k.responses - ${CASELOAD_RECENT_SCORES}) m ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('date', me.local_date, 'rating', me.rating) ORDER BY me.local_date) AS points
      FROM mood_entry me
     WHERE me.practice_id = c.practice_id AND me.client_id = c.id
       AND me.local_date > z.today - 28) mo ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('id', a.id, 'frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)) AS assignments
      FROM homework_assignment a
     WHERE a.practice_id = c.practice_id AND a.client_id = c.id
       AND COALESCE(a.due_on, 'infinity'::date) > z.today - 28) hw ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('assignmentId', r.assignment_id, 'date', r.local_date, 'status', r.status)) AS reports
      FROM homework_report r
     WHERE r.practice_id = c.practice_id AND r.client_id = c.id
       -- A weekly task's report may come up to 6 days before the due day it answers.
       AND r.local_date > z.today - 34) hr ON true
 WHERE c.therapist_id = $1
   -- A discharged client stays on the caseload while a RISK flag of theirs is not resolved.
   AND (c.status <> 'DISCHARGED' OR EXISTS (SELECT 1 FROM flag f WHERE f.practice_id = c.practice_id AND f.client_id = c.id
                                              AND f.kind = 'RISK' AND f.status IN ('OPEN', 'ACKNOWLEDGED')))`;

@Injectable()
export class CaseloadService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  async caseload(ctx: RequestContext, therapistId: string | null | undefined): Promise<CaseloadRow[]> {
    const user = await this.access.signedIn(ctx);
    const target = therapistId ?? user.id;
    const allowed = isUuid(target) && (user.role === Role.THERAPIST ? target === user.id : user.role === Role.MANAGER);
    if (!allowed) {
      await this.audit.denied(ctx, user, 'caseload', {
        subjectType: 'therapist',
        subjectId: isUuid(target) ? target : null,
      });
      throw notFound('Caseload');
    }
    const rows = await ctx.db.query<CaseloadSqlRow>(CASELOAD_SQL, [target]);
    // The curves the flag engine judges by: the practice's own once fitted.
    const stored = await ctx.db.one<{ models: Partial<TrajectoryModels> | null }>(
      `SELECT ${PRACTICE_TRAJECTORY_MODELS_SQL} AS models`,
    );
    const models = practiceTrajectoryModels(stored?.models);
    const flagRows = await ctx.db.query<FlagRow>(
      `SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE f.status IN ('OPEN', 'ACKNOWLEDGED') AND c.therapist_id = $1`,
      [target],
    );
    const flagsByClient = new Map<string, Flag[]>();
    for (const f of flagRows.map(toFlag)) flagsByClient.set(f.clientId, [...(flagsByClient.get(f.clientId) ?? []), f]);

    const built = rows.map((r) => buildRow(r, (flagsByClient.get(r.clientId) ?? []).sort(priorityRank), models));
    built.sort(byPriority);
    built.forEach((row, i) => (row.priority = i + 1));
    await this.audit.allowedMany(
      ctx,
      user,
      'caseload',
      'client',
      built.map((b) => b.clientId),
    );
    return built;
  }
}

function buildRow(r: CaseloadSqlRow, openFlags: Flag[], models: TrajectoryModels): CaseloadRow {
  const points = (code: 'PHQ9' | 'GAD7'): ScorePoint[] =>
    toScorePoints(
      (r.measures ?? [])
        .filter((m) => m.code === code)
        .map((m) => ({ at: new Date(m.at), total: m.total, sessionNumber: m.n })),
    );
  const phq9 = summarizeScores('PHQ9', points('PHQ9'));
  const gad7 = summarizeScores('GAD7', points('GAD7'));
  const previousMean = mean(r.alliancePrevious ?? []);
  return {
    clientId: r.clientId,
    code: r.code,
    displayName: r.displayName,
    status: r.status,
    phq9,
    gad7,
    trajectorySignal: overallSignal([phq9, gad7], models),
    alliance: {
      latest: r.allianceLatest,
      latestAt: r.allianceLatestAt,
      previousMean,
      trend: r.allianceLatest !== null && previousMean !== null ? r.allianceLatest - previousMean : null,
    },
    homeworkAdherence28:
      adherenceBetween(r.assignments ?? [], r.reports ?? [], addDays(r.today, -27), r.today)?.adherence ?? null,
    mood: moodSummary(r.moods ?? [], r.today),
    openFlags,
    dataProblem: r.zoneKnown
      ? null
      : `time zone ${r.timezone} is not one the database knows: dates use UTC until it is corrected (updateClient)`,
    priority: 0,
    lastActivityAt: r.lastActivityAt,
  };
}

const SEVERITY = { URGENT: 0, HIGH: 1, MEDIUM: 2 } as const;

/** Most severe open flag first, then the longest open; clients without flags after, least recently active first. */
function byPriority(a: CaseloadRow, b: CaseloadRow): number {
  const fa = a.openFlags[0];
  const fb = b.openFlags[0];
  if (fa && fb) return SEVERITY[fa.severity] - SEVERITY[fb.severity] || fa.openedAt.getTime() - fb.openedAt.getTime();
  if (fa) return -1;
  if (fb) return 1;
  return (a.lastActivityAt?.getTime() ?? 0) - (b.lastActivityAt?.getTime() ?? 0) || a.code.localeCompare(b.code);
}
