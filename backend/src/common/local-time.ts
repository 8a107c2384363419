const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date in a time zone: a client's "today" is their own, not the server's. */
export function localDateIn(timeZone: string, at: Date = new Date()): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one; zones are few.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  // en-CA formats as YYYY-MM-DD.
  return format.format(at);
}
