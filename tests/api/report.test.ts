import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const REPORT = `query($input: PracticeReportInput!) { practiceReport(input: $input) {
  from to
  practice { ...F }
  therapists { therapistId therapistName insufficientData figures { ...F } }
  funnel { practiceRate points { therapistId n rate } limits { n lower95 upper95 lower998 upper998 } }
} }
fragment R on Rate { numerator denominator rate lower upper }
fragment F on OutcomeFigures {
  referrals episodesEnded finishedCourses finishedEpisodes atCaseness
  recovery { ...R } reliableImprovement { ...R } reliableRecovery { ...R } reliableDeterioration { ...R }
  phq9Response { ...R } phq9Remission { ...R } dataCompleteness { ...R }
  instrument changeEpisodes meanChange effectSize meanAttendedSessions
  allianceMean allianceRatings allianceRated { ...R } homeworkAdherence homeworkEpisodes moodAdherence
}`;

interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}
interface Figures {
  referrals: number;
  episodesEnded: number;
  finishedCourses: number;
  finishedEpisodes: number;
  atCaseness: number;
  recovery: Rate | null;
  reliableImprovement: Rate | null;
  reliableRecovery: Rate | null;
  reliableDeterioration: Rate | null;
  phq9Response: Rate | null;
  phq9Remission: Rate | null;
  dataCompleteness: Rate | null;
  instrument: string;
  changeEpisodes: number;
  meanChange: number | null;
  effectSize: number | null;
  meanAttendedSessions: number | null;
  allianceMean: number | null;
  allianceRatings: number;
  allianceRated: Rate | null;
  homeworkAdherence: number | null;
  homeworkEpisodes: number;
  moodAdherence: number | null;
}
interface Report {
  from: string;
  to: string;
  practice: Figures;
  therapists: { therapistId: string; therapistName: string; insufficientData: boolean; figures: Figures }[];
  funnel: {
    practiceRate: number | null;
    points: { therapistId: string; n: number; rate: number }[];
    limits: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  };
}

const PERIOD = { from: '2025-01-01', to: '2025-06-30' };

/** Answers that add up to `total`, filling items to their maximum in order. */
function answersFor(total: number, items: number, max: number): number[] {
  return Array.from({ length: items }, (_, i) => Math.max(0, Math.min(max, total - i * max)));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface EpisodeSpec {
  therapist: number;
  startedOn: string;
  /** null: still open. Otherwise the episode lasts 30 days unless given. */
  endedOn?: string | null;
  attended: number;
  missed?: number;
  phq9?: number[];
  gad7?: number[];
  /** ALLIANCE4 totals for the first attended sessions. */
  alliance?: number[];
}

let clientSeq = 0;

/**
 * One client with one episode, written directly as the owner: sessions every 5 days (attended
 * first, then no-shows), the nth score on the day of the nth session, alliance ratings on sessions.
 */
async function addEpisode(
  app: TestApp,
  p: PracticeFixture,
  spec: EpisodeSpec,
): Promise<{ clientId: string; episodeId: string; startedOn: string; endedOn: string | null }> {
  clientSeq += 1;
  const db = app.db.owner;
  const therapistId = p.therapistIds[spec.therapist];
  const endedOn = spec.endedOn === undefined ? addDays(spec.startedOn, 29) : spec.endedOn;
  const {
    rows: [client],
  } = await db.query<{ id: string }>(
    `INSERT INTO client (practice_id, therapist_id, code, display_name, timezone) VALUES ($1, $2, $3, $4, 'UTC') RETURNING id`,
    [p.practiceId, therapistId, `RP-${String(clientSeq).padStart(3, '0')}`, `Report Client ${clientSeq}`],
  );
  const {
    rows: [episode],
  } = await db.query<{ id: string }>(
    `INSERT INTO episode (practice_id, client_id, started_on, ended_on, end_reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [p.practiceId, client.id, spec.startedOn, endedOn, endedOn ? 'COMPLETED' : null],
  );
  const sessions = spec.attended + (spec.missed ?? 0);
  const sessionIds: string[] = [];
  for (let i = 1; i <= sessions; i++) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status)
       VALUES ($1, $2, $3, $4, ($5::date + $6::int) + time '10:00', $7, $8) RETURNING id`,
      [
        p.practiceId,
        client.id,
        episode.id,
        therapistId,
        spec.startedOn,
        (i - 1) * 5,
        i,
        i <= spec.attended ? 'ATTENDED' : 'NO_SHOW',
      ],
    );
    sessionIds.push(rows[0].id);
  }
  const scores = (code: string, totals: number[] | undefined, items: number, max: number, withSession: boolean) =>
    Promise.all(
      (totals ?? []).map((total, i) =>
        db.query(
          `INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source, submitted_at)
           VALUES ($1, $2, $3, $4, $5, '1', $6, $7, 'CLIENT', ($8::date + $9::int) + time '11:00')`,
          [
            p.practiceId,
            client.id,
            episode.id,
            withSession ? sessionIds[i] : null,
            code,
            answersFor(total, items, max),
            total,
            spec.startedOn,
            i * 5,
          ],
        ),
      ),
    );
  await scores('PHQ9', spec.phq9, 9, 3, false);
  await scores('GAD7', spec.gad7, 7, 3, false);
  await scores('ALLIANCE4', spec.alliance, 4, 10, true);
  return { clientId: client.id, episodeId: episode.id, startedOn: spec.startedOn, endedOn };
}

