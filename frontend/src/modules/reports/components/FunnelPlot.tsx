import { useMemo } from 'react';
import { CountAxis, ValueAxis } from '../../charts/components/Axes';
import { ChartFigure } from '../../charts/components/ChartFigure';
import { useElementWidth } from '../../charts/hooks/useElementWidth';
import { useRovingPoints } from '../../charts/hooks/useRovingPoints';
import type { ChartMargin } from '../../charts/layout';
import { alphabetical } from '../../therapists/therapistOrder';
import {
  createFunnelScales,
  describeFunnel,
  FUNNEL_POSITION_LABEL,
  FUNNEL_POSITION_SHORT,
  funnelMarkPath,
  limitArea,
  limitPath,
  outlierLabelPlacement,
  placeFunnelPoints,
  type FunnelPosition,
  type LimitsAt,
} from '../funnel';
import type { Funnel } from '../graphql/report';
import { formatPercent, MIN_FINISHED_EPISODES } from '../reportFigures';

const MARGIN: ChartMargin = { top: 16, right: 24, bottom: 46, left: 52 };
const HEIGHT = 380;
const Y_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

function limitsText(limits: LimitsAt | null, which: '95' | '998'): string {
  if (!limits) return '—';
  return which === '95'
    ? `${formatPercent(limits.lower95)}–${formatPercent(limits.upper95)}`
    : `${formatPercent(limits.lower998)}–${formatPercent(limits.upper998)}`;
}

/**
 * Recovery rate per therapist against their number of finished episodes at caseness, with 95% and
 * 99.8% control limits around the practice rate (Spiegelhalter 2005). A comparison without a
 * ranking: only points beyond a limit stand out, by shape and label as well as colour.
 */
