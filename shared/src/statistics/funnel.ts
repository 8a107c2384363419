/** Funnel-plot control limits: 95% (about 2 SD) and 99.8% (about 3 SD) of the binomial around the target. */
export const FUNNEL_COVERAGE_95 = 0.95;
export const FUNNEL_COVERAGE_998 = 0.998;

export interface FunnelLimits {
  lower: number;
  upper: number;
}

/** P(R <= r) for r = 0..n, R ~ Binomial(n, p); each term in log space so large n cannot underflow. */
function binomialCdf(n: number, p: number): { cdf: number[]; pmf: number[] } {
  const pmf: number[] = [];
  if (p === 0 || p === 1) {
    for (let r = 0; r <= n; r++) pmf.push((p === 0 ? r === 0 : r === n) ? 1 : 0);
  } else {
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    let logChoose = 0;
    for (let r = 0; r <= n; r++) {
      if (r > 0) logChoose += Math.log(n - r + 1) - Math.log(r);
      pmf.push(Math.exp(logChoose + r * logP + (n - r) * logQ));
    }
  }
  const cdf: number[] = [];
  let sum = 0;
  for (const mass of pmf) cdf.push((sum += mass));
  cdf[n] = 1; // rounding must not leave the top quantile unreachable
  return { cdf, pmf };
}

/**
 * The q-th quantile of Binomial(n, p) as a proportion, made continuous by the interpolation of
 * Spiegelhalter (2005, Appendix A.1.1): with r the smallest count such that P(R <= r) >= q and
 * α = (P(R <= r) - q) / P(R = r), the limit is (r - α) / n. A rate cannot fall below 0, where the
 * interpolation at r = 0 would go.
 */
function binomialLimit(cdf: readonly number[], pmf: readonly number[], n: number, q: number): number {
  const r = cdf.findIndex((f) => f >= q);
  const alpha = (cdf[r] - q) / pmf[r];
  return Math.max(0, (r - alpha) / n);
}

/**
 * Control limits for a proportion at sample size n around a target rate p: the exact binomial
 * quantiles at (1 - coverage) / 2 and 1 - (1 - coverage) / 2, interpolated as Spiegelhalter D.J.
 * (2005) "Funnel plots for comparing institutional performance", Stat Med 24:1185-1202. Unlike
 * p ± z·sqrt(p(1-p)/n), they stay right for small n and rates near 0 or 1.
 */
export function funnelLimits(p: number, n: number, coverage: number): FunnelLimits {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`n must be a positive whole number, got ${n}`);
  if (!(coverage > 0 && coverage < 1)) throw new RangeError(`coverage must be in (0, 1), got ${coverage}`);
  const { cdf, pmf } = binomialCdf(n, p);
  const tail = (1 - coverage) / 2;
  return { lower: binomialLimit(cdf, pmf, n, tail), upper: binomialLimit(cdf, pmf, n, 1 - tail) };
}
