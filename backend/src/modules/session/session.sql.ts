export const SESSION_COLUMNS = `s.id, s.client_id AS "clientId", s.episode_id AS "episodeId", s.scheduled_at AS "scheduledAt",
  s.duration_minutes AS "durationMinutes", s.number, s.status`;

/**
 * Session numbers are the episode's sessions in date order, counting every booked session whatever
 * became of it (so a number never changes when attendance is recorded; the attended count is its
 * own figure). $1 episode. Only rows whose number moves are written.
 */
export const RENUMBER_EPISODE_SQL = `UPDATE therapy_session t SET number = o.n
  FROM (SELECT practice_id, id, row_number() OVER (ORDER BY scheduled_at, created_at, id)::int AS n
          FROM therapy_session WHERE episode_id = $1) o
 WHERE t.practice_id = o.practice_id AND t.id = o.id AND t.number <> o.n`;
