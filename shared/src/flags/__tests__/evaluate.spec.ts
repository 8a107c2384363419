import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../dates/local-date.js';
import { evaluateFlags, type ClientFlagInput } from '../evaluate.js';
import { DEFAULT_FLAG_SETTINGS } from '../settings.js';

const AS_OF = '2025-03-31';

function calmClient(): ClientFlagInput {
  return {
    asOf: AS_OF,
    attendedSessions: 4,
    phq9: [
      { sessionNumber: 1, total: 14 },
      { sessionNumber: 4, total: 9, answers: [1, 1, 1, 1, 1, 1, 1, 2, 0] },
    ],
    gad7: [
      { sessionNumber: 1, total: 11 },
      { sessionNumber: 4, total: 7 },
    ],
    alliance: [{ answers: [9, 9, 9, 9] }, { answers: [10, 9, 9, 9] }],
    moods: Array.from({ length: 20 }, (_, i) => ({ date: addDays(AS_OF, -i), rating: 7 })),
    homework: {
      tasks: [{ id: 'walk', frequency: 'DAILY', assignedOn: addDays(AS_OF, -1), dueOn: null }],
      reports: [{ assignmentId: 'walk', date: AS_OF, status: 'DONE' }],
    },
    sessions: [{ status: 'ATTENDED' }, { status: 'ATTENDED' }, { status: 'ATTENDED' }, { status: 'ATTENDED' }],
  };
}

describe('evaluateFlags', () => {
  it('raises nothing for a client who is improving and engaged', () => {
    expect(evaluateFlags(calmClient())).toEqual([]);
  });

  it('raises one flag per kind that fires, most severe first and, within a severity, the more specific first', () => {
    const client = calmClient();
    client.phq9 = [
      { sessionNumber: 1, total: 12 },
      { sessionNumber: 4, total: 18, answers: [2, 2, 2, 2, 2, 2, 2, 2, 2] },
    ];
    client.alliance = [{ answers: [10, 10, 10, 10] }, { answers: [8, 8, 8, 8] }];
    const flags = evaluateFlags(client);
    expect(flags.map((f) => [f.kind, f.severity])).toEqual([
      ['RISK', 'URGENT'],
      ['ALLIANCE_RUPTURE', 'HIGH'],
      ['DETERIORATION', 'HIGH'], // 12 → 18 is +6
      ['NOT_ON_TRACK', 'HIGH'], // 18 > 12 - 2.4 × ln 4 + 5 = 13.67
    ]);
  });

  it('applies practice settings to every rule', () => {
    const client = calmClient();
    client.alliance = [{ answers: [9, 9, 9, 9] }];
    expect(evaluateFlags(client, { ...DEFAULT_FLAG_SETTINGS, allianceTotalBelow: 37 }).map((f) => f.kind)).toEqual([
      'ALLIANCE_RUPTURE',
    ]);
  });
});
