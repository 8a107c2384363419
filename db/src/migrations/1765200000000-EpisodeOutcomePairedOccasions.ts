import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EpisodeOutcome1764000000000 } from './1764000000000-EpisodeOutcome.js';

/** The statement triggers on homework_report, as EpisodeOutcome1764000000000 named them. */
const HOMEWORK_REPORT_TRIGGERS = [
  { name: 'episode_outcome_after_insert', event: 'INSERT', changed: 'NEW' },
  { name: 'episode_outcome_after_update_old', event: 'UPDATE', changed: 'OLD' },
  { name: 'episode_outcome_after_update_new', event: 'UPDATE', changed: 'NEW' },
  { name: 'episode_outcome_after_delete', event: 'DELETE', changed: 'OLD' },
];

/**
 * episode_outcome holds NHS Talking Therapies paired scores and the facts homework adherence needs:
 * - paired scores are the PHQ-9 and GAD-7 at the first and last occasions at which BOTH were
 *   completed (jointOccasions in @cairn/shared, which the rollup is tested against): an occasion is
 *   the response's session, or its client-local day when it was given outside a session. Columns
 *   paired_* are null unless joint_occasions >= 2. (Each measure used to be paired on its own.)
 * - homework keeps the episode's tasks (with ids) and every report of them, so the report credits
 *   each report to the due day it answers, with the same function as the caseload (adherenceBetween),
 *   instead of counting reports by their own date (a report answering a due day after the episode
 *   ended used to count, and the cap at 1 hid it). A report now finds its episode through its task.
 * - a client's time zone change refreshes their finished episodes (it moves the local days).
 * The rollup is derived data: down() rebuilds it as EpisodeOutcome1764000000000 defined it.
 */
export class EpisodeOutcomePairedOccasions1765200000000 implements MigrationInterface {
  name = 'EpisodeOutcomePairedOccasions1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE episode_outcome RENAME COLUMN phq9_first TO paired_phq9_first;
      ALTER TABLE episode_outcome RENAME COLUMN phq9_last TO paired_phq9_last;
      ALTER TABLE episode_outcome RENAME COLUMN gad7_first TO paired_gad7_first;
      ALTER TABLE episode_outcome RENAME COLUMN gad7_last TO paired_gad7_last;
      ALTER TABLE episode_outcome
        ADD COLUMN joint_occasions integer NOT NULL DEFAULT 0,
        ADD COLUMN homework_reports jsonb,
        DROP COLUMN homework_done,
        DROP COLUMN homework_partial,
        DROP COLUMN homework_not_done;
      COMMENT ON COLUMN episode_outcome.joint_occasions IS
        'Occasions (a session, or a local day outside sessions) at which both PHQ-9 and GAD-7 were completed';
      COMMENT ON COLUMN episode_outcome.homework_reports IS
        'Every report of the episode''s tasks: assignmentId, date (client-local), status';

      -- A response's client-local day; UTC when PostgreSQL does not know the client's zone, so a bad
      -- stored zone cannot make a write into a finished episode fail.
      CREATE FUNCTION cairn_occasion_day(at timestamptz, zone text) RETURNS date LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN (at AT TIME ZONE zone)::date;
      EXCEPTION WHEN invalid_parameter_value THEN
        RETURN (at AT TIME ZONE 'UTC')::date;
      END $$;

