import { utcFormat } from 'd3';
import type { LinearScale, TimeScale } from '../scales';

const dayMonth = utcFormat('%-d %b');
const monthYear = utcFormat('%b %Y');

/** The time axis along the bottom of a plot; tick count follows the width. */
export function TimeAxis({ x, innerHeight }: { x: TimeScale; innerHeight: number }) {
  const [left, right] = x.range();
  // d3 has no two-week interval, so a half-year span gets weekly ticks: thin them to keep labels apart.
  const maxLabels = Math.max(2, Math.floor((right - left) / 72));
  const candidates = x.ticks(maxLabels);
  const stride = Math.ceil(candidates.length / maxLabels);
  const ticks = candidates.filter((_, index) => index % stride === 0);
  const [start, end] = x.domain();
  const spanDays = (end.getTime() - start.getTime()) / 86_400_000;
  const label = spanDays > 180 ? monthYear : dayMonth;
  return (
    <g className="axis axis--time" transform={`translate(0,${innerHeight})`} aria-hidden="true">
      <line x1={left} x2={right} className="axis__domain" />
      {ticks.map((tick) => (
        <g key={tick.getTime()} transform={`translate(${x(tick)},0)`}>
          <line y2={5} className="axis__tick" />
          <text y={17} textAnchor="middle" className="axis__label">
            {label(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A numeric axis along the bottom of a plot (counts, sizes), whole-number ticks only, with a title. */
export function CountAxis({ x, innerHeight, title }: { x: LinearScale; innerHeight: number; title: string }) {
  const [left, right] = x.range();
  const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 64))).filter((tick) => Number.isInteger(tick));
  return (
    <g className="axis axis--count" transform={`translate(0,${innerHeight})`} aria-hidden="true">
      <line x1={left} x2={right} className="axis__domain" />
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(${x(tick)},0)`}>
          <line y2={5} className="axis__tick" />
          <text y={17} textAnchor="middle" className="axis__label">
            {tick}
          </text>
        </g>
      ))}
      <text x={(left + right) / 2} y={34} textAnchor="middle" className="axis__title">
        {title}
      </text>
    </g>
  );
}

/** The value axis on the left with light gridlines across the plot. */
export function ValueAxis({
  y,
  innerWidth,
  ticks,
  format = (value: number) => String(value),
}: {
  y: LinearScale;
  innerWidth: number;
  ticks: readonly number[];
  format?: (value: number) => string;
}) {
  return (
    <g className="axis axis--value" aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(0,${y(tick)})`}>
          <line x2={innerWidth} className="axis__grid" />
          <text x={-8} dy="0.32em" textAnchor="end" className="axis__label">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A labelled horizontal reference line (caseness cut-off, alliance concern line). */
export function ReferenceLine({
  y,
  value,
  innerWidth,
  label,
  className = '',
}: {
  y: LinearScale;
  value: number;
  innerWidth: number;
  label: string;
  className?: string;
}) {
  const top = y(value);
  return (
    <g className={`reference ${className}`} aria-hidden="true">
      <line x1={0} x2={innerWidth} y1={top} y2={top} />
      <text x={innerWidth - 4} y={top - 4} textAnchor="end">
        {label}
      </text>
    </g>
  );
}
