import type { LocalDate } from '../dates/local-date.js';
import type { HomeworkSchedule } from '../statistics/homework.js';
import type { MoodEntry } from '../statistics/mood.js';
import {
  DEFAULT_TRAJECTORY_MODELS,
  type TrajectoryInstrument,
  type TrajectoryModel,
} from '../statistics/trajectory.js';
import { evaluateAllianceRupture } from './alliance-rupture.js';
import { evaluateDeterioration } from './deterioration.js';
import { evaluateDisengaging } from './disengaging.js';
import { evaluateNotOnTrack } from './not-on-track.js';
import { evaluateRisk } from './risk.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import { evaluateStalled } from './stalled.js';
import type {
  AllianceRatingPoint,
  AnyFlag,
  HelpNowMark,
  HomeworkReportPoint,
  ScorePoint,
  SessionPoint,
} from './types.js';

/** Everything the flag rules read about one client; series are oldest first, for the current episode. */
export interface ClientFlagInput {
  /** The client's local date today. */
  asOf: LocalDate;
  attendedSessions: number;
  /** The latest PHQ-9 should carry its answers, for the item-9 check. */
  phq9: readonly ScorePoint[];
  gad7: readonly ScorePoint[];
  helpNow?: readonly HelpNowMark[];
  alliance: readonly AllianceRatingPoint[];
  moods: readonly MoodEntry[];
  homework?: { tasks: readonly HomeworkSchedule[]; reports: readonly HomeworkReportPoint[] } | null;
  sessions: readonly SessionPoint[];
}

/**
 * Runs every rule for one client, for the periodic sweep or a full recompute. Returns at most one
 * flag per kind, in severity order (DETERIORATION, NOT_ON_TRACK, STALLED: most specific first); the
 * caller skips kinds that already have an open flag or a more specific one (SUBSUMED_BY).
 */
export function evaluateFlags(
  input: ClientFlagInput,
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
  models: Readonly<Record<TrajectoryInstrument, TrajectoryModel>> = DEFAULT_TRAJECTORY_MODELS,
): AnyFlag[] {
  const measures = { phq9: input.phq9, gad7: input.gad7 };
  const flags = [
    evaluateRisk({ phq9: input.phq9.at(-1) ?? null, helpNow: input.helpNow ?? [] }, settings),
    evaluateAllianceRupture(input.alliance, settings),
    // The more specific first, so that it subsumes the others when both hold (SUBSUMED_BY).
    evaluateDeterioration(measures),
    evaluateNotOnTrack(measures, settings, models),
    evaluateStalled(
      { ...measures, attendedSessions: input.attendedSessions, moods: input.moods, asOf: input.asOf },
      settings,
    ),
    evaluateDisengaging(
      { asOf: input.asOf, moods: input.moods, homework: input.homework ?? null, sessions: input.sessions },
      settings,
    ),
  ];
  return flags.filter((flag): flag is AnyFlag => flag !== null);
}
