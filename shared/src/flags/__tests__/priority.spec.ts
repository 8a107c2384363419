import { describe, expect, it } from '@jest/globals';
import { priorityRank, type RankableFlag } from '../priority.js';

describe('priorityRank', () => {
  it('orders urgent, then high, then medium, and within each the longest open first', () => {
    const flags: (RankableFlag & { name: string })[] = [
      { name: 'medium-old', severity: 'MEDIUM', openedAt: '2025-01-01T00:00:00Z' },
      { name: 'high-new', severity: 'HIGH', openedAt: '2025-03-30T00:00:00Z' },
      { name: 'urgent-new', severity: 'URGENT', openedAt: '2025-03-31T08:00:00Z' },
      { name: 'high-old', severity: 'HIGH', openedAt: new Date('2025-03-01T00:00:00Z') },
      { name: 'urgent-old', severity: 'URGENT', openedAt: '2025-03-31T07:59:59Z' },
    ];
    expect([...flags].sort(priorityRank).map((f) => f.name)).toEqual([
      'urgent-old',
      'urgent-new',
      'high-old',
      'high-new',
      'medium-old',
    ]);
  });

  it('refuses an unreadable opened time rather than sorting it anywhere', () => {
    expect(() =>
      priorityRank({ severity: 'HIGH', openedAt: 'yesterday' }, { severity: 'HIGH', openedAt: '2025-01-01' }),
    ).toThrow(RangeError);
  });
});
