import {
  DEFAULT_TRAJECTORY_MODELS,
  fitTrajectoryModel,
  type TrajectoryEpisode,
  type TrajectoryInstrument,
  type TrajectoryModels,
} from '@cairn/shared';
import type { RequestContext } from '../../common/request-context.js';

/** The curves in force for a practice: its stored ones (practice.trajectory_models), else the built-in. */
export function practiceTrajectoryModels(stored: Partial<TrajectoryModels> | null | undefined): TrajectoryModels {
  return { ...DEFAULT_TRAJECTORY_MODELS, ...(stored ?? {}) };
}

/** SQL for the practice's stored curves, for statements that read them with their other data. */
export const PRACTICE_TRAJECTORY_MODELS_SQL = `(SELECT trajectory_models FROM practice WHERE id = cairn_current_practice())`;

/** How often the sweep refits a practice's curves: finished episodes accrue slowly. */
export const TRAJECTORY_REFIT_HOURS = 24;

/**
 * Fits the practice's own expected-trajectory curves from its finished episodes (a band switches
 * from the built-in curve once it has 30 of them: fitTrajectoryModel) and stores them on the
 * practice, where the flag engine reads them with its other inputs. The sweep calls this; it does
 * the work at most once a day, so writes never pay for it. Returns whether it refitted.
 */
export async function refitPracticeTrajectories(ctx: RequestContext, force = false): Promise<boolean> {
  const due = await ctx.db.one<{ due: boolean }>(
    `SELECT trajectory_fitted_at IS NULL OR trajectory_fitted_at < now() - make_interval(hours => $1) AS due
       FROM practice WHERE id = cairn_current_practice()`,
    [TRAJECTORY_REFIT_HOURS],
  );
  if (!force && !due?.due) return false;
  // Each finished episode's scores given at a session, in order; the first is its baseline.
  const rows = await ctx.db.query<{ code: TrajectoryInstrument; scores: { session: number; score: number }[] }>(
    `SELECT m.instrument_code AS code,
            json_agg(json_build_object('session', s.number, 'score', m.total) ORDER BY m.submitted_at) AS scores
       FROM measure_response m
       JOIN episode e ON e.practice_id = m.practice_id AND e.id = m.episode_id AND e.ended_on IS NOT NULL
       JOIN therapy_session s ON s.practice_id = m.practice_id AND s.id = m.session_id AND s.number >= 1
      WHERE m.instrument_code IN ('PHQ9', 'GAD7')
      GROUP BY m.instrument_code, m.episode_id`,
  );
  const fit = (instrument: TrajectoryInstrument) => {
    const episodes: TrajectoryEpisode[] = rows
      .filter((r) => r.code === instrument)
      .map((r) => ({ baseline: r.scores[0].score, scores: r.scores }));
    return fitTrajectoryModel(episodes, instrument);
  };
  const models: TrajectoryModels = { PHQ9: fit('PHQ9'), GAD7: fit('GAD7') };
  await ctx.db.query(
    `UPDATE practice SET trajectory_models = $1, trajectory_fitted_at = now() WHERE id = cairn_current_practice()`,
    [JSON.stringify(models)],
  );
  return true;
}