// Outcome patterns (PHQ-9 first, last; GAD-7 first, last). Caseness: PHQ-9 >= 10 or GAD-7 >= 8.
// Reliable change: PHQ-9 6, GAD-7 4. Response: PHQ-9 falls by >= half. Remission: last PHQ-9 < 5.
// Scores are paired on the first and last occasions (here: days) with both PHQ-9 and GAD-7.
const A = { phq9: [16, 9, 4], gad7: [12, 5, 3] }; // case; ends 4 and 3: recovered; -12 and -9: reliable improvement and recovery; 12 >= 8 response; 4 < 5 remission
const B = { phq9: [12, 8], gad7: [9, 6] }; // case; ends 8 < 10 and 6 < 8: recovered; -4 < 6 and -3 < 4: no reliable change; 4 < 6 no response
const C = { phq9: [14, 13], gad7: [10, 9] }; // case; still a case at the end; no reliable change
const D = { phq9: [10, 17], gad7: [8, 9] }; // case; +7 >= 6 on PHQ-9: reliable deterioration
const E = { phq9: [6, 3], gad7: [5, 2] }; // not a case; -3 and -3 not reliable; 3 >= 6/2 response; 3 < 5 remission
const F = { phq9: [8, 2], gad7: [6, 1] }; // not a case; -6 and -5: reliable improvement; 6 >= 4 response; 2 < 5 remission