      CREATE OR REPLACE FUNCTION cairn_refresh_episode_outcomes(p_practice uuid, p_episodes uuid[]) RETURNS integer
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      DECLARE
        written integer;
      BEGIN
        -- Concurrent writes into one episode refresh one after the other, each reading what the
        -- other committed (a fresh snapshot per statement), so neither leaves a stale row.
        PERFORM 1 FROM episode
          WHERE practice_id = p_practice AND id = ANY (p_episodes) AND ended_on IS NOT NULL
          ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM episode_outcome WHERE practice_id = p_practice AND episode_id = ANY (p_episodes);
        INSERT INTO episode_outcome (
          practice_id, episode_id, attended, rated_sessions, last_therapist_id, joint_occasions,
          paired_phq9_first, paired_phq9_last, paired_gad7_first, paired_gad7_last, phq9_count, gad7_count,
          alliance_totals, mood_days, assignments, homework_reports, refreshed_at)
        SELECT e.practice_id, e.id, s.attended,
               (SELECT count(*) FROM unnest(m.alliance_sessions) rated WHERE rated = ANY (s.attended_ids))::int,
               s.last_therapist, j.occasions,
               CASE WHEN j.occasions >= 2 THEN j.phq9_first END, CASE WHEN j.occasions >= 2 THEN j.phq9_last END,
               CASE WHEN j.occasions >= 2 THEN j.gad7_first END, CASE WHEN j.occasions >= 2 THEN j.gad7_last END,
               m.phq9_count, m.gad7_count, m.alliance, mo.days, hw.assignments, hr.reports, now()
          FROM episode e
          JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
         CROSS JOIN LATERAL (
           SELECT (count(*) FILTER (WHERE ts.status = 'ATTENDED'))::int AS attended,
                  array_agg(ts.id) FILTER (WHERE ts.status = 'ATTENDED') AS attended_ids,
                  (array_agg(ts.therapist_id ORDER BY ts.number DESC) FILTER (WHERE ts.status = 'ATTENDED'))[1] AS last_therapist
             FROM therapy_session ts
            WHERE ts.practice_id = e.practice_id AND ts.episode_id = e.id) s
         CROSS JOIN LATERAL (
           SELECT (count(*) FILTER (WHERE mr.instrument_code = 'PHQ9'))::int AS phq9_count,
                  (count(*) FILTER (WHERE mr.instrument_code = 'GAD7'))::int AS gad7_count,
                  array_agg(mr.total) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance,
                  array_agg(mr.session_id) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance_sessions
             FROM measure_response mr
            WHERE mr.practice_id = e.practice_id AND mr.episode_id = e.id
              AND mr.instrument_code IN ('PHQ9', 'GAD7', 'ALLIANCE4')) m
         -- Paired scores, as jointOccasions in @cairn/shared: responses in submission order (seq);
         -- occasions ordered by their first response; at one occasion the later answer counts.
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS occasions,
                  (array_agg(o.phq9 ORDER BY o.began))[1] AS phq9_first,
                  (array_agg(o.phq9 ORDER BY o.began DESC))[1] AS phq9_last,
                  (array_agg(o.gad7 ORDER BY o.began))[1] AS gad7_first,
                  (array_agg(o.gad7 ORDER BY o.began DESC))[1] AS gad7_last
             FROM (
               SELECT min(r.seq) AS began,
                      (array_agg(r.total ORDER BY r.seq DESC) FILTER (WHERE r.instrument_code = 'PHQ9'))[1] AS phq9,
                      (array_agg(r.total ORDER BY r.seq DESC) FILTER (WHERE r.instrument_code = 'GAD7'))[1] AS gad7
                 FROM (
                   SELECT mr.instrument_code, mr.total,
                          COALESCE('session:' || mr.session_id,
                                   'day:' || cairn_occasion_day(mr.submitted_at, c.timezone)) AS occasion,
                          row_number() OVER (ORDER BY mr.submitted_at, mr.id) AS seq
                     FROM measure_response mr
                    WHERE mr.practice_id = e.practice_id AND mr.episode_id = e.id
                      AND mr.instrument_code IN ('PHQ9', 'GAD7')) r
                GROUP BY r.occasion) o
            WHERE o.phq9 IS NOT NULL AND o.gad7 IS NOT NULL) j
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS days FROM mood_entry me
            WHERE me.practice_id = e.practice_id AND me.client_id = e.client_id
              AND me.local_date BETWEEN e.started_on AND e.ended_on) mo
         CROSS JOIN LATERAL (
           SELECT jsonb_agg(jsonb_build_object('id', a.id, 'frequency', a.frequency, 'assignedOn', a.assigned_on,
                                               'dueOn', a.due_on) ORDER BY a.assigned_on, a.id) AS assignments,
                  array_agg(a.id) AS ids
             FROM homework_assignment a
            WHERE a.practice_id = e.practice_id AND a.client_id = e.client_id AND a.episode_id = e.id) hw
         -- Every report of the episode's tasks, whatever its date: the due day it answers decides.
         CROSS JOIN LATERAL (
           SELECT jsonb_agg(jsonb_build_object('assignmentId', r.assignment_id, 'date', r.local_date, 'status', r.status)
                            ORDER BY r.local_date, r.assignment_id, r.id) AS reports
             FROM homework_report r
            WHERE r.practice_id = e.practice_id AND r.assignment_id = ANY (hw.ids)) hr
         WHERE e.practice_id = p_practice AND e.id = ANY (p_episodes) AND e.ended_on IS NOT NULL;
        GET DIAGNOSTICS written = ROW_COUNT;
        RETURN written;
      END $$;

      -- Homework reports: the finished episode of the report's task.
      CREATE FUNCTION cairn_episode_outcome_by_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cairn_refresh_episode_outcomes(e.practice_id, array_agg(DISTINCT e.id))
           FROM (SELECT DISTINCT practice_id, assignment_id FROM changed) c
           JOIN homework_assignment a ON a.practice_id = c.practice_id AND a.id = c.assignment_id
           JOIN episode e ON e.practice_id = a.practice_id AND e.id = a.episode_id AND e.ended_on IS NOT NULL
          GROUP BY e.practice_id;
        RETURN NULL;
      END $$;

      -- A client's time zone moved the local days of their responses outside sessions.
      CREATE FUNCTION cairn_episode_outcome_of_client() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cairn_refresh_episode_outcomes(e.practice_id, array_agg(e.id))
           FROM new_rows n
           JOIN old_rows o ON o.practice_id = n.practice_id AND o.id = n.id AND o.timezone IS DISTINCT FROM n.timezone
           JOIN episode e ON e.practice_id = n.practice_id AND e.client_id = n.id AND e.ended_on IS NOT NULL
          GROUP BY e.practice_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER episode_outcome_after_timezone_change AFTER UPDATE ON client
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cairn_episode_outcome_of_client();
    `);
    for (const t of HOMEWORK_REPORT_TRIGGERS) {
      await q.query(`DROP TRIGGER ${t.name} ON homework_report`);
      await q.query(`CREATE TRIGGER ${t.name} AFTER ${t.event} ON homework_report
        REFERENCING ${t.changed} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION cairn_episode_outcome_by_assignment()`);
    }

    // Every finished episode under the new definitions. Run as the owner, which sees every practice.
    await q.query(`
      SELECT cairn_refresh_episode_outcomes(practice_id, array_agg(id))
        FROM episode WHERE ended_on IS NOT NULL GROUP BY practice_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS episode_outcome_after_timezone_change ON client;
      DROP FUNCTION IF EXISTS cairn_episode_outcome_of_client();
    `);
    // The earlier migration's down drops every rollup trigger (homework_report's too), then its up
    // rebuilds the table, functions and rows as they were.
    const previous = new EpisodeOutcome1764000000000();
    await previous.down(q);
    await q.query(`
      DROP FUNCTION IF EXISTS cairn_episode_outcome_by_assignment();
      DROP FUNCTION IF EXISTS cairn_occasion_day(timestamptz, text);
    `);
    await previous.up(q);
  }
}
