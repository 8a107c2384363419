/** Two-sided 95% normal critical value, Φ⁻¹(0.975). */
export const Z_95 = 1.959964;

export interface ProportionInterval {
  rate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a binomial proportion, Wilson E.B. (1927) JASA 22:209-212, as
 * recommended by Newcombe R.G. (1998) Stat Med 17:857-872:
 * (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). Null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): ProportionInterval | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number from 0 to n (${n}), got ${successes}`);
  }
  if (n === 0) return null;
  const rate = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  // At 0/n and n/n the exact bound is 0 or 1; set it so rounding cannot leave 0.9999999999999999.
  return {
    rate,
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
