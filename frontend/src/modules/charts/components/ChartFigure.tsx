import { useId, type ReactNode } from 'react';
import { innerWidthOf, TIMELINE_MARGIN, type ChartMargin } from '../layout';

export interface DataTableSpec {
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

export interface TooltipSpec {
  /** Position inside the plot area, in pixels. */
  x: number;
  y: number;
  content: ReactNode;
}

/**
 * A chart as a figure: a heading, a plain-language summary, the SVG with its tooltip, a legend,
 * and the data as a table for screen readers (visually hidden).
 */
export function ChartFigure({
  testId,
  title,
  summary,
  width,
  height,
  legend,
  table,
  tooltip,
  children,
  headingLevel = 3,
  margin = TIMELINE_MARGIN,
}: {
  testId: string;
  title: string;
  summary: ReactNode;
  width: number;
  height: number;
  legend?: ReactNode;
  table: DataTableSpec;
  tooltip?: TooltipSpec | null;
  children: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Space around the plot area for axes; defaults to the timeline's, so dates line up across charts. */
  margin?: ChartMargin;
}) {
  const titleId = useId();
  const summaryId = useId();
  const Heading = `h${headingLevel}` as const;
  const innerWidth = innerWidthOf(width, margin);
  const flip = tooltip ? tooltip.x > innerWidth * 0.6 : false;
  return (
    <figure className="chart" data-testid={testId} aria-labelledby={titleId}>
      <figcaption className="chart__caption">
        <Heading id={titleId} className="chart__title">
          {title}
        </Heading>
        <p id={summaryId} className="chart__summary">
          {summary}
        </p>
      </figcaption>
      <div className="chart__plot" style={{ height }}>
        {width > 0 && (
          <svg width={width} height={height} role="group" aria-labelledby={titleId} aria-describedby={summaryId}>
            <g transform={`translate(${margin.left},${margin.top})`}>{children}</g>
          </svg>
        )}
        {tooltip && (
          <div
            className={`chart__tooltip${flip ? ' chart__tooltip--left' : ''}`}
            style={{ left: margin.left + tooltip.x, top: margin.top + tooltip.y }}
            aria-hidden="true"
            data-testid={`${testId}-tooltip`}
          >
            {tooltip.content}
          </div>
        )}
      </div>
      {legend && <div className="chart__legend">{legend}</div>}
      {/* The wrapper, not the table, is hidden: a table ignores width: 1px and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}: data</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length}>No data yet</td>
              </tr>
            ) : (
              table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, cellIndex) => (
                    <td key={cellIndex}>{cell}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** One legend entry: a small swatch drawn in the same style as the chart mark, and its words. */
export function LegendItem({
  swatch,
  tone = 'score',
  children,
}: {
  swatch: 'line' | 'dashed' | 'band' | 'hatched' | 'dot' | 'hollow' | 'bar' | 'mean';
  /** Which series colour the swatch takes. */
  tone?: 'score' | 'alliance' | 'mood' | 'goal';
  children: ReactNode;
}) {
  return (
    <span className="legend__item">
      <svg
        width="22"
        height="12"
        aria-hidden="true"
        focusable="false"
        className={`legend__swatch legend__swatch--${swatch} legend__swatch--tone-${tone}`}
      >
        {swatch === 'line' && <line x1="1" x2="21" y1="6" y2="6" />}
        {swatch === 'mean' && <line x1="1" x2="21" y1="6" y2="6" />}
        {swatch === 'dashed' && <line x1="1" x2="21" y1="6" y2="6" />}
        {swatch === 'band' && <rect x="1" y="1" width="20" height="10" />}
        {swatch === 'hatched' && <rect x="1" y="1" width="20" height="10" />}
        {(swatch === 'dot' || swatch === 'hollow') && <circle cx="11" cy="6" r="4" />}
        {swatch === 'bar' && <rect x="6" y="2" width="10" height="10" />}
      </svg>
      {children}
    </span>
  );
}
