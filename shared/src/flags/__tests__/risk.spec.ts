import { describe, expect, it } from '@jest/globals';
import { evaluateRisk } from '../risk.js';
import { DEFAULT_FLAG_SETTINGS, FLAG_RULE_VERSION } from '../settings.js';

/** A PHQ-9 response with every item 1 except item 9. */
const phq9 = (item9: number) => ({
  id: 'resp-1',
  at: '2025-03-31T09:00:00Z',
  total: 8 + item9,
  answers: [1, 1, 1, 1, 1, 1, 1, 1, item9],
});

describe('RISK', () => {
  it('fires, urgent, when PHQ-9 item 9 is 1', () => {
    expect(evaluateRisk({ phq9: phq9(1) })).toEqual({
      kind: 'RISK',
      severity: 'URGENT',
      evidence: {
        ruleVersion: FLAG_RULE_VERSION,
        triggers: [{ rule: 'PHQ9_ITEM9', item9: 1, above: 0, response: { id: 'resp-1', at: '2025-03-31T09:00:00Z' } }],
      },
    });
  });

  it('does not fire when item 9 is 0, however high the total', () => {
    expect(evaluateRisk({ phq9: { total: 24, answers: [3, 3, 3, 3, 3, 3, 3, 3, 0] } })).toBeNull();
  });

  it('fires when the client marks a mood note "I need help now"', () => {
    const flag = evaluateRisk({ helpNow: [{ source: 'MOOD_NOTE', id: 'mood-7' }] });
    expect(flag?.evidence.triggers).toEqual([{ rule: 'HELP_NOW', source: 'MOOD_NOTE', record: { id: 'mood-7' } }]);
  });

  it('keeps both reasons when both happen', () => {
    const flag = evaluateRisk({ phq9: phq9(3), helpNow: [{ source: 'RATING_COMMENT' }] });
    expect(flag?.evidence.triggers.map((t) => t.rule)).toEqual(['PHQ9_ITEM9', 'HELP_NOW']);
  });

  it('ignores a PHQ-9 without item answers', () => {
    expect(evaluateRisk({ phq9: { total: 20 } })).toBeNull();
    expect(evaluateRisk({})).toBeNull();
  });

  it('follows a practice threshold of "item 9 above 1"', () => {
    const settings = { ...DEFAULT_FLAG_SETTINGS, riskItem9Above: 1 };
    expect(evaluateRisk({ phq9: phq9(1) }, settings)).toBeNull();
    expect(evaluateRisk({ phq9: phq9(2) }, settings)?.kind).toBe('RISK');
  });
});
