import type { LocalDate } from '../dates/local-date.js';
import type { HomeworkStatus } from '../statistics/homework.js';
import type { TrajectoryInstrument } from '../statistics/trajectory.js';

export type FlagKind = 'RISK' | 'ALLIANCE_RUPTURE' | 'NOT_ON_TRACK' | 'DETERIORATION' | 'STALLED' | 'DISENGAGING';
export type FlagSeverity = 'URGENT' | 'HIGH' | 'MEDIUM';

export const FLAG_SEVERITY: Readonly<Record<FlagKind, FlagSeverity>> = {
  RISK: 'URGENT',
  ALLIANCE_RUPTURE: 'HIGH',
  NOT_ON_TRACK: 'HIGH',
  DETERIORATION: 'HIGH',
  STALLED: 'MEDIUM',
  DISENGAGING: 'MEDIUM',
};

/**
 * One flag per problem: a kind is not opened while a more specific kind about the same scores is
 * open for the client (reliable deterioration says more than "behind the expected curve", which
 * says more than "stalled"). The subsumed kind is opened later if its condition still holds once
 * the more specific flag has closed.
 */
export const SUBSUMED_BY: Readonly<Partial<Record<FlagKind, readonly FlagKind[]>>> = {
  NOT_ON_TRACK: ['DETERIORATION'],
  STALLED: ['DETERIORATION', 'NOT_ON_TRACK'],
};

// ---- What the evaluators read. Ids and timestamps are optional and copied into the evidence,
// so a stored flag can point back at the records that raised it.

/** Where a data point came from. */
export interface RecordRef {
  id?: string;
  at?: string;
}

/** One scored PHQ-9 or GAD-7 response in the current episode; series are oldest first. */
export interface ScorePoint extends RecordRef {
  total: number;
  /** Session number within the episode the response belongs to, if any. */
  sessionNumber?: number | null;
  /** Item answers, needed only for the PHQ-9 item-9 risk check. */
  answers?: readonly number[];
}

export interface MeasureSeries {
  phq9?: readonly ScorePoint[];
  gad7?: readonly ScorePoint[];
}

export type HelpNowSource = 'MOOD_NOTE' | 'RATING_COMMENT';

/** A note or comment the client marked "I need help now". */
export interface HelpNowMark extends RecordRef {
  source: HelpNowSource;
}

export interface AllianceRatingPoint extends RecordRef {
  /** ALLIANCE4 answers in item order. */
  answers: readonly number[];
}

export type SessionStatus = 'SCHEDULED' | 'ATTENDED' | 'CANCELLED' | 'NO_SHOW';

export interface SessionPoint extends RecordRef {
  status: SessionStatus;
}

export interface HomeworkReportPoint extends RecordRef {
  /** The assignment the report is for. */
  assignmentId: string;
  /** Client-local date of the report. */
  date: LocalDate;
  status: HomeworkStatus;
}

// ---- What the evaluators return. Every trigger names its rule, the values that met it and the
// threshold in force, so the evidence stands on its own after settings change.

export type RiskTrigger =
  | { rule: 'PHQ9_ITEM9'; item9: number; above: number; response: RecordRef }
  | { rule: 'HELP_NOW'; source: HelpNowSource; record: RecordRef };

export type AllianceRuptureTrigger =
  | { rule: 'ALLIANCE_TOTAL_LOW'; total: number; below: number; rating: RecordRef }
  | {
      rule: 'ALLIANCE_DROP';
      total: number;
      previousTotals: number[];
      previousMean: number;
      drop: number;
      atLeast: number;
      rating: RecordRef;
    }
  | {
      rule: 'ALLIANCE_ITEM_DROP';
      itemId: string;
      itemText: string;
      value: number;
      previous: number;
      drop: number;
      atLeast: number;
      rating: RecordRef;
      previousRating: RecordRef;
    }
  /** Rule version 1.1.0 and earlier ("any item at most 5"): only in stored evidence. */
  | { rule: 'ALLIANCE_ITEM_LOW'; itemId: string; itemText: string; value: number; atMost: number; rating: RecordRef };

export interface NotOnTrackTrigger {
  rule: 'OFF_TRACK';
  instrument: TrajectoryInstrument;
  baseline: number;
  baselineBand: string;
  score: number;
  sessionNumber: number;
  expected: number;
  lower: number;
  upper: number;
  signal: 'YELLOW' | 'RED';
  modelSource: 'PRACTICE' | 'DEFAULT';
  response: RecordRef;
}

export interface DeteriorationTrigger {
  rule: 'RELIABLE_DETERIORATION';
  instrument: TrajectoryInstrument;
  baseline: number;
  score: number;
  change: number;
  threshold: number;
  baselineResponse: RecordRef;
  response: RecordRef;
}

export type StalledTrigger =
  | {
      rule: 'SCORES_FLAT';
      instrument: TrajectoryInstrument;
      attendedSessions: number;
      recentScores: number[];
      spread: number;
      allowedSpread: number;
      responses: RecordRef[];
    }
  | { rule: 'MOOD_FLAT_LOW'; slopePerWeek: number; mean: number; entries: number; from: LocalDate; to: LocalDate };

export type DisengagingTrigger =
  | {
      rule: 'MOOD_GAP';
      lastEntryDate: LocalDate;
      daysWithoutEntry: number;
      entriesBefore: number;
      regularWindowDays: number;
      asOf: LocalDate;
    }
  | {
      rule: 'HOMEWORK_LOW';
      adherence: number;
      below: number;
      done: number;
      partial: number;
      notDone: number;
      expected: number;
      from: LocalDate;
      to: LocalDate;
    }
  | { rule: 'SESSIONS_MISSED'; missed: number; of: number; sessions: (RecordRef & { status: SessionStatus })[] };

export interface TriggersByKind {
  RISK: RiskTrigger;
  ALLIANCE_RUPTURE: AllianceRuptureTrigger;
  NOT_ON_TRACK: NotOnTrackTrigger;
  DETERIORATION: DeteriorationTrigger;
  STALLED: StalledTrigger;
  DISENGAGING: DisengagingTrigger;
}

export type FlagTrigger = TriggersByKind[FlagKind];

export interface FlagEvidence<T extends FlagTrigger = FlagTrigger> {
  ruleVersion: string;
  triggers: readonly T[];
}

export interface Flag<K extends FlagKind = FlagKind> {
  kind: K;
  severity: FlagSeverity;
  evidence: FlagEvidence<TriggersByKind[K]>;
}

/** Any one flag, discriminated by kind. */
export type AnyFlag = { [K in FlagKind]: Flag<K> }[FlagKind];
