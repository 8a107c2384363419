import { useMemo } from 'react';
import type { Goal } from '../../common/graphql/types';
import { formatDateTime } from '../../common/lib/format';
import { useRovingPoints } from '../hooks/useRovingPoints';
import { useTimelineScales } from '../hooks/useTimelineScales';
import { sortByDate, trajectoryPath } from '../paths';
import { TimeAxis, ValueAxis } from './Axes';
import { ChartFigure, LegendItem } from './ChartFigure';

/** One goal's progress ratings (0-10) on the shared time axis. */
export function GoalProgressChart({
  goal,
  domain,
  width,
  height = 120,
}: {
  goal: Goal;
  domain: readonly [Date, Date];
  width: number;
  height?: number;
}) {
  const { innerWidth, innerHeight, x, y } = useTimelineScales({ width, height, domain, valueDomain: [0, 10] });
  const points = useMemo(
    () => sortByDate(goal.ratings.map((rating) => ({ date: new Date(rating.ratedAt), value: rating.rating, rating }))),
    [goal.ratings],
  );
  const line = useMemo(() => trajectoryPath(points, x, y), [points, x, y]);
  const { active, pointProps } = useRovingPoints(points.length);
  const activePoint = active === null ? null : points[active];
  const first = points[0];
  const latest = points[points.length - 1];

  return (
    <ChartFigure
      testId={`chart-goal-${goal.id}`}
      title={`Goal: ${goal.title}`}
      headingLevel={4}
      summary={
        latest
          ? `Progress ${latest.value} of 10 (latest, ${formatDateTime(latest.rating.ratedAt)})${points.length > 1 && first ? `, from ${first.value} at the first rating` : ''}. Status: ${goal.status.toLowerCase()}.`
          : `No progress ratings yet. Status: ${goal.status.toLowerCase()}.`
      }
      width={width}
      height={height}
      table={{
        columns: ['Date', 'Progress (0-10)'],
        rows: points.map((point) => [formatDateTime(point.rating.ratedAt), point.value]),
      }}
      tooltip={
        activePoint && {
          x: x(activePoint.date),
          y: y(activePoint.value),
          content: (
            <>
              <strong>Progress {activePoint.value} / 10</strong>
              <span>{formatDateTime(activePoint.rating.ratedAt)}</span>
            </>
          ),
        }
      }
      legend={
        <LegendItem swatch="line" tone="goal">
          Progress rating
        </LegendItem>
      }
    >
      <ValueAxis y={y} innerWidth={innerWidth} ticks={[0, 5, 10]} />
      <TimeAxis x={x} innerHeight={innerHeight} />
      <path className="mark-line mark-line--goal" d={line} />
      {points.map((point, index) => (
        <circle
          key={point.rating.id}
          className="mark-point mark-point--goal"
          cx={x(point.date)}
          cy={y(point.value)}
          r={active === index ? 6 : 4}
          data-testid="chart-point"
          role="img"
          aria-label={`Progress ${point.value} of 10 on ${formatDateTime(point.rating.ratedAt)}`}
          {...pointProps(index)}
        />
      ))}
    </ChartFigure>
  );
}
