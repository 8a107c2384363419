import { useMemo } from 'react';
import type { MeasureResponse } from '../../common/graphql/types';
import { ALLIANCE_ITEMS } from '../../common/lib/allianceItems';
import { ALLIANCE_CONCERN_BELOW, ALLIANCE_MAX } from '../../common/lib/clinicalWording';
import { formatDateTime } from '../../common/lib/format';
import { useRovingPoints } from '../hooks/useRovingPoints';
import { useTimelineScales } from '../hooks/useTimelineScales';
import { sortByDate, trajectoryPath } from '../paths';
import { ReferenceLine, TimeAxis, ValueAxis } from './Axes';
import { ChartFigure, LegendItem } from './ChartFigure';

interface AlliancePoint {
  date: Date;
  value: number;
  response: MeasureResponse;
}

const toAlliancePoint = (response: MeasureResponse): AlliancePoint => ({
  date: new Date(response.submittedAt),
  value: response.total,
  response,
});

function itemBreakdown(response: MeasureResponse): string {
  return ALLIANCE_ITEMS.map((item, index) => `${item.shortLabel} ${response.answers[index] ?? '—'}`).join(', ');
}

/** ALLIANCE4 totals per session (0-40) with the concern line at 36 and each item on hover or focus. */
export function AllianceChart({
  responses,
  domain,
  width,
  height = 190,
}: {
  responses: readonly MeasureResponse[];
  domain: readonly [Date, Date];
  width: number;
  height?: number;
}) {
  // The interesting range is the top of the scale; 0-40 is still shown so a collapse is visible.
  const { innerWidth, innerHeight, x, y } = useTimelineScales({
    width,
    height,
    domain,
    valueDomain: [0, ALLIANCE_MAX],
  });
  const points = useMemo(() => sortByDate(responses.map(toAlliancePoint)), [responses]);
  const line = useMemo(() => trajectoryPath(points, x, y), [points, x, y]);
  const { active, pointProps } = useRovingPoints(points.length);
  const activePoint = active === null ? null : points[active];
  const below = points.filter((point) => point.value < ALLIANCE_CONCERN_BELOW).length;
  const latest = points[points.length - 1];

  return (
    <ChartFigure
      testId="chart-alliance"
      title="Session alliance (ALLIANCE4)"
      summary={
        latest
          ? `Latest alliance ${latest.value} of ${ALLIANCE_MAX} (${formatDateTime(latest.response.submittedAt)}). ${below} of ${points.length} rating${points.length === 1 ? '' : 's'} below ${ALLIANCE_CONCERN_BELOW}.`
          : 'No alliance ratings yet.'
      }
      width={width}
      height={height}
      table={{
        columns: ['Date', 'Session', 'Total', ...ALLIANCE_ITEMS.map((item) => item.shortLabel), 'Comment'],
        rows: points.map((point) => [
          formatDateTime(point.response.submittedAt),
          point.response.sessionNumber ?? '—',
          point.value,
          ...ALLIANCE_ITEMS.map((_, index) => point.response.answers[index] ?? '—'),
          point.response.comment ?? '',
        ]),
      }}
      tooltip={
        activePoint && {
          x: x(activePoint.date),
          y: y(activePoint.value),
          content: (
            <>
              <strong>
                Alliance {activePoint.value} / {ALLIANCE_MAX}
              </strong>
              <span>
                {formatDateTime(activePoint.response.submittedAt)}
                {activePoint.response.sessionNumber !== null && ` · session ${activePoint.response.sessionNumber}`}
              </span>
              <dl className="tooltip__items">
                {ALLIANCE_ITEMS.map((item, index) => {
                  const answer = activePoint.response.answers[index];
                  return (
                    <div key={item.id} className={answer !== undefined && answer <= 5 ? 'is-low' : undefined}>
                      <dt>{item.shortLabel}</dt>
                      <dd>{answer ?? '—'}</dd>
                    </div>
                  );
                })}
              </dl>
              {activePoint.response.comment && <span className="tooltip__note">“{activePoint.response.comment}”</span>}
              {activePoint.response.helpNow && <span className="tooltip__alert">Asked for help now</span>}
            </>
          ),
        }
      }
      legend={
        <>
          <LegendItem swatch="line" tone="alliance">
            Alliance total
          </LegendItem>
          <LegendItem swatch="dashed" tone="alliance">
            Concern below {ALLIANCE_CONCERN_BELOW}
          </LegendItem>
          <LegendItem swatch="hollow" tone="alliance">
            Hollow point: below {ALLIANCE_CONCERN_BELOW}
          </LegendItem>
        </>
      }
    >
      <ValueAxis y={y} innerWidth={innerWidth} ticks={[0, 10, 20, 30, 40]} />
      <ReferenceLine
        y={y}
        value={ALLIANCE_CONCERN_BELOW}
        innerWidth={innerWidth}
        label={`concern < ${ALLIANCE_CONCERN_BELOW}`}
        className="reference--alliance"
      />
      <TimeAxis x={x} innerHeight={innerHeight} />
      <path className="mark-line mark-line--alliance" d={line} />
      {points.map((point, index) => (
        <circle
          key={point.response.id}
          className={`mark-point mark-point--alliance${point.value < ALLIANCE_CONCERN_BELOW ? ' mark-point--concern' : ''}`}
          cx={x(point.date)}
          cy={y(point.value)}
          r={active === index ? 6 : 4.5}
          data-testid="chart-point"
          role="img"
          aria-label={`Alliance ${point.value} of ${ALLIANCE_MAX} on ${formatDateTime(point.response.submittedAt)}: ${itemBreakdown(point.response)}`}
          {...pointProps(index)}
        />
      ))}
    </ChartFigure>
  );
}
