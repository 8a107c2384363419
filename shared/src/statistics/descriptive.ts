// Small, exact building blocks for the clinical statistics; each returns null rather than NaN
// when the data cannot support the figure, so callers must decide what "not enough data" shows.

export interface Point {
  x: number;
  y: number;
}

export interface LineFit {
  intercept: number;
  slope: number;
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (divisor n - 1); null for fewer than two values. */
export function sampleSd(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null || values.length < 2) return null;
  const squares = values.reduce((sum, value) => sum + (value - centre) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * Ordinary least-squares line y = intercept + slope * x (e.g. Draper & Smith, Applied Regression
 * Analysis, ch. 1): slope = Sxy / Sxx. Null when fewer than two points or every x is the same.
 */
export function leastSquares(points: readonly Point[]): LineFit | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/**
 * Nearest-rank quantile (Hyndman & Fan 1996, definition 1): the smallest value with at least
 * q of the data at or below it. Null for no values.
 */
export function nearestRankQuantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  if (!(q > 0 && q <= 1)) throw new RangeError(`Quantile must be in (0, 1], got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length) - 1] ?? null;
}
