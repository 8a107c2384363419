import { describe, expect, it } from '@jest/globals';
import { addDays, daysBetween, isLocalDate, toDayNumber, windowStart } from '../local-date.js';

describe('local dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-3-01')).toBe(false);
    expect(isLocalDate('2025-03-01T00:00:00Z')).toBe(false);
    expect(() => toDayNumber('31/03/2025')).toThrow(/YYYY-MM-DD/);
  });

  it('counts calendar days, ignoring daylight-saving changes', () => {
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31'); // across the EU clock change
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
  });

  it('starts a 28-day window ending 31 March on 4 March', () => {
    expect(windowStart('2025-03-31', 28)).toBe('2025-03-04');
    expect(windowStart('2025-03-31', 1)).toBe('2025-03-31');
  });
});
