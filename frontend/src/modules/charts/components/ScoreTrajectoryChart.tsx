import { useMemo } from 'react';
import type { ScoreSummary } from '../../common/graphql/types';
import { CHANGE_CLASS_LABEL, type ScoreInstrument } from '../../common/lib/clinicalWording';
import { formatDateTime, formatSigned } from '../../common/lib/format';
import { useRovingPoints } from '../hooks/useRovingPoints';
import { useTimelineScales } from '../hooks/useTimelineScales';
import { bandArea, sortByDate, trajectoryPath, valueBandRect, type TimeBand } from '../paths';
import { reliableChangeBounds } from '../scales';
import { ReferenceLine, TimeAxis, ValueAxis } from './Axes';
import { ChartFigure, LegendItem } from './ChartFigure';

interface ScoreChartPoint {
  date: Date;
  value: number;
  sessionNumber: number | null;
  at: string;
}

const toChartPoint = (point: ScoreSummary['points'][number]): ScoreChartPoint => ({
  date: new Date(point.at),
  value: point.total,
  sessionNumber: point.sessionNumber,
  at: point.at,
});

/**
 * A PHQ-9 or GAD-7 trajectory on the shared time axis: scores joined by a line, the caseness
 * cut-off, the band of no reliable change around the baseline, and the expected-trajectory band.
 */
export function ScoreTrajectoryChart({
  testId,
  instrument,
  summary,
  expected,
  domain,
  width,
  height = 220,
}: {
  testId: string;
  instrument: ScoreInstrument;
  summary: ScoreSummary;
  expected: readonly TimeBand[];
  domain: readonly [Date, Date];
  width: number;
  height?: number;
}) {
  const { innerWidth, innerHeight, x, y } = useTimelineScales({
    width,
    height,
    domain,
    valueDomain: [0, instrument.max],
  });
  const points = useMemo(() => sortByDate(summary.points.map(toChartPoint)), [summary.points]);
  const line = useMemo(() => trajectoryPath(points, x, y), [points, x, y]);
  const expectedPath = useMemo(() => bandArea(expected, x, y), [expected, x, y]);
  const baseline = summary.baseline;
  const noChange =
    baseline === null ? null : reliableChangeBounds(baseline, instrument.reliableChange, [0, instrument.max]);
  const noChangeRect = noChange ? valueBandRect(noChange.lower, noChange.upper, y, innerWidth) : null;
  const { active, pointProps } = useRovingPoints(points.length);
  const activePoint = active === null ? null : points[active];
  const ticks = instrument.max === 27 ? [0, 5, 10, 15, 20, 27] : [0, 5, 8, 10, 15, 21];

  return (
    <ChartFigure
      testId={testId}
      title={`${instrument.label} over time`}
      summary={describeScores(instrument, summary)}
      width={width}
      height={height}
      table={{
        columns: ['Date', 'Session', instrument.label],
        rows: points.map((point) => [formatDateTime(point.at), point.sessionNumber ?? '—', point.value]),
      }}
      tooltip={
        activePoint && {
          x: x(activePoint.date),
          y: y(activePoint.value),
          content: (
            <>
              <strong>
                {instrument.label} {activePoint.value}
              </strong>
              <span>{formatDateTime(activePoint.at)}</span>
              {activePoint.sessionNumber !== null && <span>Session {activePoint.sessionNumber}</span>}
              {baseline !== null && <span>{formatSigned(activePoint.value - baseline)} from baseline</span>}
            </>
          ),
        }
      }
      legend={
        <>
          <LegendItem swatch="line">{instrument.label} total</LegendItem>
          <LegendItem swatch="dashed">Caseness ({instrument.caseness})</LegendItem>
          {noChange && (
            <LegendItem swatch="hatched">
              Within ±{instrument.reliableChange} of baseline (no reliable change)
            </LegendItem>
          )}
          {expected.length > 0 && <LegendItem swatch="band">Expected range for starting severity</LegendItem>}
        </>
      }
    >
      <ValueAxis y={y} innerWidth={innerWidth} ticks={ticks} />
      {expectedPath && <path className="mark-band mark-band--expected" d={expectedPath} />}
      {noChangeRect && (
        <g className="mark-rc">
          <rect x={noChangeRect.x} y={noChangeRect.y} width={noChangeRect.width} height={noChangeRect.height} />
          <line x1={0} x2={innerWidth} y1={noChangeRect.y} y2={noChangeRect.y} />
          <line
            x1={0}
            x2={innerWidth}
            y1={noChangeRect.y + noChangeRect.height}
            y2={noChangeRect.y + noChangeRect.height}
          />
        </g>
      )}
      <ReferenceLine
        y={y}
        value={instrument.caseness}
        innerWidth={innerWidth}
        label={`caseness ${instrument.caseness}`}
        className="reference--caseness"
      />
      <TimeAxis x={x} innerHeight={innerHeight} />
      <path className="mark-line mark-line--score" d={line} />
      {points.map((point, index) => (
        <circle
          key={`${point.at}-${index}`}
          className={`mark-point${point.value >= instrument.caseness ? ' mark-point--case' : ''}`}
          cx={x(point.date)}
          cy={y(point.value)}
          r={active === index ? 6 : 4.5}
          data-testid="chart-point"
          role="img"
          aria-label={`${instrument.label} ${point.value} on ${formatDateTime(point.at)}${point.sessionNumber !== null ? `, session ${point.sessionNumber}` : ''}`}
          {...pointProps(index)}
        />
      ))}
    </ChartFigure>
  );
}

function describeScores(instrument: ScoreInstrument, summary: ScoreSummary): string {
  if (summary.latest === null || summary.points.length === 0) return `No ${instrument.label} scores yet.`;
  const parts = [`Latest ${instrument.label} ${summary.latest}`];
  if (summary.band) parts[0] += ` (${summary.band})`;
  if (summary.baseline !== null && summary.points.length > 1) {
    parts.push(`baseline ${summary.baseline}, change ${formatSigned(summary.change)}`);
  }
  if (summary.changeClass) parts.push(CHANGE_CLASS_LABEL[summary.changeClass]);
  parts.push(
    summary.latest >= instrument.caseness
      ? `at or above caseness (${instrument.caseness})`
      : `below caseness (${instrument.caseness})`,
  );
  return `${parts.join('; ')}. ${summary.points.length} score${summary.points.length === 1 ? '' : 's'}.`;
}
