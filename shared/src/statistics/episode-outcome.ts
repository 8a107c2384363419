import type { LocalDate } from '../dates/local-date.js';
import { isCase } from '../instruments/scoring.js';
import { classifyChange } from './reliable-change.js';

export interface PairedScores {
  first: number;
  last: number;
}

/** PHQ-9 and GAD-7 at the first and at the last occasion at which both were completed. */
export interface EpisodePairs {
  phq9: PairedScores;
  gad7: PairedScores;
}

/** One PHQ-9 or GAD-7 response of an episode (other instruments are ignored). */
export interface OutcomeMeasure {
  instrumentCode: string;
  total: number;
  /** The session it was given for, or null when it was given outside a session. */
  sessionId: string | null;
  /** The client's local calendar date when it was submitted. */
  localDate: LocalDate;
}

export interface JointOccasions {
  /** Occasions at which both PHQ-9 and GAD-7 were completed. */
  occasions: number;
  /** Null unless there are two or more such occasions. */
  paired: EpisodePairs | null;
}

/** In words, for reports and exports: what "paired scores" means here. */
export const PAIRED_SCORES_DEFINITION =
  'PHQ-9 and GAD-7 both completed at the first and at the last of two or more occasions ' +
  '(an occasion is a session, or a day for questionnaires given outside a session)';

/**
 * Paired scores as the NHS Talking Therapies Manual defines them: the scores at the first and the
 * last occasions at which BOTH PHQ-9 and GAD-7 were completed. Each measure is never paired on its
 * own, so a "last" PHQ-9 and GAD-7 from different sessions are never mixed.
 *
 * An occasion is the session a response was given for; a response given outside a session belongs
 * to the occasion of its client-local day (responses outside a session on one day are one occasion,
 * and never join a session's). Responses come oldest first (by submission time, then id):
 * occasions are ordered by their first response, and at an occasion with two responses of one
 * instrument the later one (a correction) counts. The episode_outcome rollup
 * (cairn_refresh_episode_outcomes) computes the same, in SQL, and is tested against this.
 */
export function jointOccasions(responses: readonly OutcomeMeasure[]): JointOccasions {
  const byOccasion = new Map<string, { phq9: number | null; gad7: number | null }>();
  for (const r of responses) {
    if (r.instrumentCode !== 'PHQ9' && r.instrumentCode !== 'GAD7') continue;
    // Session ids and dates cannot collide: the prefixes differ.
    const key = r.sessionId === null ? `day:${r.localDate}` : `session:${r.sessionId}`;
    const occasion = byOccasion.get(key) ?? { phq9: null, gad7: null };
    if (r.instrumentCode === 'PHQ9') occasion.phq9 = r.total;
    else occasion.gad7 = r.total;
    byOccasion.set(key, occasion); // a Map keeps first-insertion order: the order occasions began
  }
  const joint = [...byOccasion.values()].flatMap(({ phq9, gad7 }) =>
    phq9 !== null && gad7 !== null ? [{ phq9, gad7 }] : [],
  );
  const first = joint[0];
  const last = joint.at(-1);
  return {
    occasions: joint.length,
    paired:
      joint.length >= 2 && first && last
        ? { phq9: { first: first.phq9, last: last.phq9 }, gad7: { first: first.gad7, last: last.gad7 } }
        : null,
  };
}

export interface EpisodeOutcomeInput {
  attendedSessions: number;
  /** The episode's paired scores (jointOccasions), or null when it has none. */
  paired: EpisodePairs | null;
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
 * - finished (with paired scores): >= 2 attended sessions and paired scores (jointOccasions); a
 *   finished course without them counts only in data completeness;
 * - caseness: at clinical caseness at the start on either measure (PHQ-9 >= 10, GAD-7 >= 8);
 * - recovery: caseness at start and below caseness on both measures at the end;
 * - reliable improvement: a decrease >= the threshold (PHQ-9 6, GAD-7 4) on either measure with
 *   no reliable deterioration on the other;
 * - reliable deterioration: an increase >= the threshold on either measure;
 * - reliable recovery: recovery and reliable improvement.
 * PHQ-9 response (>= 50% drop from the first score) and remission (last < 5) follow the usual
 * PHQ-9 conventions (Kroenke et al. 2001, J Gen Intern Med 16:606-613; Löwe et al. 2004,
 * Med Care 42:1194-1201).
 * Report denominators: recovery over finished episodes at caseness; the others over finished ones.
 */
export function episodeOutcome(input: EpisodeOutcomeInput): EpisodeOutcome {
  const { paired } = input;
  if (input.attendedSessions < 2 || paired === null) return { ...NOT_FINISHED };
  const measures = [
    { code: 'PHQ9', ...paired.phq9 },
    { code: 'GAD7', ...paired.gad7 },
  ];
  const caseness = measures.some((m) => isCase(m.code, m.first) === true);
  const caseAtEnd = measures.some((m) => isCase(m.code, m.last) === true);
  const recovery = caseness && !caseAtEnd;
  const changes = measures.map((m) => classifyChange(m.code, m.first, m.last));
  const reliableDeterioration = changes.includes('RELIABLE_DETERIORATION');
  const reliableImprovement = changes.includes('RELIABLE_IMPROVEMENT') && !reliableDeterioration;
  const phq9 = paired.phq9;
  return {
    finished: true,
    caseness,
    recovery,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovery && reliableImprovement,
    phq9Response: phq9.first > 0 && phq9.first - phq9.last >= phq9.first / 2,
    phq9Remission: phq9.last < 5,
  };
}
