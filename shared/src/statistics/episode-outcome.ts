import { isCase } from '../instruments/scoring.js';
import { classifyChange } from './reliable-change.js';

export interface PairedScores {
  first: number;
  last: number;
}

export interface EpisodeOutcomeInput {
  attendedSessions: number;
  /** First and last scores of the episode, or null when there is no pair. */
  phq9: PairedScores | null;
  gad7: PairedScores | null;
}

export interface EpisodeOutcome {
  finished: boolean;
  caseness: boolean;
  recovery: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  reliableRecovery: boolean;
  phq9Response: boolean;
  phq9Remission: boolean;
}

const NOT_FINISHED: EpisodeOutcome = {
  finished: false,
  caseness: false,
  recovery: false,
  reliableImprovement: false,
  reliableDeterioration: false,
  reliableRecovery: false,
  phq9Response: false,
  phq9Remission: false,
};

/**
 * Episode outcome per the NHS Talking Therapies for anxiety and depression Manual (NHS England)
 * and Gyani et al. (2013) "Enhancing recovery rates: lessons from year one of IAPT",
 * Behav Res Ther 51:597-606:
 * - finished: >= 2 attended sessions and at least one paired (first, last) measure;
 * - caseness: at clinical caseness at the start on either measure (PHQ-9 >= 10, GAD-7 >= 8);
 * - recovery: caseness at start and below caseness on every paired measure at the end;
 * - reliable improvement: a decrease >= the threshold (PHQ-9 6, GAD-7 4) on either measure with
 *   no reliable deterioration on the other;
 * - reliable deterioration: an increase >= the threshold on either measure;
 * - reliable recovery: recovery and reliable improvement.
 * When only one measure is paired, that one alone decides. PHQ-9 response (>= 50% drop from the
 * first score) and remission (last < 5) follow the usual PHQ-9 conventions (Kroenke et al. 2001,
 * J Gen Intern Med 16:606-613; Löwe et al. 2004, Med Care 42:1194-1201).
 * Report denominators: recovery over finished episodes at caseness; the others over finished ones.
 */
export function episodeOutcome(input: EpisodeOutcomeInput): EpisodeOutcome {
  const measures = [
    { code: 'PHQ9', scores: input.phq9 },
    { code: 'GAD7', scores: input.gad7 },
  ].flatMap(({ code, scores }) => (scores ? [{ code, ...scores }] : []));
  if (input.attendedSessions < 2 || measures.length === 0) return { ...NOT_FINISHED };

  const caseness = measures.some((m) => isCase(m.code, m.first) === true);
  const caseAtEnd = measures.some((m) => isCase(m.code, m.last) === true);
  const recovery = caseness && !caseAtEnd;
  const changes = measures.map((m) => classifyChange(m.code, m.first, m.last));
  const reliableDeterioration = changes.includes('RELIABLE_DETERIORATION');
  const reliableImprovement = changes.includes('RELIABLE_IMPROVEMENT') && !reliableDeterioration;
  const phq9 = input.phq9;
  return {
    finished: true,
    caseness,
    recovery,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovery && reliableImprovement,
    phq9Response: phq9 !== null && phq9.first > 0 && phq9.first - phq9.last >= phq9.first / 2,
    phq9Remission: phq9 !== null && phq9.last < 5,
  };
}
