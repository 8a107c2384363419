import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { addDays, parseLocalDate } from '../../charts/scales';
import type { ClientTimeline } from '../graphql/client';
import { timelineDomain } from '../timelineData';

export type TimelineRange = 'EPISODE' | 'DAYS_90' | 'ALL';

export const RANGE_LABEL: Record<TimelineRange, string> = {
  EPISODE: 'Current episode',
  DAYS_90: 'Last 90 days',
  ALL: 'All history',
};

/** The time range the timeline shows (?range=), and the shared domain for every chart. */
export function useTimelineRange(client: ClientTimeline | undefined): {
  range: TimelineRange;
  setRange: (range: TimelineRange) => void;
  domain: [Date, Date] | null;
} {
  const [params, setParams] = useSearchParams();
  const requested = params.get('range');
  const range: TimelineRange = requested === 'DAYS_90' || requested === 'ALL' ? requested : 'EPISODE';
  const domain = useMemo<[Date, Date] | null>(() => {
    if (!client) return null;
    const [start, end] = timelineDomain(client);
    if (range === 'DAYS_90') return [new Date(Math.max(start.getTime(), addDays(end, -93).getTime())), end];
    if (range === 'EPISODE' && client.episode) {
      const episodeStart = addDays(parseLocalDate(client.episode.startedOn), -3);
      // Keep at least four weeks visible for a brand-new episode.
      return [new Date(Math.min(Math.max(start.getTime(), episodeStart.getTime()), addDays(end, -31).getTime())), end];
    }
    return [start, end];
  }, [client, range]);
  return {
    range,
    setRange: (next) =>
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === 'EPISODE') updated.delete('range');
          else updated.set('range', next);
          return updated;
        },
        { replace: true },
      ),
    domain,
  };
}

/** Keeps the items whose date falls inside the domain (charts draw only what is on the axis). */
export function withinDomain<T>(
  items: readonly T[],
  dateOf: (item: T) => Date,
  [start, end]: readonly [Date, Date],
): T[] {
  const from = start.getTime();
  const to = end.getTime();
  return items.filter((item) => {
    const time = dateOf(item).getTime();
    return time >= from && time <= to;
  });
}
