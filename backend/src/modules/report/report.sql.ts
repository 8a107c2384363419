import type { HomeworkSchedule } from '@cairn/shared';

/** One episode that ended in the period, with everything its outcome needs (from its rollup row). */
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
  /** Occasions at which both PHQ-9 and GAD-7 were completed (jointOccasions in @cairn/shared). */
  jointOccasions: number;
  /** Scores at the first and last of those occasions; null unless there are two or more. */
  pairedPhq9First: number | null;
  pairedPhq9Last: number | null;
  pairedGad7First: number | null;
  pairedGad7Last: number | null;
  phq9Count: number;
  gad7Count: number;
  allianceTotals: number[] | null;
  episodeDays: number;
  moodDays: number;
  /** The episode's tasks: what falls due (expectedReports). */
  assignments: Omit<HomeworkSchedule, 'id'>[] | null;
  /** Reports credited to a due day within the episode (answeredDueDay), by status. */
  homeworkDone: number;
  homeworkPartial: number;
  homeworkNotDone: number;
}

/**
 * Episodes that ended between $1 and $2 (dates, inclusive), one row each; $3 selects client names
 * (identifiable exports only). Reads the episode_outcome rollup (one row per finished episode, kept
 * current by triggers in the writing transaction; definitions in cairn_refresh_episode_outcomes), so
 * cost follows the episodes in the period, not their history. The attending therapist is the one of
 * the last attended session, else the client's (current) therapist.
 */
export const ENDED_EPISODES_SQL = `
SELECT e.id AS "episodeId", c.code AS "clientCode",
       CASE WHEN $3::boolean THEN c.display_name END AS "clientName",
       COALESCE(o.last_therapist_id, c.therapist_id) AS "therapistId",
       e.started_on AS "startedOn", e.ended_on AS "endedOn", e.end_reason AS "endReason",
       o.attended, o.rated_sessions AS "ratedSessions",
       o.joint_occasions AS "jointOccasions",
       o.paired_phq9_first AS "pairedPhq9First", o.paired_phq9_last AS "pairedPhq9Last",
       o.paired_gad7_first AS "pairedGad7First", o.paired_gad7_last AS "pairedGad7Last",
       o.phq9_count AS "phq9Count", o.gad7_count AS "gad7Count",
       o.alliance_totals AS "allianceTotals",
       (e.ended_on - e.started_on + 1) AS "episodeDays", o.mood_days AS "moodDays",
       o.assignments, o.homework_done AS "homeworkDone", o.homework_partial AS "homeworkPartial",
       o.homework_not_done AS "homeworkNotDone"
  FROM episode e
  JOIN episode_outcome o ON o.practice_id = e.practice_id AND o.episode_id = e.id
  JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
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
