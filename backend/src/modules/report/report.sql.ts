import type { AssignmentWindow } from '../caseload/analytics.js';

/** One episode that ended in the period, with everything its outcome needs, aggregated in SQL. */
export interface EpisodeRow {
  episodeId: string;
  clientCode: string;
  /** Only selected for an identifiable export; null otherwise. */
  clientName: string | null;
  therapistId: string;
  startedOn: string;
  endedOn: string;
  endReason: string;
  attended: number;
  /** Attended sessions that have an ALLIANCE4 rating. */
  ratedSessions: number;
  phq9First: number | null;
  phq9Last: number | null;
  phq9Count: number;
  gad7First: number | null;
  gad7Last: number | null;
  gad7Count: number;
  allianceTotals: number[] | null;
  episodeDays: number;
  moodDays: number;
  assignments: AssignmentWindow[] | null;
  homeworkDone: number;
  homeworkPartial: number;
  homeworkNotDone: number;
}

/**
 * Episodes that ended between $1 and $2 (dates, inclusive), one row each; $3 selects client names
 * (identifiable exports only). Set-based: per episode, one index range scan of each table's own
 * rows (therapy_session_episode_idx, measure_response_episode_idx, the mood_entry unique key,
 * homework_assignment_client_idx, homework_report_client_idx) and no probe per session or per
 * assignment, so cost follows the episodes in the period, not the practice's history. Rated
 * sessions are the attended ones that an ALLIANCE4 response names. The attending therapist is
 * the one of the last attended session, else the client's therapist.
 */
export const ENDED_EPISODES_SQL = `
SELECT e.id AS "episodeId", c.code AS "clientCode",
       CASE WHEN $3::boolean THEN c.display_name END AS "clientName",
       COALESCE(s.last_therapist, c.therapist_id) AS "therapistId",
       e.started_on AS "startedOn", e.ended_on AS "endedOn", e.end_reason AS "endReason",
       s.attended,
       (SELECT count(*) FROM unnest(m.alliance_sessions) rated WHERE rated = ANY (s.attended_ids))::int AS "ratedSessions",
       m.phq9[1] AS "phq9First", m.phq9[cardinality(m.phq9)] AS "phq9Last", COALESCE(cardinality(m.phq9), 0) AS "phq9Count",
       m.gad7[1] AS "gad7First", m.gad7[cardinality(m.gad7)] AS "gad7Last", COALESCE(cardinality(m.gad7), 0) AS "gad7Count",
       m.alliance AS "allianceTotals",
       (e.ended_on - e.started_on + 1) AS "episodeDays", mo.days AS "moodDays",
       hw.assignments, hr.done AS "homeworkDone", hr.partial AS "homeworkPartial", hr.not_done AS "homeworkNotDone"
  FROM episode e
  JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE ts.status = 'ATTENDED'))::int AS attended,
          array_agg(ts.id) FILTER (WHERE ts.status = 'ATTENDED') AS attended_ids,
          (array_agg(ts.therapist_id ORDER BY ts.number DESC) FILTER (WHERE ts.status = 'ATTENDED'))[1] AS last_therapist
     FROM therapy_session ts
    WHERE ts.practice_id = e.practice_id AND ts.episode_id = e.id) s
 CROSS JOIN LATERAL (
   SELECT array_agg(mr.total ORDER BY mr.submitted_at, mr.id) FILTER (WHERE mr.instrument_code = 'PHQ9') AS phq9,
          array_agg(mr.total ORDER BY mr.submitted_at, mr.id) FILTER (WHERE mr.instrument_code = 'GAD7') AS gad7,
          array_agg(mr.total) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance,
          array_agg(mr.session_id) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance_sessions
     FROM measure_response mr
    WHERE mr.practice_id = e.practice_id AND mr.episode_id = e.id
      AND mr.instrument_code IN ('PHQ9', 'GAD7', 'ALLIANCE4')) m
 CROSS JOIN LATERAL (
   SELECT count(*)::int AS days FROM mood_entry me
    WHERE me.practice_id = e.practice_id AND me.client_id = e.client_id
      AND me.local_date BETWEEN e.started_on AND e.ended_on) mo
 CROSS JOIN LATERAL (
   SELECT json_agg(json_build_object('frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)) AS assignments,
          array_agg(a.id) AS ids
     FROM homework_assignment a
    WHERE a.practice_id = e.practice_id AND a.client_id = e.client_id AND a.episode_id = e.id) hw
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE r.status = 'DONE'))::int AS done,
          (count(*) FILTER (WHERE r.status = 'PARTIAL'))::int AS partial,
          (count(*) FILTER (WHERE r.status = 'NOT_DONE'))::int AS not_done
     FROM homework_report r
    WHERE r.practice_id = e.practice_id AND r.client_id = e.client_id
      AND r.local_date BETWEEN e.started_on AND e.ended_on AND r.assignment_id = ANY (hw.ids)) hr
 WHERE e.ended_on BETWEEN $1::date AND $2::date
 ORDER BY e.ended_on, c.code, e.id`;

/** Episodes that started between $1 and $2, per client's therapist; and every therapist's name. */
export const REFERRALS_AND_THERAPISTS_SQL = `
SELECT u.id AS "therapistId", u.display_name AS "therapistName", u.role = 'THERAPIST' AS "isTherapist",
       COALESCE(r.n, 0)::int AS referrals
  FROM app_user u
  LEFT JOIN (
    SELECT c.practice_id, c.therapist_id, count(*) AS n
      FROM episode e JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
     WHERE e.started_on BETWEEN $1::date AND $2::date
     GROUP BY c.practice_id, c.therapist_id) r ON r.practice_id = u.practice_id AND r.therapist_id = u.id
 WHERE u.role = 'THERAPIST' OR r.n IS NOT NULL OR u.id = ANY($3::uuid[])
 ORDER BY u.display_name, u.id`;

export interface TherapistRow {
  therapistId: string;
  therapistName: string;
  isTherapist: boolean;
  referrals: number;
}
