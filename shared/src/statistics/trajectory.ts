import { requireInstrument } from '../instruments/registry.js';
import { severityBand } from '../instruments/scoring.js';
import type { ScoreDirection } from '../instruments/types.js';
import { leastSquares, nearestRankQuantile, type Point } from './descriptive.js';

// Expected-treatment-response curves in the manner of Lambert's OQ-45 "not on track" feedback
// (Lambert et al. 2002, Clin Psychol Psychother 9:91-103; Finch, Lambert & Schaalje 2001,
// Clin Psychol Psychother 8:231-242): score = a + b·ln(session), one curve per baseline severity
// band, with a tolerance band around it. The log-linear dose-effect shape is Howard et al. (1986)
// Am Psychol 41:159-164.

export type TrajectoryInstrument = 'PHQ9' | 'GAD7';
export type TrajectorySignal = 'GREEN' | 'WHITE' | 'YELLOW' | 'RED';

export interface TrajectoryBandModel {
  /** Baseline severity band label, as in the instrument's bands. */
  band: string;
  /** a: expected score at session 1 (ln 1 = 0). */
  intercept: number;
  /** b: points per unit of ln(session); negative means improving on PHQ-9/GAD-7. */
  slope: number;
  /** Half-width of the expected band, in points. */
  tolerance: number;
  source: 'PRACTICE' | 'DEFAULT';
  /** Finished episodes of the practice in this band (0 for the built-in default). */
  episodes: number;
  /** The last session the curve was fitted on: later sessions hold its value (never extrapolated). */
  lastSession: number;
}

export interface TrajectoryModel {
  instrument: TrajectoryInstrument;
  bands: readonly TrajectoryBandModel[];
}

/** One model per instrument: the built-in ones, or a practice's own. */
export type TrajectoryModels = Readonly<Record<TrajectoryInstrument, TrajectoryModel>>;

export interface ExpectedScore {
  instrument: TrajectoryInstrument;
  direction: ScoreDirection;
  band: string;
  sessionNumber: number;
  /** The session the curve was read at: sessionNumber, or the curve's last session when later. */
  curveSession: number;
  expected: number;
  tolerance: number;
  lower: number;
  upper: number;
}

export interface TrajectoryEpisode {
  /** The episode's baseline (intake) score, which decides its band. */
  baseline: number;
  scores: readonly { session: number; score: number }[];
}

/** A band is fitted from the practice's own data once it has this many finished episodes. */
export const TRAJECTORY_MIN_EPISODES = 30;
/** Share of fitted points meant to fall outside the tolerance band (DESIGN: 10-15%). */
export const TRAJECTORY_OUTSIDE_SHARE = 0.125;
/** Before this session every signal is WHITE: two points say little about a trajectory. */
export const TRAJECTORY_SIGNAL_FROM_SESSION = 3;
/**
 * The built-in curves describe a course of up to 20 sessions (NHS Talking Therapies high-intensity
 * courses are 12-20 sessions; Lambert's expected-recovery curves cover the same range): past it the
 * session-20 value holds, so a long course is never judged against a curve's extrapolated tail.
 */
export const DEFAULT_TRAJECTORY_LAST_SESSION = 20;

function defaults(
  rows: readonly [band: string, intercept: number, slope: number, tolerance: number][],
): TrajectoryBandModel[] {
  return rows.map(([band, intercept, slope, tolerance]) => ({
    band,
    intercept,
    slope,
    tolerance,
    source: 'DEFAULT',
    episodes: 0,
    lastSession: DEFAULT_TRAJECTORY_LAST_SESSION,
  }));
}

/**
 * Built-in curves used until a band has 30 finished episodes. These are priors chosen by Cairn,
 * not fitted to a published data set:
 * - a is the band's typical intake score (midpoint; 22 and 17 for the open-ended top bands,
 *   where intakes cluster low);
 * - b puts session 8 (ln 8 = 2.08) roughly 35-42% below intake for mild-to-severe bands, in line
 *   with the ~40% mean pre-post fall NHS Talking Therapies reports for PHQ-9 and GAD-7 cases;
 * - tolerance = 1.53 × an assumed session-level residual SD (PHQ-9 2.0, 2.6, 3.3, 3.6, 3.9 and
 *   GAD-7 2.0, 2.3, 2.9, 3.3 points, minimal to severe), 1.53 being the 87.5th percentile of
 *   |N(0,1)|, so about 12.5% of sessions fall outside.
 */
