export type HomeworkStatus = 'DONE' | 'PARTIAL' | 'NOT_DONE';

/**
 * Homework adherence over a window: (done + 0.5 × partial) / expected reports, capped at 1 so
 * extra reports cannot hide missed ones elsewhere. Half credit for a partial report is Cairn's
 * convention (DESIGN.md); compliance is tracked because it predicts outcome (Kazantzis, Deane &
 * Ronan 2000, Clin Psychol Sci Pract 7:189-202). Null when nothing was expected.
 */
export function homeworkAdherence(reports: readonly { status: HomeworkStatus }[], expected: number): number | null {
  if (!(expected >= 0)) throw new RangeError(`Expected reports must be >= 0, got ${expected}`);
  if (expected === 0) return null;
  const credit = reports.reduce(
    (sum, report) => sum + (report.status === 'DONE' ? 1 : report.status === 'PARTIAL' ? 0.5 : 0),
    0,
  );
  return Math.min(1, credit / expected);
}
