import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows feed a finished episode's outcome, and how a changed row finds its episode. */
const SOURCES = [
  { table: 'episode', finder: 'cairn_episode_outcome_of_episode' },
  { table: 'therapy_session', finder: 'cairn_episode_outcome_by_episode' },
  { table: 'measure_response', finder: 'cairn_episode_outcome_by_episode' },
  { table: 'homework_assignment', finder: 'cairn_episode_outcome_by_episode' },
  { table: 'mood_entry', finder: 'cairn_episode_outcome_by_day' },
  { table: 'homework_report', finder: 'cairn_episode_outcome_by_day' },
];

/** Statement triggers: one transition table each, named `changed`; an update looks at both sides. */
const TRIGGERS = [
  { name: 'episode_outcome_after_insert', event: 'INSERT', changed: 'NEW' },
  { name: 'episode_outcome_after_update_old', event: 'UPDATE', changed: 'OLD' },
  { name: 'episode_outcome_after_update_new', event: 'UPDATE', changed: 'NEW' },
  { name: 'episode_outcome_after_delete', event: 'DELETE', changed: 'OLD' },
];

/**
 * One row per finished episode with everything its outcome needs (sessions, measures, mood days,
 * homework), so the practice report reads one small row per episode instead of aggregating history.
 * Kept current in the writing transaction by statement triggers that refresh only the finished
 * episodes a statement touched (an index probe when the episode is open, the common case).
 */
export class EpisodeOutcome1764000000000 implements MigrationInterface {
  name = 'EpisodeOutcome1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_outcome (
        practice_id uuid NOT NULL,
        episode_id uuid NOT NULL,
        attended integer NOT NULL,
        -- Attended sessions that have an ALLIANCE4 rating.
        rated_sessions integer NOT NULL,
        -- Therapist of the last attended session; null when none was attended.
        last_therapist_id uuid,
        phq9_first integer,
        phq9_last integer,
        phq9_count integer NOT NULL,
        gad7_first integer,
        gad7_last integer,
        gad7_count integer NOT NULL,
        alliance_totals integer[],
        mood_days integer NOT NULL,
        -- The episode's assignments (frequency, assignedOn, dueOn): the expected-report inputs.
        assignments jsonb,
        homework_done integer NOT NULL,
        homework_partial integer NOT NULL,
        homework_not_done integer NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, episode_id),
        FOREIGN KEY (practice_id, episode_id) REFERENCES episode(practice_id, id) ON DELETE CASCADE
      );
      ALTER TABLE episode_outcome ENABLE ROW LEVEL SECURITY;
      ALTER TABLE episode_outcome FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON episode_outcome
        USING (practice_id = cairn_current_practice())
        WITH CHECK (practice_id = cairn_current_practice());
      GRANT SELECT, INSERT, UPDATE, DELETE ON episode_outcome TO cairn_app;
    `);

    // The definitions the report used to aggregate at read time, unchanged. Invoker rights: RLS applies.
    await q.query(`
      CREATE FUNCTION cairn_refresh_episode_outcomes(p_practice uuid, p_episodes uuid[]) RETURNS integer
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
          practice_id, episode_id, attended, rated_sessions, last_therapist_id,
          phq9_first, phq9_last, phq9_count, gad7_first, gad7_last, gad7_count, alliance_totals,
          mood_days, assignments, homework_done, homework_partial, homework_not_done, refreshed_at)
        SELECT e.practice_id, e.id, s.attended,
               (SELECT count(*) FROM unnest(m.alliance_sessions) rated WHERE rated = ANY (s.attended_ids))::int,
               s.last_therapist,
               m.phq9[1], m.phq9[cardinality(m.phq9)], COALESCE(cardinality(m.phq9), 0),
               m.gad7[1], m.gad7[cardinality(m.gad7)], COALESCE(cardinality(m.gad7), 0),
               m.alliance, mo.days, hw.assignments, hr.done, hr.partial, hr.not_done, now()
          FROM episode e
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
           SELECT jsonb_agg(jsonb_build_object('frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)) AS assignments,
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
         WHERE e.practice_id = p_practice AND e.id = ANY (p_episodes) AND e.ended_on IS NOT NULL;
        GET DIAGNOSTICS written = ROW_COUNT;
        RETURN written;
      END $$;

      -- Rows that name their episode.
      CREATE FUNCTION cairn_episode_outcome_by_episode() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cairn_refresh_episode_outcomes(e.practice_id, array_agg(e.id))
           FROM episode e
          WHERE (e.practice_id, e.id) IN (SELECT practice_id, episode_id FROM changed) AND e.ended_on IS NOT NULL
          GROUP BY e.practice_id;
        RETURN NULL;
      END $$;

      -- Rows on a client's local date: the finished episodes whose days include it.
      CREATE FUNCTION cairn_episode_outcome_by_day() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cairn_refresh_episode_outcomes(e.practice_id, array_agg(DISTINCT e.id))
           FROM changed c
           JOIN episode e ON e.practice_id = c.practice_id AND e.client_id = c.client_id
            AND e.ended_on IS NOT NULL AND c.local_date BETWEEN e.started_on AND e.ended_on
          GROUP BY e.practice_id;
        RETURN NULL;
      END $$;

      -- An episode ended, moved or reopened (the old side of an update drops a reopened one's row).
      CREATE FUNCTION cairn_episode_outcome_of_episode() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cairn_refresh_episode_outcomes(c.practice_id, array_agg(c.id))
           FROM changed c WHERE c.ended_on IS NOT NULL
          GROUP BY c.practice_id;
        RETURN NULL;
      END $$;
    `);

    for (const { table, finder } of SOURCES) {
      for (const t of TRIGGERS) {
        // A deleted episode's row goes with it (ON DELETE CASCADE).
        if (table === 'episode' && t.event === 'DELETE') continue;
        await q.query(`CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${table}
          REFERENCING ${t.changed} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${finder}()`);
      }
    }

    // Episodes that finished before this migration. Run as the owner, which sees every practice.
    await q.query(`
      SELECT cairn_refresh_episode_outcomes(practice_id, array_agg(id))
        FROM episode WHERE ended_on IS NOT NULL GROUP BY practice_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of SOURCES) {
      for (const t of TRIGGERS) await q.query(`DROP TRIGGER IF EXISTS ${t.name} ON ${table}`);
    }
    await q.query(`
      DROP FUNCTION IF EXISTS cairn_episode_outcome_of_episode();
      DROP FUNCTION IF EXISTS cairn_episode_outcome_by_day();
      DROP FUNCTION IF EXISTS cairn_episode_outcome_by_episode();
      DROP FUNCTION IF EXISTS cairn_refresh_episode_outcomes(uuid, uuid[]);
      DROP TABLE IF EXISTS episode_outcome;
    `);
  }
}
