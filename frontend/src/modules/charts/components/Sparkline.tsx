import { useMemo } from 'react';
import { sortByDate, sparklineScales, trajectoryPath, type TimeValue } from '../paths';

/**
 * A small trend line for a table cell. Decorative detail for sighted users: the cell around it
 * carries the numbers, and `label` gives a screen reader the gist.
 */
export function Sparkline({
  points,
  valueDomain,
  timeDomain,
  width = 96,
  height = 28,
  reference,
  label,
  variant = 'line',
  testId,
}: {
  points: readonly TimeValue[];
  valueDomain: readonly [number, number];
  timeDomain?: readonly [Date, Date];
  width?: number;
  height?: number;
  /** A value to mark with a dashed line (caseness). */
  reference?: number;
  label: string;
  variant?: 'line' | 'dots';
  testId?: string;
}) {
  const options = useMemo(
    () => ({ width, height, valueDomain, timeDomain, padding: 3 }),
    [width, height, valueDomain, timeDomain],
  );
  const { x, y } = useMemo(() => sparklineScales(points, options), [points, options]);
  const path = useMemo(() => trajectoryPath(points, x, y), [points, x, y]);
  const last = points.length ? sortByDate(points)[points.length - 1] : null;
  return (
    <svg
      className={`sparkline sparkline--${variant}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {reference !== undefined && (
        <line className="sparkline__reference" x1={0} x2={width} y1={y(reference)} y2={y(reference)} />
      )}
      {points.length === 0 ? (
        <text className="sparkline__empty" x={width / 2} y={height / 2} dy="0.32em" textAnchor="middle">
          no data
        </text>
      ) : variant === 'dots' ? (
        <>
          <path className="sparkline__line sparkline__line--faint" d={path} />
          {points.map((point) => (
            <circle
              key={point.date.getTime()}
              className="sparkline__dot"
              cx={x(point.date)}
              cy={y(point.value)}
              r={1.8}
            />
          ))}
        </>
      ) : (
        <>
          <path className="sparkline__line" d={path} />
          {last && <circle className="sparkline__end" cx={x(last.date)} cy={y(last.value)} r={2.4} />}
        </>
      )}
    </svg>
  );
}
