import type { ReportInstrument } from './graphql/report';

/** What a report shows, as kept in the URL: ?from=YYYY-MM-DD&to=YYYY-MM-DD&therapist=<id>&instrument=PHQ9|GAD7. */
export interface ReportParams {
  from: string;
  to: string;
  /** One therapist's row (and funnel point) only; null for every therapist. */
  therapistId: string | null;
  /** Instrument of mean change and effect size. */
  instrument: ReportInstrument;
}

export const REPORT_INSTRUMENTS: readonly ReportInstrument[] = ['PHQ9', 'GAD7'];
export const DEFAULT_INSTRUMENT: ReportInstrument = 'PHQ9';
/** The API refuses a longer period. */
export const MAX_SPAN_YEARS = 5;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toLocalDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (2025-02-29 is not). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function addDaysToLocalDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return toLocalDate(new Date(Date.UTC(year, month - 1, day + days)));
}

/** The same day `years` later (or earlier); 29 February becomes 28 February in a common year. */
export function addYearsToLocalDate(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return toLocalDate(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay))));
}

/** The last 12 months up to and including `today`: 2026-11-21 gives 2025-11-22 to 2026-11-21. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDaysToLocalDate(addYearsToLocalDate(today, -1), 1), to: today };
}

export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

/** Why the API would refuse this period, in words for the form; null when it is fine. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  if (!isLocalDate(from)) return { field: 'from', message: 'Enter the first day of the period as a date.' };
  if (!isLocalDate(to)) return { field: 'to', message: 'Enter the last day of the period as a date.' };
  if (from > to) return { field: 'to', message: 'The last day must be on or after the first day.' };
  if (to > addYearsToLocalDate(from, MAX_SPAN_YEARS)) {
    return { field: 'to', message: `A report can cover at most ${MAX_SPAN_YEARS} years.` };
  }
  return null;
}

export function isTherapistId(value: string): boolean {
  return UUID.test(value);
}

/**
 * The report a URL asks for. Missing or unusable values fall back to the last 12 months up to
 * `today`, every therapist and PHQ-9; `adjusted` says that something in the URL was ignored.
 */
export function readReportParams(search: URLSearchParams, today: string): { params: ReportParams; adjusted: boolean } {
  const rawFrom = search.get('from');
  const rawTo = search.get('to');
  const rawTherapist = search.get('therapist');
  const rawInstrument = search.get('instrument');
  let adjusted = false;

  let period = defaultPeriod(today);
  if (rawFrom !== null || rawTo !== null) {
    // One end alone keeps a 12-month span from it, so `?from=` or `?to=` by itself still reads sensibly.
    const from = rawFrom ?? (rawTo !== null && isLocalDate(rawTo) ? defaultPeriod(rawTo).from : '');
    const to = rawTo ?? (isLocalDate(from) ? addDaysToLocalDate(addYearsToLocalDate(from, 1), -1) : '');
    if (periodProblem(from, to) === null) period = { from, to };
    else adjusted = true;
  }

  let therapistId: string | null = null;
  if (rawTherapist !== null && rawTherapist !== '') {
    if (isTherapistId(rawTherapist)) therapistId = rawTherapist.toLowerCase();
    else adjusted = true;
  }

  let instrument = DEFAULT_INSTRUMENT;
  if (rawInstrument !== null && rawInstrument !== '') {
    const known = REPORT_INSTRUMENTS.find((code) => code === rawInstrument.toUpperCase());
    if (known) instrument = known;
    else adjusted = true;
  }

  return { params: { ...period, therapistId, instrument }, adjusted };
}

/** The URL query of a report: the period always (so a shared link means the same days), the rest when set. */
export function reportSearch(params: ReportParams): URLSearchParams {
  const search = new URLSearchParams({ from: params.from, to: params.to });
  if (params.therapistId) search.set('therapist', params.therapistId);
  if (params.instrument !== DEFAULT_INSTRUMENT) search.set('instrument', params.instrument);
  return search;
}
