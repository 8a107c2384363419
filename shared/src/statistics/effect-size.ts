import { mean, sampleSd } from './descriptive.js';

/**
 * Pre-post (uncontrolled) effect size d = (mean_pre - mean_post) / SD_pre, standardised by the
 * pre-treatment sample SD as in Becker (1988) Br J Math Stat Psychol 41:257-278 and the
 * benchmarking literature (e.g. Minami et al. 2008). Positive d means scores fell, which is
 * improvement on a higher-is-worse measure. Null when there is too little data for an SD or it is 0.
 */
export function prePostEffectSize(pre: readonly number[], post: readonly number[]): number | null {
  const meanPre = mean(pre);
  const meanPost = mean(post);
  const sdPre = sampleSd(pre);
  if (meanPre === null || meanPost === null || sdPre === null || sdPre === 0) return null;
  return (meanPre - meanPost) / sdPre;
}