export const DEFAULT_TRAJECTORY_MODELS: Readonly<Record<TrajectoryInstrument, TrajectoryModel>> = {
  PHQ9: {
    instrument: 'PHQ9',
    bands: defaults([
      ['minimal', 2, -0.3, 3],
      ['mild', 7, -1.2, 4],
      ['moderate', 12, -2.4, 5],
      ['moderately severe', 17, -3.2, 5.5],
      ['severe', 22, -4, 6],
    ]),
  },
  GAD7: {
    instrument: 'GAD7',
    bands: defaults([
      ['minimal', 2, -0.3, 3],
      ['mild', 7, -1.3, 3.5],
      ['moderate', 12, -2.4, 4.5],
      ['severe', 17, -3.3, 5],
    ]),
  },
};

function logSession(session: number): number {
  if (!(Number.isInteger(session) && session >= 1)) {
    throw new RangeError(`Session number must be a whole number >= 1, got ${session}`);
  }
  return Math.log(session);
}

/**
 * Fits a + b·ln(session) by least squares for each baseline band with at least 30 finished
 * episodes (episodes with fewer than two scores are ignored), else keeps the default. The
 * tolerance is the nearest-rank 87.5th percentile of |residual| over the fitted points, so about
 * 12.5% of them fall outside the band (two-sided). The curve's last session is the highest
 * session number among the fitted points.
 */
export function fitTrajectoryModel(
  episodes: readonly TrajectoryEpisode[],
  instrument: TrajectoryInstrument = 'PHQ9',
): TrajectoryModel {
  const byBand = new Map<string, TrajectoryEpisode[]>();
  for (const episode of episodes) {
    const band = severityBand(instrument, episode.baseline);
    if (band === null || episode.scores.length < 2) continue;
    byBand.set(band, [...(byBand.get(band) ?? []), episode]);
  }
  const bands = DEFAULT_TRAJECTORY_MODELS[instrument].bands.map((fallback): TrajectoryBandModel => {
    const bandEpisodes = byBand.get(fallback.band) ?? [];
    if (bandEpisodes.length < TRAJECTORY_MIN_EPISODES) return fallback;
    const scores = bandEpisodes.flatMap((e) => e.scores);
    const points: Point[] = scores.map(({ session, score }) => ({ x: logSession(session), y: score }));
    const fit = leastSquares(points);
    if (fit === null) return fallback;
    const residuals = points.map((p) => Math.abs(p.y - (fit.intercept + fit.slope * p.x)));
    const tolerance = nearestRankQuantile(residuals, 1 - TRAJECTORY_OUTSIDE_SHARE) ?? fallback.tolerance;
    const lastSession = scores.reduce((last, s) => Math.max(last, s.session), 1);
    return { band: fallback.band, ...fit, tolerance, source: 'PRACTICE', episodes: bandEpisodes.length, lastSession };
  });
  return { instrument, bands };
}

/**
 * Expected score and tolerance band at a session for a client whose baseline fell in `baselineBand`.
 * Past the curve's last fitted session its last value holds.
 */
export function expectedTrajectory(baselineBand: string, sessionNumber: number, model: TrajectoryModel): ExpectedScore {
  const band = model.bands.find((b) => b.band === baselineBand);
  if (!band) throw new RangeError(`No ${model.instrument} trajectory for band "${baselineBand}"`);
  const curveSession = Math.min(sessionNumber, band.lastSession);
  const expected = band.intercept + band.slope * Math.min(logSession(sessionNumber), Math.log(band.lastSession));
  return {
    instrument: model.instrument,
    direction: requireInstrument(model.instrument).direction,
    band: band.band,
    sessionNumber,
    curveSession,
    expected,
    tolerance: band.tolerance,
    lower: expected - band.tolerance,
    upper: expected + band.tolerance,
  };
}

/**
 * GREEN better than the band, WHITE within it (edges included), YELLOW worse but within 1.5 ×
 * tolerance of the expected score, RED beyond that; always WHITE before `fromSession` (3).
 */
export function trajectorySignal(
  score: number,
  expected: ExpectedScore,
  fromSession: number = TRAJECTORY_SIGNAL_FROM_SESSION,
): TrajectorySignal {
  if (expected.sessionNumber < fromSession) return 'WHITE';
  const worseBy = expected.direction === 'HIGHER_IS_WORSE' ? score - expected.expected : expected.expected - score;
  if (worseBy < -expected.tolerance) return 'GREEN';
  if (worseBy <= expected.tolerance) return 'WHITE';
  return worseBy <= 1.5 * expected.tolerance ? 'YELLOW' : 'RED';
}
