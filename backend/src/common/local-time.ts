import type { RequestDb } from '../database/request-db.js';
import { badInput } from './errors.js';
import { isTimeZone } from './validation.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let format = formatters.get(timeZone);
  if (!format && isTimeZone(timeZone)) {
    // Building a formatter costs far more than using one; zones are few.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar date in a time zone: a client's "today" is their own, not the server's. A stored zone
 * this server does not know (one a tzdata update removed) reads as UTC, as SQL's cairn_local_date
 * does, so one bad row never stops a write (a risk signal among them) or a view.
 */
export function localDateIn(timeZone: string, at: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return (formatterFor(timeZone) ?? formatterFor('UTC')!).format(at);
}

let postgresZones: Promise<ReadonlySet<string>> | undefined;

/**
 * Time zones a client may have: those PostgreSQL knows (pg_timezone_names, which SQL's AT TIME ZONE
 * uses) that this server's Intl knows too. Read once per process: the view costs 40-180 ms a call.
 */
export async function clientTimeZones(db: RequestDb): Promise<ReadonlySet<string>> {
  postgresZones ??= db
    .query<{ name: string }>(`SELECT name FROM pg_timezone_names ORDER BY name`)
    .then((rows) => new Set(rows.map((r) => r.name).filter(isTimeZone)));
  try {
    return await postgresZones;
  } catch (error) {
    postgresZones = undefined;
    throw error;
  }
}

/** Refuses a zone PostgreSQL does not know (Node knows some it does not, e.g. US/Pacific-New). */
export async function checkClientTimeZone(db: RequestDb, field: string, timeZone: string): Promise<void> {
  if (!(await clientTimeZones(db)).has(timeZone)) {
    throw badInput(field, `${field} must be one of the time zones listed by timeZones, such as America/New_York`);
  }
}
