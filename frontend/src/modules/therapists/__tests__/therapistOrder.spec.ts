import { describe, expect, it } from '@jest/globals';
import { alphabetical } from '../therapistOrder';

describe('alphabetical', () => {
  it('lists people by name whatever their order or case, ties by id', () => {
    const people = [
      { id: '3', name: 'dana Ruiz' },
      { id: '2', name: 'Ana Kovač' },
      { id: '1', name: 'Ana Kovač' },
      { id: '4', name: 'Ben Okafor' },
    ];
    expect(
      alphabetical(
        people,
        (p) => p.name,
        (p) => p.id,
      ).map((p) => p.id),
    ).toEqual(['1', '2', '4', '3']);
  });
});
