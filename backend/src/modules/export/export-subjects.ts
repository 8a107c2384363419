import type { RequestDb } from '../../database/request-db.js';
import type { ExportRequest } from './export.service.js';
import { ExportDataset, ExportFormat } from './export.types.js';

/** Clients with an episode that ended in the period: the episode rows (CSV EPISODES, XLSX). */
const EPISODE_CLIENTS = `SELECT e.client_id FROM episode e WHERE e.ended_on BETWEEN $1::date AND $2::date`;
/** Clients with a questionnaire response in the period, by their local date (CSV MEASURES, XLSX, FHIR). */
const RESPONSE_CLIENTS = `SELECT m.client_id FROM measure_response m
  JOIN client c ON c.practice_id = m.practice_id AND c.id = m.client_id
 WHERE cairn_local_date(m.submitted_at, c.timezone) BETWEEN $1::date AND $2::date`;
/** Clients with a mood entry in the period (FHIR Patient resources). */
const MOOD_CLIENTS = `SELECT x.client_id FROM mood_entry x WHERE x.local_date BETWEEN $1::date AND $2::date`;

/**
 * The clients whose identifiable data (their name beside their records) an identifiable export
 * contains, so each gets an audit row of their own. A superset where formats differ slightly
 * (e.g. all instruments, not only those FHIR writes): better one row too many than one missing.
 */
export async function identifiedClients(db: RequestDb, request: ExportRequest): Promise<string[]> {
  if (!request.identifiable) return [];
  const parts =
    request.format === ExportFormat.CSV
      ? [request.dataset === ExportDataset.MEASURES ? RESPONSE_CLIENTS : EPISODE_CLIENTS]
      : request.format === ExportFormat.FHIR
        ? [RESPONSE_CLIENTS, MOOD_CLIENTS]
        : [EPISODE_CLIENTS, RESPONSE_CLIENTS];
  const rows = await db.query<{ client_id: string }>(
    `SELECT DISTINCT client_id FROM (${parts.join(' UNION ')}) s ORDER BY client_id`,
    [request.from, request.to],
  );
  return rows.map((r) => r.client_id);
}
