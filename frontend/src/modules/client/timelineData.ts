import { parseLocalDate, timeDomain } from '../charts/scales';
import type { TimeBand } from '../charts/paths';
import type { ScoreSummary } from '../common/graphql/types';
import type { ClientTimeline, ExpectedBand, TherapySession } from './graphql/client';

/**
 * Places the expected-trajectory band (given per session number) on the time axis: at the date the
 * score for that session was given, else the date of that session in the current episode. Session
 * numbers with neither (not yet scheduled) are left out.
 */
export function expectedBandOnTimeline(
  bands: readonly ExpectedBand[],
  summary: ScoreSummary,
  sessions: readonly TherapySession[],
  episodeStartedOn: string | null,
): TimeBand[] {
  const dateByNumber = new Map<number, Date>();
  const episodeStart = episodeStartedOn ? parseLocalDate(episodeStartedOn).getTime() : -Infinity;
  for (const session of sessions) {
    const at = new Date(session.scheduledAt);
    if (at.getTime() >= episodeStart && session.status !== 'CANCELLED') dateByNumber.set(session.number, at);
  }
  for (const point of summary.points) {
    if (point.sessionNumber !== null) dateByNumber.set(point.sessionNumber, new Date(point.at));
  }
  return bands
    .filter((band) => dateByNumber.has(band.sessionNumber))
    .map((band) => ({ date: dateByNumber.get(band.sessionNumber) as Date, lower: band.lower, upper: band.upper }));
}

/** The one time range every chart on the timeline shares: all the client's dated data, padded. */
export function timelineDomain(client: ClientTimeline, now: Date = new Date()): [Date, Date] {
  const dates: Date[] = [];
  if (client.episode) dates.push(parseLocalDate(client.episode.startedOn));
  for (const point of [...client.phq9.points, ...client.gad7.points]) dates.push(new Date(point.at));
  for (const response of client.alliance) dates.push(new Date(response.submittedAt));
  for (const mood of client.moods) dates.push(parseLocalDate(mood.localDate));
  for (const session of client.sessions) dates.push(new Date(session.scheduledAt));
  for (const week of client.weeklyHomeworkAdherence)
    dates.push(new Date(parseLocalDate(week.weekStart).getTime() + 7 * 86_400_000));
  for (const goal of client.goals) for (const rating of goal.ratings) dates.push(new Date(rating.ratedAt));
  dates.push(now);
  // A session booked months ahead would squash the history; show at most three weeks of future.
  const horizon = now.getTime() + 21 * 86_400_000;
  return timeDomain(
    dates.filter((date) => date.getTime() <= horizon),
    { padDays: 3, minDays: 28, fallbackEnd: now },
  );
}
