// Client-local calendar dates ('YYYY-MM-DD') as whole day numbers, so windows never cross a
// time-zone or daylight-saving boundary: the client's own calendar day is the unit.

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A local date written 'YYYY-MM-DD', e.g. '2025-03-09'. */
export type LocalDate = string;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over into March; a round trip catches impossible dates.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Caseload statistics convert the same few hundred dates over and over; parsing is the cost.
const dayNumbers = new Map<string, number>();
const MAX_CACHED_DATES = 20_000;

/** Days since 1970-01-01 for a local date; throws on anything but a real 'YYYY-MM-DD'. */
export function toDayNumber(date: LocalDate): number {
  const cached = dayNumbers.get(date);
  if (cached !== undefined) return cached;
  if (!isLocalDate(date)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const n = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  if (dayNumbers.size >= MAX_CACHED_DATES) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** First day of the `days`-day window that ends on (and includes) `asOf`. */
export function windowStart(asOf: LocalDate, days: number): LocalDate {
  return addDays(asOf, -(days - 1));
}
