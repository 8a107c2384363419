/**
 * The episode a response of `measure_response m` is shown with: its own, or for one given outside an
 * open episode the latest episode started by that day (none when the client had none yet).
 * COALESCE stops at the first non-null argument, so responses with an episode cost nothing here.
 */
export const CONTEXT_EPISODE = `COALESCE(m.episode_id, (SELECT e.id FROM episode e
  WHERE e.practice_id = m.practice_id AND e.client_id = m.client_id AND e.started_on <= m.submitted_at::date
  ORDER BY e.started_on DESC LIMIT 1))`;

/** MeasureResponse columns from `measure_response m` left-joined to `therapy_session s`. */
export const MEASURE_COLUMNS = `m.id, m.instrument_code AS "instrumentCode", m.answers, m.total, m.submitted_at AS "submittedAt",
  m.session_id AS "sessionId", s.number AS "sessionNumber", m.comment, m.help_now AS "helpNow",
  m.episode_id AS "episodeId", ${CONTEXT_EPISODE} AS "contextEpisodeId"`;
