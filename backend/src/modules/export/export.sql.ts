/** A response is in the period when its client-local date is ($1 to $2); an unknown zone reads as UTC. */
const IN_PERIOD = `cairn_local_date(m.submitted_at, c.timezone) BETWEEN $1::date AND $2::date`;

/** One response as the spreadsheet formats write it; text is formatted in SQL so rows stay small. */
export interface MeasureRow {
  clientCode: string;
  clientName: string | null;
  instrumentCode: string;
  instrumentVersion: string;
  /** ISO 8601, UTC. */
  submittedAt: string;
  total: number;
  /** Item answers in item order, separated by ';'. */
  answers: string;
}

const MEASURES_FROM = `
  FROM measure_response m
  JOIN client c ON c.practice_id = m.practice_id AND c.id = m.client_id
 WHERE ${IN_PERIOD} AND ($3::text[] IS NULL OR m.instrument_code = ANY ($3::text[]))
 ORDER BY m.client_id, m.instrument_code, m.submitted_at, m.id`;

/**
 * Raw questionnaire responses of the period (instruments $3, null for all; $4 selects names),
 * client by client in the order of the timeline index; never the free-text comment.
 */
export const MEASURES_SQL = `
SELECT c.code AS "clientCode", CASE WHEN $4::boolean THEN c.display_name END AS "clientName",
       m.instrument_code AS "instrumentCode", m.instrument_version AS "instrumentVersion",
       to_char(m.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedAt",
       m.total, array_to_string(m.answers, ';') AS answers ${MEASURES_FROM}`;

export interface ResponseRow {
  id: string;
  clientId: string;
  clientCode: string;
  instrumentCode: string;
  submittedAt: Date;
  total: number;
  answers: number[];
}

/** The same responses with what FHIR resources need: ids for references, answers as numbers. */
export const RESPONSES_SQL = `
SELECT m.id, c.id AS "clientId", c.code AS "clientCode", m.instrument_code AS "instrumentCode",
       m.submitted_at AS "submittedAt", m.total, m.answers ${MEASURES_FROM}`;

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
