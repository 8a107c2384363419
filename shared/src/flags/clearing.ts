import { daysBetween, type LocalDate } from '../dates/local-date.js';
import { requireInstrument } from '../instruments/registry.js';
import { severityBand } from '../instruments/scoring.js';
import { classifyChange } from '../statistics/reliable-change.js';
import {
  DEFAULT_TRAJECTORY_MODELS,
  expectedTrajectory,
  trajectorySignal,
  type TrajectoryInstrument,
  type TrajectoryModel,
} from '../statistics/trajectory.js';
import { evaluateDisengaging } from './disengaging.js';
import type { ClientFlagInput } from './evaluate.js';
import { refOf } from './flag.js';
import { seriesWithAtLeast } from './measures.js';
import { DEFAULT_FLAG_SETTINGS, FLAG_RULE_VERSION, type FlagSettings } from './settings.js';
import type { FlagKind, RecordRef } from './types.js';

/**
 * Kinds the engine clears by itself once their condition no longer holds. RISK and DETERIORATION
 * are never among them: only a clinician closes those, with a note. ALLIANCE_RUPTURE is not either:
 * a repair is shown for the therapist to confirm.
 */
export const CLEARABLE_KINDS = ['NOT_ON_TRACK', 'STALLED', 'DISENGAGING'] as const satisfies readonly FlagKind[];
export type ClearableKind = (typeof CLEARABLE_KINDS)[number];

export function isClearable(kind: FlagKind): kind is ClearableKind {
  return (CLEARABLE_KINDS as readonly FlagKind[]).includes(kind);
}

export interface InBandScore {
  instrument: TrajectoryInstrument;
  score: number;
  sessionNumber: number;
  /** The worse edge of the expected band at that session. */
  upper: number;
  response: RecordRef;
}

export type ClearTrigger =
  | { rule: 'BACK_IN_BAND'; scores: InBandScore[] }
  | {
      rule: 'RELIABLE_IMPROVEMENT';
      instrument: TrajectoryInstrument;
      baseline: number;
      score: number;
      change: number;
      threshold: number;
      response: RecordRef;
    }
  | {
      rule: 'RE_ENGAGED';
      asOf: LocalDate;
      /** The latest mood entry up to asOf, if any. */
      lastMoodDate: LocalDate | null;
      /** No-shows among the last held-or-missed sessions looked at. */
      missed: number;
      of: number;
    };

/** When the open flag was opened: the instant, and the client's local date then. */
export interface FlagOpened {
  at: string;
  on: LocalDate;
}

export interface FlagClearance {
  kind: ClearableKind;
  /** Why the flag cleared; kept with the flag beside the evidence that opened it. */
  evidence: { ruleVersion: string; trigger: ClearTrigger };
}

/**
 * Whether an open flag of `kind` no longer holds, judged on the client's current data:
 * - NOT_ON_TRACK: the last two scores of each measure (with at least two) are inside the expected
 *   band or better, so one score back in band is not enough;
 * - STALLED: reliable improvement from the episode's first score on either measure;
 * - DISENGAGING: no disengagement sign holds any more, and the client has done something since the
 *   flag opened (a mood entry or homework report dated from then, or a session attended after it or
 *   after the last no-show):
 *   a sign that only slid out of its window (a gap older than the mood data read) is not
 *   re-engagement. `input` must carry moods, homework and sessions.
 */
export function evaluateClearing(
  kind: ClearableKind,
  input: ClientFlagInput,
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
  models: Readonly<Record<TrajectoryInstrument, TrajectoryModel>> = DEFAULT_TRAJECTORY_MODELS,
  opened: FlagOpened | null = null,
): FlagClearance | null {
  const trigger = clearTrigger(kind, input, settings, models, opened);
  return trigger ? { kind, evidence: { ruleVersion: FLAG_RULE_VERSION, trigger } } : null;
}

function clearTrigger(
  kind: ClearableKind,
  input: ClientFlagInput,
  settings: FlagSettings,
  models: Readonly<Record<TrajectoryInstrument, TrajectoryModel>>,
  opened: FlagOpened | null,
): ClearTrigger | null {
  const measures = { phq9: input.phq9, gad7: input.gad7 };
  switch (kind) {
    case 'NOT_ON_TRACK': {
      const scores: InBandScore[] = [];
      for (const { instrument, scores: series } of seriesWithAtLeast(measures, 2)) {
        const band = severityBand(instrument, series[0].total);
        if (band === null) return null;
        for (const point of series.slice(-2)) {
          if (point.sessionNumber == null) return null;
          const expected = expectedTrajectory(band, point.sessionNumber, models[instrument]);
          const signal = trajectorySignal(point.total, expected, settings.notOnTrackFromSession);
          if (signal !== 'GREEN' && signal !== 'WHITE') return null;
          scores.push({
            instrument,
            score: point.total,
            sessionNumber: point.sessionNumber,
            upper: expected.upper,
            response: refOf(point),
          });
        }
      }
      return scores.length > 0 ? { rule: 'BACK_IN_BAND', scores } : null;
    }
    case 'STALLED': {
      for (const { instrument, scores } of seriesWithAtLeast(measures, 2)) {
        const baseline = scores[0];
        const latest = scores[scores.length - 1];
        if (classifyChange(instrument, baseline.total, latest.total) !== 'RELIABLE_IMPROVEMENT') continue;
        return {
          rule: 'RELIABLE_IMPROVEMENT',
          instrument,
          baseline: baseline.total,
          score: latest.total,
          change: baseline.total - latest.total,
          threshold: requireInstrument(instrument).reliableChange ?? 0,
          response: refOf(latest),
        };
      }
      return null;
    }
    case 'DISENGAGING': {
      const { asOf } = input;
      const still = evaluateDisengaging(
        { asOf, moods: input.moods, homework: input.homework ?? null, sessions: input.sessions },
        settings,
      );
      if (still) return null;
      // Sessions are recorded after the fact, so one held after the last no-show counts too.
      const lastNoShow = input.sessions.findLastIndex((s) => s.status === 'NO_SHOW');
      const engaged =
        opened === null ||
        input.moods.some((entry) => entry.date >= opened.on) ||
        (input.homework?.reports ?? []).some((report) => report.date >= opened.on) ||
        input.sessions.some(
          (s, i) =>
            s.status === 'ATTENDED' &&
            ((lastNoShow >= 0 && i > lastNoShow) || (s.at !== undefined && Date.parse(s.at) > Date.parse(opened.at))),
        );
      if (!engaged) return null;
      const lastMoodDate = input.moods
        .map((entry) => entry.date)
        .filter((date) => daysBetween(date, asOf) >= 0)
        .reduce<LocalDate | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
      const recent = input.sessions
        .filter((s) => s.status === 'ATTENDED' || s.status === 'NO_SHOW')
        .slice(-settings.missedSessionsOfLast);
      return {
        rule: 'RE_ENGAGED',
        asOf,
        lastMoodDate,
        missed: recent.filter((s) => s.status === 'NO_SHOW').length,
        of: recent.length,
      };
    }
  }
}
