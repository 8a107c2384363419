import { daysBetween, type LocalDate } from '../dates/local-date.js';
import { ALLIANCE4 } from '../instruments/alliance4.js';
import { requireInstrument } from '../instruments/registry.js';
import type { ClearTrigger } from './clearing.js';
import type { FlagKind, FlagTrigger } from './types.js';

export const FLAG_KIND_LABEL: Readonly<Record<FlagKind, string>> = {
  RISK: 'Risk',
  ALLIANCE_RUPTURE: 'Alliance rupture',
  NOT_ON_TRACK: 'Not on track',
  DETERIORATION: 'Deterioration',
  STALLED: 'Stalled',
  DISENGAGING: 'Disengaging',
};

const ALLIANCE_ITEM_MAX = ALLIANCE4.items[0]?.max ?? 10;

/** At most one decimal, no trailing ".0". */
function num(value: number, decimals = 1): string {
  return String(Number(value.toFixed(decimals)));
}

function plural(count: number, noun: string): string {
  return `${num(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function label(code: string): string {
  return requireInstrument(code).shortTitle ?? code;
}

/** "3 weeks" or "10 days" for an inclusive from-to window. */
function period(from: LocalDate, to: LocalDate): string {
  const days = daysBetween(from, to) + 1;
  return days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day');
}

/** One plain sentence for a trigger, in the therapist's words. */
export function describeTrigger(trigger: FlagTrigger): string {
  switch (trigger.rule) {
    case 'PHQ9_ITEM9':
      return 'PHQ-9 item 9 (thoughts of self-harm) endorsed';
    case 'HELP_NOW':
      return `Client marked a ${trigger.source === 'MOOD_NOTE' ? 'mood note' : 'rating comment'} "I need help now"`;
    case 'ALLIANCE_TOTAL_LOW':
      return `Alliance total ${trigger.total} of ${ALLIANCE4.total.max}, below ${num(trigger.below)}`;
    case 'ALLIANCE_DROP':
      return trigger.previousTotals.length === 1
        ? `Alliance dropped ${plural(trigger.drop, 'point')} since last session`
        : `Alliance dropped ${plural(trigger.drop, 'point')} below the average of the previous ${trigger.previousTotals.length} ratings`;
    case 'ALLIANCE_ITEM_DROP':
      return `Alliance item "${trigger.itemText}" rated ${trigger.value} of ${ALLIANCE_ITEM_MAX}, ${plural(trigger.drop, 'point')} below last time (${trigger.previous})`;
    case 'ALLIANCE_ITEM_LOW':
      return `Alliance item "${trigger.itemText}" rated ${trigger.value} of ${ALLIANCE_ITEM_MAX}`;
    case 'OFF_TRACK': {
      const total = requireInstrument(trigger.instrument).total;
      const lower = Math.max(total.min, trigger.lower);
      const upper = Math.min(total.max, trigger.upper);
      return `${label(trigger.instrument)} ${trigger.score} at session ${trigger.sessionNumber} is worse than expected (expected ${num(lower)}-${num(upper)})`;
    }
    case 'RELIABLE_DETERIORATION':
      return `${label(trigger.instrument)} rose ${plural(trigger.change, 'point')} since the start of the episode (${trigger.baseline} to ${trigger.score})`;
    case 'SCORES_FLAT':
      return `No reliable improvement after ${plural(trigger.attendedSessions, 'session')}; last ${trigger.recentScores.length} ${label(trigger.instrument)} scores ${trigger.recentScores.join(', ')}`;
    case 'MOOD_FLAT_LOW': {
      const slope = num(trigger.slopePerWeek, 2);
      return `Mood low and flat over the last ${period(trigger.from, trigger.to)} (average ${num(trigger.mean)}, trend ${trigger.slopePerWeek > 0 ? '+' : ''}${slope} per week)`;
    }
    case 'MOOD_GAP':
      return `No mood entry for ${plural(trigger.daysWithoutEntry, 'day')} after regular use (${trigger.entriesBefore} entries in the ${trigger.regularWindowDays} days before)`;
    case 'HOMEWORK_LOW':
      return `Homework adherence ${Math.round(trigger.adherence * 100)}% over the last ${period(trigger.from, trigger.to)}`;
    case 'SESSIONS_MISSED':
      return `${trigger.missed} of the last ${plural(trigger.of, 'session')} missed`;
    default:
      // Evidence is read back from storage, so a rule from another version can still arrive.
      return `Flag raised (rule ${String((trigger as { rule?: unknown }).rule)})`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Nov" for 2026-11-03. */
export function shortDate(date: LocalDate): string {
  const [, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]}`;
}

/** Why the engine cleared a flag, in the therapist's words. */
export function describeClearance(trigger: ClearTrigger): string {
  switch (trigger.rule) {
    case 'BACK_IN_BAND': {
      const byInstrument = new Map<string, typeof trigger.scores>();
      for (const s of trigger.scores) byInstrument.set(s.instrument, [...(byInstrument.get(s.instrument) ?? []), s]);
      const parts = [...byInstrument].map(
        ([instrument, scores]) =>
          `${label(instrument)} ${scores.map((s) => `${s.score} at session ${s.sessionNumber}`).join(' and ')}`,
      );
      return `Back within the expected range for two scores in a row: ${parts.join('; ')}`;
    }
    case 'RELIABLE_IMPROVEMENT':
      return `${label(trigger.instrument)} fell ${plural(trigger.change, 'point')} since the start of the episode (${trigger.baseline} to ${trigger.score}): reliable improvement`;
    case 'RE_ENGAGED': {
      const mood =
        trigger.lastMoodDate === null ? 'no mood entries' : `last mood entry ${shortDate(trigger.lastMoodDate)}`;
      const sessions =
        trigger.of === 0 ? '' : `; ${trigger.missed} of the last ${plural(trigger.of, 'session')} missed`;
      return `Re-engaged: no sign of disengagement as of ${shortDate(trigger.asOf)} (${mood}${sessions})`;
    }
    default:
      return `Cleared (rule ${String((trigger as { rule?: unknown }).rule)})`;
  }
}

/** A rupture followed by a rating at or above the concern line, for the therapist to confirm. */
export function describeRepair(repair: { total: number; date: LocalDate }): string {
  return `Repair observed (rating ${repair.total} on ${shortDate(repair.date)})`;
}

/** The flag in plain words: its triggers' sentences joined with "; ". */
export function describeFlag(flag: { evidence: { triggers: readonly FlagTrigger[] } }): string {
  // A signal seen again while the flag is open (a second PHQ-9 with item 9) is counted, not repeated.
  const seen = new Map<string, number>();
  for (const sentence of flag.evidence.triggers.map(describeTrigger)) seen.set(sentence, (seen.get(sentence) ?? 0) + 1);
  return [...seen].map(([sentence, times]) => (times === 1 ? sentence : `${sentence} (${times} times)`)).join('; ');
}
