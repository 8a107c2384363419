import { ALLIANCE4, GAD7, PHQ9, type InstrumentDefinition } from '@cairn/shared';
import type { ChangeClass, HomeworkFrequency, HomeworkStatus, SessionStatus, TrajectorySignal } from '../graphql/types';

export interface ScoreInstrument {
  code: 'PHQ9' | 'GAD7';
  label: string;
  /** What the score is about, in plain words for clients. */
  plainName: string;
  max: number;
  /** A total at or above this counts as a case. */
  caseness: number;
  /** Points of change that count as reliable. */
  reliableChange: number;
}

// Thresholds come from the shared instrument definitions, the same ones the server scores with.
function scoreInstrument(
  definition: InstrumentDefinition,
  code: ScoreInstrument['code'],
  plainName: string,
): ScoreInstrument {
  if (definition.casenessCutoff === undefined || definition.reliableChange === undefined) {
    throw new Error(`${definition.code} has no caseness cut-off or reliable-change threshold`);
  }
  return {
    code,
    label: definition.shortTitle ?? definition.code,
    plainName,
    max: definition.total.max,
    caseness: definition.casenessCutoff,
    reliableChange: definition.reliableChange,
  };
}

export const PHQ9_INSTRUMENT: ScoreInstrument = scoreInstrument(PHQ9, 'PHQ9', 'low mood');
export const GAD7_INSTRUMENT: ScoreInstrument = scoreInstrument(GAD7, 'GAD7', 'anxiety');

/** An ALLIANCE4 total below this is a concern. */
export const ALLIANCE_CONCERN_BELOW = ALLIANCE4.casenessCutoff ?? 36;
export const ALLIANCE_MAX = ALLIANCE4.total.max;

export const CHANGE_CLASS_LABEL: Record<ChangeClass, string> = {
  RELIABLE_IMPROVEMENT: 'reliable improvement',
  NO_RELIABLE_CHANGE: 'no reliable change',
  RELIABLE_DETERIORATION: 'reliable deterioration',
};

export const SIGNAL_LABEL: Record<TrajectorySignal, string> = {
  WHITE: 'In healthy range',
  GREEN: 'On track',
  YELLOW: 'Behind expected',
  RED: 'Off track',
};

export const SIGNAL_DESCRIPTION: Record<TrajectorySignal, string> = {
  WHITE: 'Scores are below the clinical cut-off.',
  GREEN: 'Improving as expected for their starting severity.',
  YELLOW: 'Improving less than expected; worth reviewing.',
  RED: 'Not improving as expected; at risk of a poor outcome.',
};

export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  SCHEDULED: 'Scheduled',
  ATTENDED: 'Attended',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'Did not attend',
};

export const HOMEWORK_STATUS_LABEL: Record<HomeworkStatus, string> = {
  DONE: 'Done',
  PARTIAL: 'Partly done',
  NOT_DONE: 'Not done',
};

export const HOMEWORK_FREQUENCY_LABEL: Record<HomeworkFrequency, string> = {
  ONCE: 'Once',
  DAILY: 'Every day',
  WEEKLY: 'Every week',
};
