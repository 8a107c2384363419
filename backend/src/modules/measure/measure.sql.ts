/** MeasureResponse columns from `measure_response m` left-joined to `therapy_session s`. */
export const MEASURE_COLUMNS = `m.id, m.instrument_code AS "instrumentCode", m.answers, m.total, m.submitted_at AS "submittedAt",
  m.session_id AS "sessionId", s.number AS "sessionNumber", m.comment, m.help_now AS "helpNow"`;