describe('practice outcome report', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let firstA: { clientId: string; episodeId: string; startedOn: string; endedOn: string | null };
  let manager: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'rep', { therapists: 2, clientsPerTherapist: 0 });
    let day = 0;
    const next = () => addDays('2025-01-10', (day += 3));
    // Therapist 1: 15 finished episodes (5 A, 3 B, 3 C, 2 D, 1 E, 1 F), each 3 sessions attended and 1 missed.
    // The first C started before the period (ended inside it): it counts as ended, not as a referral.
    // Each A episode has alliance ratings 36 and 38 on its first two sessions.
    const t1 = [A, A, A, A, A, B, B, B, C, C, C, D, D, E, F];
    for (const [i, pattern] of t1.entries()) {
      const startedOn = i === 8 ? '2024-12-20' : next();
      const added = await addEpisode(app, p, {
        therapist: 0,
        startedOn,
        attended: 3,
        missed: 1,
        ...pattern,
        alliance: pattern === A ? [36, 38] : [],
      });
      if (i === 0) firstA = added;
    }
    // Therapist 1, G: a finished course (2 attended) with a single PHQ-9 and no GAD-7: no paired scores.
    await addEpisode(app, p, { therapist: 0, startedOn: next(), attended: 2, phq9: [12] });
    // Therapist 2: 5 finished episodes (2 A, B, C, D): fewer than 15. The first rated all four sessions,
    // 36, 38 and 37 on the attended ones and 40 on the missed one (a rating, but not of an attended session).
    for (const [i, pattern] of [A, A, B, C, D].entries()) {
      await addEpisode(app, p, {
        therapist: 1,
        startedOn: next(),
        attended: 3,
        missed: 1,
        ...pattern,
        alliance: i === 0 ? [36, 38, 37, 40] : [],
      });
    }
    // Therapist 2, H: paired scores but one attended session: not a finished course.
    await addEpisode(app, p, { therapist: 1, startedOn: next(), attended: 1, missed: 1, ...A });
    // Therapist 2, J: open episode started in the period: a referral only.
    await addEpisode(app, p, { therapist: 1, startedOn: '2025-06-01', endedOn: null, attended: 1, phq9: [20] });
    // Therapist 2, I: ended before the period: in nothing.
    await addEpisode(app, p, { therapist: 1, startedOn: '2024-11-01', endedOn: '2024-12-15', attended: 3, ...F });

    // Homework. First A episode: a daily task set on day 1, due until day 10: a report is due on days 2-10
    // (9 expected; nothing is due on the day a task is set), reported on those days: 6 done, 2 partial,
    // 1 not done. Each report counts for the due day it answers (a daily one: its own day).
    const owner = app.db.owner;
    const hw = async (
      episode: typeof firstA,
      frequency: string,
      assignedOffset: number,
      dueOffset: number,
      reports: [number, string][],
    ) => {
      const {
        rows: [a],
      } = await owner.query<{ id: string }>(
        `INSERT INTO homework_assignment (practice_id, client_id, episode_id, title, instructions, frequency, assigned_on, due_on, created_by)
         VALUES ($1, $2, $3, 'Thought record', 'Write it down', $4, $5::date + $6::int, $5::date + $7::int, $8) RETURNING id`,
        [
          p.practiceId,
          episode.clientId,
          episode.episodeId,
          frequency,
          episode.startedOn,
          assignedOffset,
          dueOffset,
          p.therapistIds[0],
        ],
      );
      for (const [offset, status] of reports) {
        await owner.query(
          `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES ($1, $2, $3, $4::date + $5::int, $6)`,
          [p.practiceId, episode.clientId, a.id, episode.startedOn, offset, status],
        );
      }
    };
    await hw(firstA, 'DAILY', 1, 10, [
      [2, 'DONE'],
      [3, 'DONE'],
      [4, 'DONE'],
      [5, 'DONE'],
      [6, 'DONE'],
      [7, 'DONE'],
      [8, 'PARTIAL'],
      [9, 'PARTIAL'],
      [10, 'NOT_DONE'],
    ]);
    // First B episode (the 6th of therapist 1): weekly, set on day 0, due until day 13: due on day 7 only
    // (day 14 is past the due date): 1 expected; one done early (day 2, for day 7) and one done 2 days
    // after the episode ended (a late report for the same, last due day): adherence is capped at 1.
    const firstB = await owner.query<{ client_id: string; id: string; started_on: string }>(
      `SELECT e.client_id, e.id, e.started_on FROM episode e JOIN client c ON c.id = e.client_id WHERE c.code = 'RP-006'`,
    );
    const b = firstB.rows[0];
    await hw({ clientId: b.client_id, episodeId: b.id, startedOn: b.started_on, endedOn: null }, 'WEEKLY', 0, 13, [
      [2, 'DONE'],
      [31, 'DONE'],
    ]);
    // Mood: the first A client logged on days 0-14 of the 30-day episode, and 3 days after it.
    await owner.query(
      `INSERT INTO mood_entry (practice_id, client_id, local_date, rating, note)
       SELECT $1::uuid, $2::uuid, $3::date + d, 5, 'private note' FROM generate_series(0, 14) d UNION ALL
       SELECT $1::uuid, $2::uuid, $3::date + d, 5, NULL FROM generate_series(30, 32) d`,
      [p.practiceId, firstA.clientId, firstA.startedOn],
    );
    // One sign-in for the file: the per-account login limit is 10 a minute.
    manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
  });
  afterAll(() => app.close());

  async function report(input: Record<string, unknown> = PERIOD) {
    return gql<{ practiceReport: Report }>(manager, REPORT, { input });
  }

  it('counts referrals, ended episodes, finished courses and finished episodes', async () => {
    const res = await report();
    expect(res.errors).toBeUndefined();
    const r = res.data?.practiceReport as Report;
    expect(r.from).toBe('2025-01-01');
    // Referrals: therapist 1's 16 ended episodes less the one started in 2024 (15) + therapist 2's 5 + H + J (7).
    // Ended in the period: 15 + G + 5 + H = 22 (I ended in 2024; J is open).
    // Finished courses (>= 2 attended): 15 + G + 5 = 21. Finished episodes (paired scores too): 15 + 5 = 20.
    // At caseness: A, B, C, D are cases: 5+3+3+2 + 2+1+1+1 = 18.
    expect(r.practice).toEqual(
      expect.objectContaining({
        referrals: 22,
        episodesEnded: 22,
        finishedCourses: 21,
        finishedEpisodes: 20,
        atCaseness: 18,
      }),
    );
  });

  it('computes NHS Talking Therapies rates with Wilson 95% intervals', async () => {
    const f = ((await report()).data?.practiceReport as Report).practice;
    // Recovery = A + B at caseness: (5 + 2) + (3 + 1) = 11 of 18. Wilson, z = 1.959964, z² = 3.841459:
    // denominator 1 + 3.841459/18 = 1.213414; centre (0.611111 + 3.841459/36) / 1.213414 = 0.591566;
    // half-width (1.959964/1.213414)·sqrt(0.611111·0.388889/18 + 3.841459/(4·18²)) = 1.615245·0.127150 = 0.205379;
    // so 0.3862 to 0.7969.
    expect(f.recovery).toEqual({
      numerator: 11,
      denominator: 18,
      rate: expect.closeTo(11 / 18, 10),
      lower: expect.closeTo(0.3862, 4),
      upper: expect.closeTo(0.7969, 4),
    });
    // Reliable improvement = A (7) + F (1) = 8 of 20 finished: 0.4, Wilson 0.2188 to 0.6134.
    expect(f.reliableImprovement).toEqual({
      numerator: 8,
      denominator: 20,
      rate: 0.4,
      lower: expect.closeTo(0.2188, 4),
      upper: expect.closeTo(0.6134, 4),
    });
    // Reliable recovery = A = 7 of 18 at caseness: Wilson 0.2031 to 0.6138.
    expect(f.reliableRecovery).toEqual(
      expect.objectContaining({
        numerator: 7,
        denominator: 18,
        lower: expect.closeTo(0.2031, 4),
        upper: expect.closeTo(0.6138, 4),
      }),
    );
    // Reliable deterioration = D = 3 of 20: Wilson 0.0524 to 0.3604.
    expect(f.reliableDeterioration).toEqual(
      expect.objectContaining({
        numerator: 3,
        denominator: 20,
        lower: expect.closeTo(0.0524, 4),
        upper: expect.closeTo(0.3604, 4),
      }),
    );
    // Response = A (7) + E + F = 9 of 20 with paired PHQ-9; remission (last < 5) = A (4) + E (3) + F (2) = 9 of 20.
    expect(f.phq9Response).toEqual(
      expect.objectContaining({
        numerator: 9,
        denominator: 20,
        lower: expect.closeTo(0.2582, 4),
        upper: expect.closeTo(0.6579, 4),
      }),
    );
    expect(f.phq9Remission).toEqual(expect.objectContaining({ numerator: 9, denominator: 20 }));
    // Completeness: 20 paired of 21 finished courses (G has one PHQ-9 only): Wilson 0.7733 to 0.9915.
    expect(f.dataCompleteness).toEqual(
      expect.objectContaining({
        numerator: 20,
        denominator: 21,
        lower: expect.closeTo(0.7733, 4),
        upper: expect.closeTo(0.9915, 4),
      }),
    );
  });

  it('computes mean change, pre-post effect size, sessions, alliance, homework and mood adherence', async () => {
    const f = ((await report()).data?.practiceReport as Report).practice;
    // PHQ-9 pairs (first -> last): A 16->4 ×7, B 12->8 ×4, C 14->13 ×4, D 10->17 ×3, E 6->3, F 8->2.
    // Change sum -12·7 - 4·4 - 1·4 + 7·3 - 3 - 6 = -92 over 20 = -4.6.
    // Pre mean 260/20 = 13; post 168/20 = 8.4. Squared deviations of pre from 13: 9·7 + 1·4 + 1·4 + 9·3 + 49 + 25 = 172;
    // SD = sqrt(172/19) = 3.008766; d = (13 - 8.4)/3.008766 = 1.528867.
    expect(f).toEqual(expect.objectContaining({ instrument: 'PHQ9', changeEpisodes: 20 }));
    expect(f.meanChange).toBeCloseTo(-4.6, 10);
    expect(f.effectSize).toBeCloseTo(1.528867, 5);
    // Attended sessions over the 22 ended episodes: 20·3 + 2 (G) + 1 (H) = 63; 63/22 = 2.863636.
    expect(f.meanAttendedSessions).toBeCloseTo(63 / 22, 10);
    // Alliance: therapist 1's 5 A episodes rated 36 and 38 (5·74 = 370); therapist 2's first 36, 38, 37 and 40 (151):
    // 14 ratings, mean 521/14 = 37.214286. Rated attended sessions: 10 + 3 (the 40 was on a missed session) of 63;
    // Wilson 13/63 = 0.2063, 0.1248 to 0.3217.
    expect(f.allianceMean).toBeCloseTo(521 / 14, 10);
    expect(f.allianceRatings).toBe(14);
    expect(f.allianceRated).toEqual(
      expect.objectContaining({
        numerator: 13,
        denominator: 63,
        lower: expect.closeTo(0.1248, 4),
        upper: expect.closeTo(0.3217, 4),
      }),
    );
    // Homework: daily (6 + 0.5·2)/9 = 7/9; weekly 1/1 = 1 (the report after the episode is outside);
    // mean (7/9 + 1)/2 = 8/9.
    expect(f.homeworkAdherence).toBeCloseTo(8 / 9, 10);
    expect(f.homeworkEpisodes).toBe(2);
    // Mood: one episode logged 15 of its 30 days (0.5), the other 21 ended episodes none: 0.5/22.
    expect(f.moodAdherence).toBeCloseTo(0.5 / 22, 10);
  });

  it('uses GAD-7 for mean change when asked', async () => {
    const res = await report({ ...PERIOD, instrument: 'GAD7' });
    const f = (res.data?.practiceReport as Report).practice;
    // GAD-7 changes: A -9 ×7, B -3 ×4, C -1 ×4, D +1 ×3, E -3, F -5: -63 - 12 - 4 + 3 - 3 - 5 = -84; /20 = -4.2.
    expect(f.instrument).toBe('GAD7');
    expect(f.meanChange).toBeCloseTo(-4.2, 10);
  });

  it('shows a therapist with 15 finished episodes and suppresses one with fewer', async () => {
    const r = (await report()).data?.practiceReport as Report;
    const [t1, t2] = [p.therapistIds[0], p.therapistIds[1]].map((id) => r.therapists.find((t) => t.therapistId === id));
    expect(t1?.insufficientData).toBe(false);
    // Therapist 1: recovery A + B = 8 of 13 cases (5 A, 3 B, 3 C, 2 D): Wilson 0.3552 to 0.8229.
    expect(t1?.figures.recovery).toEqual(
      expect.objectContaining({
        numerator: 8,
        denominator: 13,
        lower: expect.closeTo(0.3552, 4),
        upper: expect.closeTo(0.8229, 4),
      }),
    );
    // Reliable improvement A + F = 6 of 15; deterioration D = 2 of 15; completeness 15 of 16 (G).
    expect(t1?.figures.reliableImprovement).toEqual(expect.objectContaining({ numerator: 6, denominator: 15 }));
    expect(t1?.figures.reliableDeterioration).toEqual(expect.objectContaining({ numerator: 2, denominator: 15 }));
    expect(t1?.figures.dataCompleteness).toEqual(expect.objectContaining({ numerator: 15, denominator: 16 }));
    // Attended: 15·3 + 2 = 47 over 16 episodes.
    expect(t1?.figures.meanAttendedSessions).toBeCloseTo(47 / 16, 10);
    expect(t1?.figures.referrals).toBe(15);

    expect(t2?.insufficientData).toBe(true);
    // Counts stay (5 finished of 6 ended; 7 referrals with H and J); every rate and mean is withheld.
    expect(t2?.figures).toEqual(
      expect.objectContaining({
        referrals: 7,
        episodesEnded: 6,
        finishedEpisodes: 5,
        recovery: null,
        reliableImprovement: null,
        reliableRecovery: null,
        reliableDeterioration: null,
        phq9Response: null,
        phq9Remission: null,
        dataCompleteness: null,
        meanChange: null,
        effectSize: null,
        allianceMean: null,
      }),
    );
  });

  it('draws the recovery funnel around the practice rate with 95% and 99.8% limits', async () => {
    const { funnel } = (await report()).data?.practiceReport as Report;
    expect(funnel.practiceRate).toBeCloseTo(11 / 18, 10);
    // Only therapist 1 has enough data: n = 13 cases, rate 8/13.
    expect(funnel.points).toEqual([{ therapistId: p.therapistIds[0], n: 13, rate: expect.closeTo(8 / 13, 10) }]);
    // Exact binomial limits, Spiegelhalter (2005) interpolation, p = 11/18 = 0.611111. At n = 30:
    // 95% upper: F(22) = 0.944001 < 0.975 <= F(23) = 0.976983, P(23) = 0.032982, α = 0.060118, (23 - α)/30 = 0.764663;
    // 95% lower: F(12) = 0.015532 < 0.025 <= F(13) = 0.036662, P(13) = 0.021130, α = 0.551902, (13 - α)/30 = 0.414937;
    // 99.8% upper: F(25) = 0.997801 < 0.999 <= F(26) = 0.999524, P(26) = 0.001723, α = 0.303950: 0.856535;
    // 99.8% lower: F(9) = 0.000551 < 0.001 <= F(10) = 0.001917, P(10) = 0.001366, α = 0.671176: 0.310961.
    // (The normal approximation gave 0.4367-0.7856 and 0.3361-0.8862.)
    const at30 = funnel.limits.find((l) => l.n === 30);
    expect(at30).toEqual({
      n: 30,
      lower95: expect.closeTo(0.414937, 5),
      upper95: expect.closeTo(0.764663, 5),
      lower998: expect.closeTo(0.310961, 5),
      upper998: expect.closeTo(0.856535, 5),
    });
    // At the therapist's own n = 13: F(10) = 0.932258 < 0.975 <= F(11) = 0.984627, P(11) = 0.052368,
    // α = 0.183825: upper95 = (11 - α)/13 = 0.832013; F(3) = 0.006160 < 0.025 <= F(4) = 0.026447,
    // P(4) = 0.020287, α = 0.071318: lower95 = 0.302206. 8/13 = 0.615 sits within.
    expect(funnel.limits.find((l) => l.n === 13)).toEqual(
      expect.objectContaining({ lower95: expect.closeTo(0.302206, 5), upper95: expect.closeTo(0.832013, 5) }),
    );
    expect(funnel.limits[0].n).toBe(1);
    // Limits narrow as n grows (exact limits step with the counts, so compare far-apart n).
    // Widths: n = 1, (1 - 0.025/0.611111)/1 - 0 = 0.959091; n = 13, 0.529807; n = 30 (the last), 0.349726.
    const width = (n: number) => {
      const l = funnel.limits.find((limit) => limit.n === n);
      return l ? l.upper95 - l.lower95 : NaN;
    };
    expect(funnel.limits.at(-1)?.n).toBe(30);
    expect([width(1), width(13), width(30)]).toEqual([
      expect.closeTo(0.959091, 5),
      expect.closeTo(0.529807, 5),
      expect.closeTo(0.349726, 5),
    ]);
  });

  it('shows only the therapists asked for, with the practice figures unchanged', async () => {
    const res = await report({ ...PERIOD, therapistIds: [p.therapistIds[1]] });
    const r = res.data?.practiceReport as Report;
    expect(r.therapists.map((t) => t.therapistId)).toEqual([p.therapistIds[1]]);
    expect(r.practice.finishedEpisodes).toBe(20);
    expect(r.funnel.points).toEqual([]);
  });

  it('writes one audit event per report', async () => {
    const res = await report();
    const { rows } = await app.db.owner.query(
      `SELECT action, outcome, subject_type, subject_id FROM audit_event WHERE request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(rows).toEqual([{ action: 'practiceReport', outcome: 'ALLOWED', subject_type: null, subject_id: null }]);
  });

  it('is for managers only: a therapist gets NOT_FOUND and anonymous UNAUTHENTICATED', async () => {
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const denied = await gql(therapist, REPORT, { input: PERIOD });
    expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(denied.data).toBeNull();
    const anonymous = await gql(request.agent(app.server), REPORT, { input: PERIOD });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    [{ from: '2025-02-30', to: '2025-06-30' }, 'from', /real calendar date/],
    [{ from: '2025-01-01', to: '30/06/2025' }, 'to', /YYYY-MM-DD/],
    [{ from: '2025-06-30', to: '2025-01-01' }, 'to', /on or after from/],
    [{ from: '2020-01-01', to: '2025-01-02' }, 'to', /at most 5 years/],
    [{ ...PERIOD, instrument: 'OQ45' }, 'instrument', /PHQ9, GAD7/],
    [{ ...PERIOD, therapistIds: ['nope'] }, 'therapistIds', /UUID/],
    [{ ...PERIOD, therapistIds: ['00000000-0000-4000-8000-000000000000'] }, 'therapistIds', /not a therapist/],
  ])('rejects %j naming %s', async (input, field, message) => {
    const res = await report(input);
    expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('accepts a period of exactly five years', async () => {
    const res = await report({ from: '2020-01-01', to: '2025-01-01' });
    expect(res.errors).toBeUndefined();
  });

  it('sends the same number of statements however many episodes there are', async () => {
    const count = async (input: Record<string, string>) => {
      const res = await gql(manager, REPORT, { input });
      expect(res.errors).toBeUndefined();
      return app.statements.get(res.headers['x-request-id'])?.length ?? -1;
    };
    // A period with no episodes against one with 22.
    const none = await count({ from: '2030-01-01', to: '2030-12-31' });
    const all = await count(PERIOD);
    expect(none).toBeGreaterThan(0);
    expect(all).toBe(none);
  });
});
