import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EpisodeOutcomePairedOccasions1765200000000 } from './1765200000000-EpisodeOutcomePairedOccasions.js';

/**
 * episode_outcome credits homework in SQL instead of holding every report: the counts per status of
 * the reports of the episode's tasks whose answered due day (answeredDueDay in @cairn/shared, as the
 * caseload's adherenceBetween applies it; tests/db/episode-outcome.test.ts holds the two equal)
 * falls within the episode, whatever the report's own date. Shipping every report to the practice
 * report (EpisodeOutcomePairedOccasions1765200000000's homework_reports) tripled what it reads.
 */
export class EpisodeOutcomeHomeworkCredit1765200000001 implements MigrationInterface {
  name = 'EpisodeOutcomeHomeworkCredit1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- IF (NOT) EXISTS: for a few minutes 1765200000000 itself kept these columns; a database that
      -- ran that version converges here too (the refresh below rewrites every row either way).
      ALTER TABLE episode_outcome
        DROP COLUMN IF EXISTS homework_reports,
        ADD COLUMN IF NOT EXISTS homework_done integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS homework_partial integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS homework_not_done integer NOT NULL DEFAULT 0;
      COMMENT ON COLUMN episode_outcome.homework_done IS
        'Reports of the episode''s tasks credited to a due day within the episode (answeredDueDay in @cairn/shared)';

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
          alliance_totals, mood_days, assignments, homework_done, homework_partial, homework_not_done, refreshed_at)
        SELECT e.practice_id, e.id, s.attended,
               (SELECT count(*) FROM unnest(m.alliance_sessions) rated WHERE rated = ANY (s.attended_ids))::int,
               s.last_therapist, j.occasions,
               CASE WHEN j.occasions >= 2 THEN j.phq9_first END, CASE WHEN j.occasions >= 2 THEN j.phq9_last END,
               CASE WHEN j.occasions >= 2 THEN j.gad7_first END, CASE WHEN j.occasions >= 2 THEN j.gad7_last END,
               m.phq9_count, m.gad7_count, m.alliance, mo.days, hw.assignments, hr.done, hr.partial, hr.not_done, now()
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
           SELECT jsonb_agg(jsonb_build_object('frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)
                            ORDER BY a.assigned_on, a.id) AS assignments
             FROM homework_assignment a
            WHERE a.practice_id = e.practice_id AND a.client_id = e.client_id AND a.episode_id = e.id) hw
         -- Reports of the episode's tasks credited to the due day each answers, as answeredDueDay in
         -- @cairn/shared (a daily report its own day after the day set; a weekly one the next due day
         -- on or after it, the last one if later; a one-off its due date), counted when that day
         -- falls within the episode, whatever the report's own date.
         CROSS JOIN LATERAL (
           SELECT (count(*) FILTER (WHERE c.status = 'DONE'))::int AS done,
                  (count(*) FILTER (WHERE c.status = 'PARTIAL'))::int AS partial,
                  (count(*) FILTER (WHERE c.status = 'NOT_DONE'))::int AS not_done
             FROM (
               SELECT r.status,
                      CASE a.frequency
                        WHEN 'DAILY' THEN CASE WHEN r.local_date > a.assigned_on
                                                AND (a.due_on IS NULL OR r.local_date <= a.due_on) THEN r.local_date END
                        WHEN 'WEEKLY' THEN CASE WHEN r.local_date >= a.assigned_on
                                                 AND (a.due_on IS NULL OR a.due_on - a.assigned_on >= 7)
                          THEN a.assigned_on + 7 * LEAST(GREATEST(1, ceil((r.local_date - a.assigned_on) / 7.0)::int),
                                                         COALESCE(floor((a.due_on - a.assigned_on) / 7.0)::int, 2147483647)) END
                        WHEN 'ONCE' THEN CASE WHEN r.local_date >= a.assigned_on THEN a.due_on END
                      END AS answers
                 FROM homework_assignment a
                 JOIN homework_report r ON r.practice_id = a.practice_id AND r.assignment_id = a.id
                WHERE a.practice_id = e.practice_id AND a.client_id = e.client_id AND a.episode_id = e.id) c
            WHERE c.answers BETWEEN e.started_on AND e.ended_on) hr
         WHERE e.practice_id = p_practice AND e.id = ANY (p_episodes) AND e.ended_on IS NOT NULL;
        GET DIAGNOSTICS written = ROW_COUNT;
        RETURN written;
      END $$;
    `);
    // Every finished episode under the new definition. Run as the owner, which sees every practice.
    await q.query(`
      SELECT cairn_refresh_episode_outcomes(practice_id, array_agg(id))
        FROM episode WHERE ended_on IS NOT NULL GROUP BY practice_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The rollup is derived data: rebuild it as the previous migration left it.
    const previous = new EpisodeOutcomePairedOccasions1765200000000();
    await previous.down(q);
    await previous.up(q);
  }
}
