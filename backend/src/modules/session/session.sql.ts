export const SESSION_COLUMNS = `s.id, s.client_id AS "clientId", s.episode_id AS "episodeId", s.scheduled_at AS "scheduledAt",
  s.duration_minutes AS "durationMinutes", s.number, s.status`;
