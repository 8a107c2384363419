import { requireInstrument } from '../instruments/registry.js';
import { classifyChange } from '../statistics/reliable-change.js';
import { raise, refOf } from './flag.js';
import { seriesWithAtLeast } from './measures.js';
import type { DeteriorationTrigger, Flag, MeasureSeries } from './types.js';

/**
 * DETERIORATION (high): the latest PHQ-9 or GAD-7 is reliably worse than the episode's first
 * score (a rise of at least the instrument's reliable-change threshold: PHQ-9 6, GAD-7 4). The
 * threshold belongs to the instrument, not to practice settings.
 */
export function evaluateDeterioration(input: MeasureSeries): Flag<'DETERIORATION'> | null {
  const triggers: DeteriorationTrigger[] = [];
  for (const { instrument, scores } of seriesWithAtLeast(input, 2)) {
    const baseline = scores[0];
    const latest = scores[scores.length - 1];
    if (classifyChange(instrument, baseline.total, latest.total) !== 'RELIABLE_DETERIORATION') continue;
    triggers.push({
      rule: 'RELIABLE_DETERIORATION',
      instrument,
      baseline: baseline.total,
      score: latest.total,
      change: latest.total - baseline.total,
      threshold: requireInstrument(instrument).reliableChange ?? 0,
      baselineResponse: refOf(baseline),
      response: refOf(latest),
    });
  }
  return raise('DETERIORATION', triggers);
}
