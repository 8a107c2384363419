import { Z_95 } from './wilson.js';

/** Funnel-plot control limits: 95% (about 2 SD) and 99.8% (about 3 SD), Φ⁻¹(0.975) and Φ⁻¹(0.999). */
export const FUNNEL_Z_95 = Z_95;
export const FUNNEL_Z_998 = 3.090232;

export interface FunnelLimits {
  lower: number;
  upper: number;
}

/**
 * Control limits for a proportion at sample size n around a target rate p, using the normal
 * approximation to the binomial, p ± z·sqrt(p(1-p)/n), clipped to [0, 1].
 * Spiegelhalter D.J. (2005) "Funnel plots for comparing institutional performance", Stat Med 24:1185-1202.
 */
export function funnelLimits(p: number, n: number, z: number): FunnelLimits {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!(n > 0)) throw new RangeError(`n must be positive, got ${n}`);
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n);
  return { lower: Math.max(0, p - halfWidth), upper: Math.min(1, p + halfWidth) };
}
