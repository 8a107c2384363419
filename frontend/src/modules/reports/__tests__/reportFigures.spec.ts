import { describe, expect, it } from '@jest/globals';
import type { OutcomeFigures, Rate } from '../graphql/report';
import { figureText, formatRate, headlineFigures, insufficientDataText, rateParts } from '../reportFigures';

const rate = (numerator: number, denominator: number, lower: number | null, upper: number | null): Rate => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
  lower,
  upper,
});

const none = rate(0, 0, null, null);

function figures(overrides: Partial<OutcomeFigures> = {}): OutcomeFigures {
  return {
    referrals: 140,
    episodesEnded: 130,
    finishedCourses: 120,
    finishedEpisodes: 117,
    atCaseness: 117,
    instrument: 'PHQ9',
    changeEpisodes: 110,
    allianceRatings: 412,
    homeworkEpisodes: 64,
    // Wilson 95% for 61/117: 0.4316-0.6098.
    recovery: rate(61, 117, 0.4316, 0.6098),
    // Newcombe (1998), Stat Med 17:857, example: 81/263, Wilson 0.2553-0.3662.
    reliableImprovement: rate(81, 263, 0.2553, 0.3662),
    // Newcombe (1998): 15/148, Wilson 0.0624-0.1605.
    reliableRecovery: rate(15, 148, 0.0624, 0.1605),
    // Newcombe (1998): 0/20, Wilson 0-0.1611.
    reliableDeterioration: rate(0, 20, 0, 0.1611),
    phq9Response: none,
    phq9Remission: none,
    dataCompleteness: rate(117, 120, 0.9291, 0.9915),
    allianceRated: rate(300, 470, 0.5939, 0.6805),
    meanChange: -4.25,
    effectSize: 1.1234,
    meanAttendedSessions: 7.26,
    allianceMean: 37.18,
    homeworkAdherence: 0.584,
    moodAdherence: 0.41,
    ...overrides,
  };
}

describe('rates with their Wilson 95% intervals', () => {
  it('reads a rate as value, interval and counts', () => {
    // Wilson 95% for 61/117 is 0.4316-0.6098.
    expect(formatRate(rate(61, 117, 0.4316, 0.6098))).toBe('52% (95% CI 43–61%), 61 of 117');
  });

  it('rounds published worked examples to whole percentages (Newcombe 1998)', () => {
    expect(formatRate(rate(81, 263, 0.2553, 0.3662))).toBe('31% (95% CI 26–37%), 81 of 263');
    expect(formatRate(rate(15, 148, 0.0624, 0.1605))).toBe('10% (95% CI 6–16%), 15 of 148');
    expect(formatRate(rate(0, 20, 0, 0.1611))).toBe('0% (95% CI 0–16%), 0 of 20');
  });

  it('groups thousands in counts', () => {
    expect(rateParts(rate(1200, 2400, 0.48, 0.52))?.counts).toBe('1,200 of 2,400');
  });

  it('has no rate for an empty denominator or a suppressed figure', () => {
    expect(formatRate(none)).toBeNull();
    expect(formatRate(null)).toBeNull();
  });
});

