import { useMemo } from 'react';
import { formatLocalDate, formatShare } from '../../common/lib/format';
import { useRovingPoints } from '../hooks/useRovingPoints';
import { useTimelineScales } from '../hooks/useTimelineScales';
import { weekBars } from '../paths';
import { parseLocalDate } from '../scales';
import { TimeAxis, ValueAxis } from './Axes';
import { ChartFigure, LegendItem } from './ChartFigure';

export interface WeekAdherenceView {
  weekStart: string;
  adherence: number | null;
}

/** Share of expected homework reported done each week (partly done counts half), as bars. */
export function HomeworkAdherenceChart({
  weeks,
  domain,
  width,
  height = 150,
}: {
  weeks: readonly WeekAdherenceView[];
  domain: readonly [Date, Date];
  width: number;
  height?: number;
}) {
  const { innerWidth, innerHeight, x, y } = useTimelineScales({ width, height, domain, valueDomain: [0, 1] });
  const bars = useMemo(
    () =>
      weekBars(
        weeks.map((week) => ({ weekStart: parseLocalDate(week.weekStart), value: week.adherence })),
        x,
        y,
      ),
    [weeks, x, y],
  );
  const { active, pointProps } = useRovingPoints(bars.length);
  const activeBar = active === null ? null : bars[active];
  const measured = weeks.filter((week) => week.adherence !== null);
  const average = measured.length
    ? measured.reduce((sum, week) => sum + (week.adherence ?? 0), 0) / measured.length
    : null;

  return (
    <ChartFigure
      testId="chart-homework"
      title="Homework adherence by week"
      summary={
        measured.length === 0
          ? 'No homework was expected yet.'
          : `${measured.length} week${measured.length === 1 ? '' : 's'} with homework expected; average ${formatShare(average)} done (partly done counts half).`
      }
      width={width}
      height={height}
      table={{
        columns: ['Week starting', 'Adherence'],
        rows: weeks.map((week) => [
          formatLocalDate(week.weekStart),
          week.adherence === null ? 'nothing expected' : formatShare(week.adherence),
        ]),
      }}
      tooltip={
        activeBar && {
          x: activeBar.x + activeBar.width / 2,
          y: activeBar.y,
          content: (
            <>
              <strong>{formatShare(activeBar.value)} done</strong>
              <span>Week of {formatLocalDate(activeBar.weekStart.toISOString().slice(0, 10))}</span>
            </>
          ),
        }
      }
      legend={<LegendItem swatch="bar">Share of expected reports done</LegendItem>}
    >
      <ValueAxis y={y} innerWidth={innerWidth} ticks={[0, 0.5, 1]} format={(value) => `${value * 100}%`} />
      <TimeAxis x={x} innerHeight={innerHeight} />
      {bars.map((bar, index) => (
        <rect
          key={bar.weekStart.getTime()}
          className={`mark-bar${active === index ? ' is-active' : ''}${bar.value < 0.3 ? ' mark-bar--low' : ''}`}
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={Math.max(bar.height, 1)}
          data-testid="chart-point"
          role="img"
          aria-label={`Week of ${formatLocalDate(bar.weekStart.toISOString().slice(0, 10))}: ${formatShare(bar.value)} of homework done`}
          {...pointProps(index)}
        />
      ))}
    </ChartFigure>
  );
}
