import { PHQ9_ITEM9_INDEX } from '../instruments/phq9.js';
import { raise, refOf } from './flag.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import type { Flag, HelpNowMark, RiskTrigger, ScorePoint } from './types.js';

export interface RiskInput {
  /** The PHQ-9 response being written (normally the latest), with its answers. */
  phq9?: ScorePoint | null;
  /** Notes or comments the client has just marked "I need help now". */
  helpNow?: readonly HelpNowMark[];
}

/** RISK (urgent): PHQ-9 item 9 above 0, or anything the client marked "I need help now". */
export function evaluateRisk(input: RiskInput, settings: FlagSettings = DEFAULT_FLAG_SETTINGS): Flag<'RISK'> | null {
  const triggers: RiskTrigger[] = [];
  const item9 = input.phq9?.answers?.[PHQ9_ITEM9_INDEX];
  if (input.phq9 && item9 !== undefined && item9 > settings.riskItem9Above) {
    triggers.push({ rule: 'PHQ9_ITEM9', item9, above: settings.riskItem9Above, response: refOf(input.phq9) });
  }
  for (const mark of input.helpNow ?? []) {
    triggers.push({ rule: 'HELP_NOW', source: mark.source, record: refOf(mark) });
  }
  return raise('RISK', triggers);
}