describe('headline figures', () => {
  it('lists every headline figure in reading order', () => {
    expect(headlineFigures(figures()).map((figure) => figure.key)).toEqual([
      'finishedCourses',
      'atCaseness',
      'recovery',
      'reliableImprovement',
      'reliableRecovery',
      'reliableDeterioration',
      'phq9Response',
      'phq9Remission',
      'meanChange',
      'effectSize',
      'meanAttendedSessions',
      'allianceMean',
      'allianceRated',
      'homeworkAdherence',
      'moodAdherence',
      'dataCompleteness',
    ]);
  });

  it('defines data completeness by paired scores at joint occasions, as the report computes them', () => {
    const completeness = headlineFigures(figures()).find((figure) => figure.key === 'dataCompleteness');
    expect(completeness?.about).toBe(
      'Finished courses (2 or more sessions) with paired scores: PHQ-9 and GAD-7 both completed at the first and at the last of two or more occasions (an occasion is a session, or a day for questionnaires given outside a session).',
    );
  });

  it('reads each figure with its interval, counts or base', () => {
    const text = Object.fromEntries(headlineFigures(figures()).map((figure) => [figure.key, figureText(figure)]));
    expect(text.finishedCourses).toBe('120 of 130 episodes ended');
    expect(text.atCaseness).toBe('117 of 117 finished episodes');
    expect(text.recovery).toBe('52% (95% CI 43–61%), 61 of 117');
    expect(text.meanChange).toBe('−4.3 points, over 110 finished episodes');
    expect(text.effectSize).toBe('d = 1.12 over 110 finished episodes');
    expect(text.meanAttendedSessions).toBe('7.3 per episode, over 130 ended episodes');
    expect(text.allianceMean).toBe('37.2 of 40, from 412 ratings');
    expect(text.allianceRated).toBe('64% (95% CI 59–68%), 300 of 470');
    expect(text.homeworkAdherence).toBe('58% mean over 64 episodes with homework set');
    expect(text.moodAdherence).toBe('41% mean over 130 ended episodes');
    expect(text.dataCompleteness).toBe('98% (95% CI 93–99%), 117 of 120');
  });

  it('shows a dash and the reason for each figure that has none', () => {
    const empty = headlineFigures(
      figures({
        atCaseness: 0,
        changeEpisodes: 1,
        allianceRatings: 0,
        homeworkEpisodes: 0,
        recovery: none,
        reliableRecovery: none,
        phq9Response: none,
        meanChange: null,
        effectSize: null,
        allianceMean: null,
        allianceRated: none,
        homeworkAdherence: null,
      }),
    );
    const byKey = Object.fromEntries(empty.map((figure) => [figure.key, figure]));
    expect(byKey.recovery.value).toBe('—');
    expect(byKey.recovery.unavailable).toBe('no finished episodes at caseness');
    expect(byKey.reliableRecovery.unavailable).toBe('no finished episodes at caseness');
    expect(byKey.phq9Response.unavailable).toBe('no finished episodes with paired PHQ-9 scores');
    expect(byKey.meanChange.unavailable).toBe('not available');
    expect(byKey.effectSize.unavailable).toBe('needs 2 or more finished episodes with paired PHQ-9 scores (1 so far)');
    expect(byKey.allianceMean.unavailable).toBe('no alliance ratings in ended episodes');
    expect(byKey.allianceRated.unavailable).toBe('no attended sessions');
    expect(byKey.homeworkAdherence.unavailable).toBe('no ended episodes had homework set');
    expect(figureText(byKey.recovery)).toBe('— no finished episodes at caseness');
  });

  it('labels mean change and effect size with the report instrument', () => {
    const gad = headlineFigures(figures({ instrument: 'GAD7', meanChange: null, changeEpisodes: 0 }));
    const meanChange = gad.find((figure) => figure.key === 'meanChange');
    expect(meanChange?.label).toBe('Mean change, GAD-7');
    expect(meanChange?.unavailable).toBe('no finished episodes with paired GAD-7 scores');
  });

  it('explains suppressed figures on a therapist with too few finished episodes', () => {
    const suppressed = headlineFigures(
      figures({ finishedEpisodes: 9, recovery: null, meanChange: null, reliableImprovement: null }),
    );
    expect(suppressed.find((figure) => figure.key === 'recovery')?.unavailable).toBe(
      'not shown below 15 finished episodes',
    );
    expect(suppressed.find((figure) => figure.key === 'meanChange')?.unavailable).toBe(
      'not shown below 15 finished episodes',
    );
  });

  it('words a therapist row with too few finished episodes', () => {
    expect(insufficientDataText(9)).toBe('insufficient data (n = 9)');
  });
});
