import type pg from 'pg';

/**
 * Recomputes client_summary from history, for every client or for one practice, in one set-based
 * statement (used after bulk loads; the application keeps rows current on each write).
 *
 * Definitions the incremental path must match:
 * - phq9/gad7_baseline: the first score (by submitted_at) whose episode_id is the client's current
 *   episode: the open one, else the one that started last. A client with no episode: the first score.
 * - *_latest, *_latest_at, *_count: over all of the client's responses of that instrument.
 * - alliance_previous: the up-to-3 ALLIANCE4 totals before the latest, most recent first.
 * - sessions_missed: NO_SHOW + CANCELLED.
 * - last_activity_at: the latest measure submitted_at, mood updated_at, homework report created_at,
 *   goal rating rated_at, or attended session scheduled_at.
 * Returns the number of summaries written.
 */
export async function refreshClientSummaries(db: pg.ClientBase | pg.Pool, practiceId?: string): Promise<number> {
  const where = (alias: string) => (practiceId ? `WHERE ${alias}practice_id = $1::uuid` : '');
  const sql = `
    WITH current_episode AS (
      SELECT DISTINCT ON (practice_id, client_id) practice_id, client_id, id AS episode_id
        FROM episode ${where('')}
       ORDER BY practice_id, client_id, (ended_on IS NULL) DESC, started_on DESC, created_at DESC, id DESC
    ),
    -- One probe per client and instrument along measure_response_timeline_idx.
    baselines AS (
      SELECT c.practice_id, c.id AS client_id, phq9.total AS phq9, gad7.total AS gad7
        FROM client c
        LEFT JOIN current_episode e ON e.practice_id = c.practice_id AND e.client_id = c.id
        LEFT JOIN LATERAL (
          SELECT m.total FROM measure_response m
           WHERE m.practice_id = c.practice_id AND m.client_id = c.id AND m.instrument_code = 'PHQ9'
             AND (e.episode_id IS NULL OR m.episode_id = e.episode_id)
           ORDER BY m.submitted_at, m.id LIMIT 1) phq9 ON true
        LEFT JOIN LATERAL (
          SELECT m.total FROM measure_response m
           WHERE m.practice_id = c.practice_id AND m.client_id = c.id AND m.instrument_code = 'GAD7'
             AND (e.episode_id IS NULL OR m.episode_id = e.episode_id)
           ORDER BY m.submitted_at, m.id LIMIT 1) gad7 ON true
       ${where('c.')}
    ),
    -- Rows arrive in timeline-index order, so the window needs no sort; recency 1 = latest.
    ranked AS (
      SELECT practice_id, client_id, instrument_code, total, submitted_at,
             count(*) OVER per_instrument - row_number() OVER by_time + 1 AS recency
        FROM measure_response ${where('')}
      WINDOW per_instrument AS (PARTITION BY practice_id, client_id, instrument_code),
             by_time AS (per_instrument ORDER BY submitted_at)
    ),
    measures AS (
      SELECT practice_id, client_id,
             max(total) FILTER (WHERE instrument_code = 'PHQ9' AND recency = 1) AS phq9_latest,
             max(submitted_at) FILTER (WHERE instrument_code = 'PHQ9') AS phq9_latest_at,
             count(*) FILTER (WHERE instrument_code = 'PHQ9') AS phq9_count,
             max(total) FILTER (WHERE instrument_code = 'GAD7' AND recency = 1) AS gad7_latest,
             max(submitted_at) FILTER (WHERE instrument_code = 'GAD7') AS gad7_latest_at,
             count(*) FILTER (WHERE instrument_code = 'GAD7') AS gad7_count,
             max(total) FILTER (WHERE instrument_code = 'ALLIANCE4' AND recency = 1) AS alliance_latest,
             max(submitted_at) FILTER (WHERE instrument_code = 'ALLIANCE4') AS alliance_latest_at,
             array_remove(ARRAY[
               max(total) FILTER (WHERE instrument_code = 'ALLIANCE4' AND recency = 2),
               max(total) FILTER (WHERE instrument_code = 'ALLIANCE4' AND recency = 3),
               max(total) FILTER (WHERE instrument_code = 'ALLIANCE4' AND recency = 4)], NULL) AS alliance_previous,
             max(submitted_at) AS last_at
        FROM ranked GROUP BY practice_id, client_id
    ),
    moods AS (
      SELECT practice_id, client_id, count(*) AS n, max(local_date) AS last_date, max(updated_at) AS last_at
        FROM mood_entry ${where('')} GROUP BY practice_id, client_id
    ),
    sessions AS (
      SELECT practice_id, client_id,
             count(*) FILTER (WHERE status = 'ATTENDED') AS attended,
             count(*) FILTER (WHERE status IN ('NO_SHOW', 'CANCELLED')) AS missed,
             max(scheduled_at) FILTER (WHERE status = 'ATTENDED') AS last_at
        FROM therapy_session ${where('')} GROUP BY practice_id, client_id
    ),
    homework AS (
      SELECT practice_id, client_id, count(*) AS n, max(created_at) AS last_at
        FROM homework_report ${where('')} GROUP BY practice_id, client_id
    ),
    goal_ratings AS (
      SELECT practice_id, client_id, max(rated_at) AS last_at
        FROM goal_rating ${where('')} GROUP BY practice_id, client_id
    )
    INSERT INTO client_summary AS s (
      practice_id, client_id, therapist_id,
      phq9_baseline, phq9_latest, phq9_latest_at, phq9_count,
      gad7_baseline, gad7_latest, gad7_latest_at, gad7_count,
      alliance_latest, alliance_latest_at, alliance_previous,
      mood_count, mood_last_date, sessions_attended, sessions_missed, homework_reports,
      last_activity_at, updated_at
    )
    SELECT c.practice_id, c.id, c.therapist_id,
           b.phq9, m.phq9_latest, m.phq9_latest_at, coalesce(m.phq9_count, 0),
           b.gad7, m.gad7_latest, m.gad7_latest_at, coalesce(m.gad7_count, 0),
           m.alliance_latest, m.alliance_latest_at, coalesce(m.alliance_previous, '{}'),
           coalesce(mo.n, 0), mo.last_date, coalesce(se.attended, 0), coalesce(se.missed, 0), coalesce(h.n, 0),
           greatest(m.last_at, mo.last_at, h.last_at, g.last_at, se.last_at), now()
      FROM client c
      LEFT JOIN baselines b ON b.practice_id = c.practice_id AND b.client_id = c.id
      LEFT JOIN measures m ON m.practice_id = c.practice_id AND m.client_id = c.id
      LEFT JOIN moods mo ON mo.practice_id = c.practice_id AND mo.client_id = c.id
      LEFT JOIN sessions se ON se.practice_id = c.practice_id AND se.client_id = c.id
      LEFT JOIN homework h ON h.practice_id = c.practice_id AND h.client_id = c.id
      LEFT JOIN goal_ratings g ON g.practice_id = c.practice_id AND g.client_id = c.id
     ${where('c.')}
    ON CONFLICT (practice_id, client_id) DO UPDATE SET
      therapist_id = EXCLUDED.therapist_id,
      phq9_baseline = EXCLUDED.phq9_baseline,
      phq9_latest = EXCLUDED.phq9_latest,
      phq9_latest_at = EXCLUDED.phq9_latest_at,
      phq9_count = EXCLUDED.phq9_count,
      gad7_baseline = EXCLUDED.gad7_baseline,
      gad7_latest = EXCLUDED.gad7_latest,
      gad7_latest_at = EXCLUDED.gad7_latest_at,
      gad7_count = EXCLUDED.gad7_count,
      alliance_latest = EXCLUDED.alliance_latest,
      alliance_latest_at = EXCLUDED.alliance_latest_at,
      alliance_previous = EXCLUDED.alliance_previous,
      mood_count = EXCLUDED.mood_count,
      mood_last_date = EXCLUDED.mood_last_date,
      sessions_attended = EXCLUDED.sessions_attended,
      sessions_missed = EXCLUDED.sessions_missed,
      homework_reports = EXCLUDED.homework_reports,
      last_activity_at = EXCLUDED.last_activity_at,
      updated_at = EXCLUDED.updated_at`;
  const result = await db.query(sql, practiceId ? [practiceId] : []);
  return result.rowCount ?? 0;
}

/**
 * Recomputes episode_outcome for every episode, of one practice or all, with one set-based call per
 * practice of cairn_refresh_episode_outcomes (which holds the definitions; statement triggers call it
 * on each write). Finished episodes get a row, others lose theirs. Used after bulk loads, which may
 * skip triggers. Returns the number of rows written.
 */
export async function refreshEpisodeOutcomes(db: pg.ClientBase | pg.Pool, practiceId?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT COALESCE(sum(n), 0)::int AS n FROM (
       SELECT cairn_refresh_episode_outcomes(practice_id, array_agg(id)) AS n
         FROM episode ${practiceId ? 'WHERE practice_id = $1::uuid' : ''} GROUP BY practice_id) refreshed`,
    practiceId ? [practiceId] : [],
  );
  return rows[0]?.n ?? 0;
}