export function FunnelPlot({ funnel, nameOf }: { funnel: Funnel; nameOf: (therapistId: string) => string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { x, y } = useMemo(
    () => createFunnelScales(funnel.points, funnel.limits, innerWidth, innerHeight),
    [funnel.points, funnel.limits, innerWidth, innerHeight],
  );
  const points = useMemo(
    () => placeFunnelPoints(funnel.points, funnel.practiceRate, nameOf),
    [funnel.points, funnel.practiceRate, nameOf],
  );
  const paths = useMemo(
    () => ({
      band95: limitArea(funnel.limits, 'lower95', 'upper95', x, y),
      band998: limitArea(funnel.limits, 'lower998', 'upper998', x, y),
      lower95: limitPath(funnel.limits, 'lower95', x, y),
      upper95: limitPath(funnel.limits, 'upper95', x, y),
      lower998: limitPath(funnel.limits, 'lower998', x, y),
      upper998: limitPath(funnel.limits, 'upper998', x, y),
    }),
    [funnel.limits, x, y],
  );
  const { active, pointProps } = useRovingPoints(points.length);
  const activePoint = active === null ? null : points[active];
  const tableRows = alphabetical(
    points,
    (point) => point.name,
    (point) => point.therapistId,
  );
  const practiceY = funnel.practiceRate === null ? null : y(funnel.practiceRate);
  const [xStart, xEnd] = x.range();

  return (
    <div ref={ref} className="funnel">
      <ChartFigure
        testId="funnel-plot"
        title="Recovery by therapist: funnel plot"
        headingLevel={2}
        margin={MARGIN}
        summary={
          <>
            {describeFunnel(funnel.practiceRate, points)}
            {points.length > 0 &&
              ` Therapists with fewer than ${MIN_FINISHED_EPISODES} finished episodes are not plotted.`}{' '}
            A point beyond a limit is worth a conversation, not a verdict: the limits allow for chance, not for
            differences in the clients seen.
          </>
        }
        width={width}
        height={HEIGHT}
        table={{
          columns: [
            'Therapist',
            'Finished episodes at caseness (n)',
            'Recovery rate',
            '95% limits at n',
            '99.8% limits at n',
            'Position',
          ],
          rows: tableRows.map((point) => [
            point.name,
            point.n,
            formatPercent(point.rate),
            limitsText(point.limits, '95'),
            limitsText(point.limits, '998'),
            FUNNEL_POSITION_LABEL[point.position],
          ]),
        }}
        tooltip={
          activePoint && {
            x: x(activePoint.n),
            y: y(activePoint.rate),
            content: (
              <>
                <strong>{activePoint.name}</strong>
                <span>
                  Recovery {formatPercent(activePoint.rate)} of {activePoint.n} at caseness
                </span>
                <span>{FUNNEL_POSITION_LABEL[activePoint.position]}</span>
                <span>
                  95% limits {limitsText(activePoint.limits, '95')}; 99.8% {limitsText(activePoint.limits, '998')}
                </span>
              </>
            ),
          }
        }
        legend={<FunnelLegend practiceRate={funnel.practiceRate} />}
      >
        <path className="funnel__band funnel__band--998" d={paths.band998} />
        <path className="funnel__band funnel__band--95" d={paths.band95} />
        <ValueAxis y={y} innerWidth={innerWidth} ticks={Y_TICKS} format={formatPercent} />
        <text
          className="axis__title"
          transform={`translate(${-MARGIN.left + 12},${innerHeight / 2}) rotate(-90)`}
          textAnchor="middle"
          aria-hidden="true"
        >
          Recovery rate
        </text>
        <CountAxis x={x} innerHeight={innerHeight} title="Finished episodes at caseness (n)" />
        <g aria-hidden="true">
          <path className="funnel__limit funnel__limit--998" d={paths.lower998} />
          <path className="funnel__limit funnel__limit--998" d={paths.upper998} />
          <path className="funnel__limit funnel__limit--95" d={paths.lower95} />
          <path className="funnel__limit funnel__limit--95" d={paths.upper95} />
          {practiceY !== null && (
            <line className="funnel__target" x1={xStart} x2={xEnd} y1={practiceY} y2={practiceY} />
          )}
        </g>
        {points.map((point, index) => {
          const px = x(point.n);
          const py = y(point.rate);
          const labelText = `${point.name} · ${FUNNEL_POSITION_SHORT[point.position]}`;
          const label =
            point.position === 'WITHIN' ? null : outlierLabelPlacement(px, py, point.position, labelText, innerWidth);
          return (
            <g key={point.therapistId} className={`funnel__point funnel__point--${point.position.toLowerCase()}`}>
              <path
                d={funnelMarkPath(point.position, active === index)}
                transform={`translate(${px},${py})`}
                className="funnel__mark"
                data-testid="funnel-point"
                data-therapist-id={point.therapistId}
                data-position={point.position}
                role="img"
                aria-label={`${point.name}: recovery ${formatPercent(point.rate)} of ${point.n} finished episodes at caseness, ${FUNNEL_POSITION_LABEL[point.position]}`}
                {...pointProps(index)}
              />
              {label && (
                <text className="funnel__label" x={label.x} y={label.y} textAnchor={label.anchor} aria-hidden="true">
                  {labelText}
                </text>
              )}
            </g>
          );
        })}
      </ChartFigure>
    </div>
  );
}

const LEGEND_MARKS: readonly { position: FunnelPosition; label: string }[] = [
  { position: 'WITHIN', label: 'Within the 95% limits' },
  { position: 'ABOVE_95', label: 'Above the 95% limit' },
  { position: 'BELOW_95', label: 'Below the 95% limit' },
  { position: 'ABOVE_998', label: 'Beyond the 99.8% limit (labelled above or below)' },
];

function FunnelLegend({ practiceRate }: { practiceRate: number | null }) {
  return (
    <>
      {practiceRate !== null && (
        <span className="legend__item">
          <svg width="22" height="12" aria-hidden="true" focusable="false" className="funnel__legend-swatch">
            <line className="funnel__target" x1="1" x2="21" y1="6" y2="6" />
          </svg>
          Practice rate {formatPercent(practiceRate)}
        </span>
      )}
      <span className="legend__item">
        <svg width="22" height="12" aria-hidden="true" focusable="false" className="funnel__legend-swatch">
          <line className="funnel__limit funnel__limit--95" x1="1" x2="21" y1="6" y2="6" />
        </svg>
        95% limits
      </span>
      <span className="legend__item">
        <svg width="22" height="12" aria-hidden="true" focusable="false" className="funnel__legend-swatch">
          <line className="funnel__limit funnel__limit--998" x1="1" x2="21" y1="6" y2="6" />
        </svg>
        99.8% limits
      </span>
      {LEGEND_MARKS.map(({ position, label }) => (
        <span key={position} className="legend__item">
          <svg
            width="18"
            height="18"
            aria-hidden="true"
            focusable="false"
            className={`funnel__legend-swatch funnel__point--${position.toLowerCase()}`}
          >
            <path className="funnel__mark" d={funnelMarkPath(position)} transform="translate(9,9) scale(0.85)" />
          </svg>
          {label}
        </span>
      ))}
    </>
  );
}
