import { describe, expect, it } from '@jest/globals';
import {
  addYearsToLocalDate,
  defaultPeriod,
  isLocalDate,
  periodProblem,
  readReportParams,
  reportSearch,
} from '../reportParams';

const THERAPIST = '3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b';
const read = (query: string, today = '2026-11-21') => readReportParams(new URLSearchParams(query), today);

describe('report period', () => {
  it('defaults to the last 12 months, today included', () => {
    expect(defaultPeriod('2026-11-21')).toEqual({ from: '2025-11-22', to: '2026-11-21' });
    expect(defaultPeriod('2026-01-01')).toEqual({ from: '2025-01-02', to: '2026-01-01' });
  });

  it('handles 29 February', () => {
    expect(addYearsToLocalDate('2024-02-29', -1)).toBe('2023-02-28');
    expect(defaultPeriod('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('25-01-01')).toBe(false);
  });

  it('refuses what the API would: an end before the start or more than 5 years', () => {
    expect(periodProblem('2025-01-01', '2025-12-31')).toBeNull();
    expect(periodProblem('2025-01-01', '2030-01-01')).toBeNull();
    expect(periodProblem('2025-01-01', '2030-01-02')).toEqual({
      field: 'to',
      message: 'A report can cover at most 5 years.',
    });
    expect(periodProblem('2025-02-01', '2025-01-31')?.field).toBe('to');
    expect(periodProblem('', '2025-01-31')?.field).toBe('from');
  });
});

describe('report URL', () => {
  it('reads the period, therapist and instrument of a shared link', () => {
    expect(read(`from=2025-01-01&to=2025-06-30&therapist=${THERAPIST}&instrument=GAD7`)).toEqual({
      params: { from: '2025-01-01', to: '2025-06-30', therapistId: THERAPIST, instrument: 'GAD7' },
      adjusted: false,
    });
  });

  it('shows the last 12 months of the whole practice on PHQ-9 without parameters', () => {
    expect(read('')).toEqual({
      params: { from: '2025-11-22', to: '2026-11-21', therapistId: null, instrument: 'PHQ9' },
      adjusted: false,
    });
  });

  it('keeps 12 months from one end given alone', () => {
    expect(read('from=2025-03-01').params).toMatchObject({ from: '2025-03-01', to: '2026-02-28' });
    expect(read('to=2025-03-01').params).toMatchObject({ from: '2024-03-02', to: '2025-03-01' });
  });

  it('falls back to defaults for values it cannot use, and says so', () => {
    expect(read('from=2025-06-30&to=2025-01-01')).toEqual({
      params: { from: '2025-11-22', to: '2026-11-21', therapistId: null, instrument: 'PHQ9' },
      adjusted: true,
    });
    expect(read('therapist=1%20OR%201=1').adjusted).toBe(true);
    expect(read('instrument=ORS')).toMatchObject({ params: { instrument: 'PHQ9' }, adjusted: true });
  });

  it('writes the period always and the rest only when set, and reads back the same', () => {
    const params = { from: '2025-01-01', to: '2025-06-30', therapistId: null, instrument: 'PHQ9' as const };
    expect(reportSearch(params).toString()).toBe('from=2025-01-01&to=2025-06-30');
    const full = { ...params, therapistId: THERAPIST, instrument: 'GAD7' as const };
    expect(reportSearch(full).toString()).toBe(`from=2025-01-01&to=2025-06-30&therapist=${THERAPIST}&instrument=GAD7`);
    expect(readReportParams(reportSearch(full), '2026-11-21').params).toEqual(full);
  });
});
