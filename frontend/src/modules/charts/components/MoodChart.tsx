import { useMemo } from 'react';
import type { MoodEntry } from '../../common/graphql/types';
import { formatLocalDate, formatNumber } from '../../common/lib/format';
import { useRovingPoints } from '../hooks/useRovingPoints';
import { useTimelineScales } from '../hooks/useTimelineScales';
import { sortByDate, trajectoryPath } from '../paths';
import { rollingMean } from '../rollingMean';
import { parseLocalDate } from '../scales';
import { TimeAxis, ValueAxis } from './Axes';
import { ChartFigure, LegendItem } from './ChartFigure';

interface MoodPointView {
  date: Date;
  value: number;
  entry: MoodEntry;
}

const toMoodPoint = (entry: MoodEntry): MoodPointView => ({
  date: parseLocalDate(entry.localDate),
  value: entry.rating,
  entry,
});

/** Daily mood ratings (1-10) as dots with the trailing 7-day mean as a line. */
export function MoodChart({
  moods,
  domain,
  width,
  height = 180,
  testId = 'chart-mood',
  title = 'Daily mood',
}: {
  moods: readonly MoodEntry[];
  domain: readonly [Date, Date];
  width: number;
  height?: number;
  testId?: string;
  title?: string;
}) {
  const { innerWidth, innerHeight, x, y } = useTimelineScales({ width, height, domain, valueDomain: [1, 10] });
  const points = useMemo(() => sortByDate(moods.map(toMoodPoint)), [moods]);
  const means = useMemo(() => rollingMean(points, 7), [points]);
  const meanPath = useMemo(() => trajectoryPath(means, x, y), [means, x, y]);
  const meanByDay = useMemo(() => new Map(means.map((mean) => [mean.date.getTime(), mean.value])), [means]);
  const { active, pointProps } = useRovingPoints(points.length);
  const activePoint = active === null ? null : points[active];
  const latestMean = means[means.length - 1];

  return (
    <ChartFigure
      testId={testId}
      title={title}
      summary={
        points.length === 0
          ? 'No mood entries yet.'
          : `${points.length} daily rating${points.length === 1 ? '' : 's'} from 1 (worst) to 10 (best). Latest 7-day mean ${formatNumber(latestMean?.value)} on ${formatLocalDate(points[points.length - 1].entry.localDate)}.`
      }
      width={width}
      height={height}
      table={{
        columns: ['Date', 'Mood', '7-day mean', 'Note'],
        rows: points.map((point) => [
          formatLocalDate(point.entry.localDate),
          point.value,
          formatNumber(meanByDay.get(point.date.getTime())),
          `${point.entry.helpNow ? 'Asked for help now. ' : ''}${point.entry.note ?? ''}`,
        ]),
      }}
      tooltip={
        activePoint && {
          x: x(activePoint.date),
          y: y(activePoint.value),
          content: (
            <>
              <strong>Mood {activePoint.value} / 10</strong>
              <span>{formatLocalDate(activePoint.entry.localDate)}</span>
              <span>7-day mean {formatNumber(meanByDay.get(activePoint.date.getTime()))}</span>
              {activePoint.entry.note && <span className="tooltip__note">“{activePoint.entry.note}”</span>}
              {activePoint.entry.helpNow && <span className="tooltip__alert">Asked for help now</span>}
            </>
          ),
        }
      }
      legend={
        <>
          <LegendItem swatch="dot" tone="mood">
            Daily rating
          </LegendItem>
          <LegendItem swatch="mean">7-day mean</LegendItem>
        </>
      }
    >
      <ValueAxis y={y} innerWidth={innerWidth} ticks={[1, 4, 7, 10]} />
      <TimeAxis x={x} innerHeight={innerHeight} />
      {points.map((point, index) => (
        <circle
          key={point.entry.id}
          className={`mark-dot${point.entry.helpNow ? ' mark-dot--help' : ''}`}
          cx={x(point.date)}
          cy={y(point.value)}
          r={active === index ? 5.5 : 3.5}
          data-testid="chart-point"
          role="img"
          aria-label={`Mood ${point.value} on ${formatLocalDate(point.entry.localDate)}${point.entry.note ? `: ${point.entry.note}` : ''}`}
          {...pointProps(index)}
        />
      ))}
      <path className="mark-line mark-line--mean" d={meanPath} />
    </ChartFigure>
  );
}
