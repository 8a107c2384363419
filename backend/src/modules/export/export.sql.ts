/** A response is in the period when its client-local date is; $3 selects client names (identifiable only). */
const IN_PERIOD = `(m.submitted_at AT TIME ZONE c.timezone)::date BETWEEN $1::date AND $2::date`;

export interface MeasureRow {
  id: string;
  clientId: string;
  clientCode: string;
  clientName: string | null;
  instrumentCode: string;
  instrumentVersion: string;
  submittedAt: Date;
  total: number;
  answers: number[];
}

/**
 * Raw questionnaire responses of the period, client by client in the order of the timeline index;
 * never the free-text comment. $4 limits the instruments (null: all).
 */
export const MEASURES_SQL = `
SELECT m.id, c.id AS "clientId", c.code AS "clientCode", CASE WHEN $3::boolean THEN c.display_name END AS "clientName",
       m.instrument_code AS "instrumentCode", m.instrument_version AS "instrumentVersion",
       m.submitted_at AS "submittedAt", m.total, m.answers
  FROM measure_response m
  JOIN client c ON c.practice_id = m.practice_id AND c.id = m.client_id
 WHERE ${IN_PERIOD} AND ($4::text[] IS NULL OR m.instrument_code = ANY($4::text[]))
 ORDER BY m.client_id, m.instrument_code, m.submitted_at, m.id`;

export interface PatientRow {
  clientId: string;
  clientCode: string;
  clientName: string | null;
}

/** Clients with a response (of the instruments $4) or a mood entry in the period. */
export const PATIENTS_SQL = `
SELECT c.id AS "clientId", c.code AS "clientCode", CASE WHEN $3::boolean THEN c.display_name END AS "clientName"
  FROM client c
 WHERE EXISTS (SELECT 1 FROM measure_response m
                WHERE m.practice_id = c.practice_id AND m.client_id = c.id AND m.instrument_code = ANY($4::text[]) AND ${IN_PERIOD})
    OR EXISTS (SELECT 1 FROM mood_entry me
                WHERE me.practice_id = c.practice_id AND me.client_id = c.id AND me.local_date BETWEEN $1::date AND $2::date)
 ORDER BY c.id`;

export interface MoodRow {
  id: string;
  clientId: string;
  clientCode: string;
  localDate: string;
  rating: number;
}

/** Mood ratings of the period; never the note. */
export const MOODS_SQL = `
SELECT me.id, me.client_id AS "clientId", c.code AS "clientCode", me.local_date AS "localDate", me.rating
  FROM mood_entry me
  JOIN client c ON c.practice_id = me.practice_id AND c.id = me.client_id
 WHERE me.local_date BETWEEN $1::date AND $2::date
 ORDER BY me.client_id, me.local_date`;
