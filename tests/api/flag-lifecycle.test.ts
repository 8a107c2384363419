import { FlagSweepService } from '../../backend/src/modules/flag/flag-sweep.service.js';
import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const QUESTIONNAIRE = `mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $input) { response { id total } } }`;
const RATE = `mutation($input: SubmitAllianceRatingInput!) { submitAllianceRating(input: $input) { response { id total } } }`;
const FLAG_FIELDS = `id kind status description evidence clearedAt clearReason repaired repairObserved resolvedAt resolvedByName`;
const FLAGS = `query($status: FlagStatus) { flags(status: $status) { ${FLAG_FIELDS} clientId } }`;
const TIMELINE = `query($id: ID!) { client(id: $id) { flags { ${FLAG_FIELDS} } } }`;
const ACKNOWLEDGE = `mutation($id: ID!, $note: String!) { acknowledgeFlag(id: $id, note: $note) { id status } }`;

interface FlagView {
  id: string;
  kind: string;
  status: string;
  description: string;
  evidence: string;
  clearedAt: string | null;
  clearReason: string | null;
  repaired: boolean | null;
  repairObserved: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  clientId?: string;
}

const TIME_ZONE = 'Europe/London';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Today in the clients' zone as the dashboard words it: "3 Nov". */
function todayShort(): string {
  const [, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date()).split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]}`;
}

// PHQ-9 answers with item 9 at 0 (no RISK), by total.
const PHQ9: Record<number, number[]> = {
  9: [2, 1, 1, 1, 1, 1, 1, 1, 0],
  10: [2, 2, 2, 2, 2, 0, 0, 0, 0],
  11: [2, 2, 2, 2, 2, 1, 0, 0, 0],
  12: [2, 2, 2, 2, 2, 2, 0, 0, 0],
  15: [3, 3, 3, 2, 2, 2, 0, 0, 0],
  17: [3, 3, 3, 2, 2, 2, 2, 0, 0],
  20: [3, 3, 3, 3, 3, 3, 2, 0, 0],
};

describe('flags that clear and ruptures that show their repair', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let therapist: Agent;
  let clients: Agent[];

  async function session(clientIndex: number, daysAgo: number, status: 'ATTENDED' | 'NO_SHOW'): Promise<string> {
    const scheduled = await gql<{ scheduleSession: { id: string } }>(therapist, SCHEDULE, {
      input: {
        clientId: p.clientIds[clientIndex],
        scheduledAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      },
    });
    if (!scheduled.data) throw new Error(JSON.stringify(scheduled.errors));
    const id = scheduled.data.scheduleSession.id;
    const recorded = await gql(therapist, ATTEND, { input: { sessionId: id, status } });
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    return id;
  }

  async function phq9(clientIndex: number, total: number): Promise<void> {
    const answers = PHQ9[total];
    if (answers.reduce((a, b) => a + b, 0) !== total) throw new Error(`PHQ-9 answers for ${total} are wrong`);
    const res = await gql(clients[clientIndex], QUESTIONNAIRE, {
      input: { instrumentCode: 'PHQ9', answers, idempotencyKey: newKey() },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }

  async function rate(clientIndex: number, sessionId: string, answers: number[]): Promise<void> {
    const res = await gql(clients[clientIndex], RATE, { input: { sessionId, answers, idempotencyKey: newKey() } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }

  async function flagsOf(clientIndex: number, kind: string): Promise<FlagView[]> {
    const res = await gql<{ client: { flags: FlagView[] } }>(therapist, TIMELINE, { id: p.clientIds[clientIndex] });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.client.flags.filter((f) => f.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
  }

  beforeAll(async () => {
    app = await startTestApp({ sweepIntervalMinutes: 0 });
    p = await createPractice(app.db.owner, 'clear', { therapists: 1, clientsPerTherapist: 5, timezone: TIME_ZONE });
    therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    clients = await Promise.all(p.emails.clients.map((email) => signIn(app, email, TEST_PASSWORD)));
  });
  afterAll(() => app.close());

  it('clears DISENGAGING once the client attends again (two missed, then three of four attended), keeping it in the history', async () => {
    await session(0, 28, 'ATTENDED');
    await session(0, 21, 'NO_SHOW');
    await session(0, 14, 'NO_SHOW');
    expect((await flagsOf(0, 'DISENGAGING')).map((f) => f.status)).toEqual(['OPEN']);
    await session(0, 7, 'ATTENDED');
    await session(0, 6, 'ATTENDED');
    // Missed, missed, attended, attended: still 2 of the last 4.
    expect((await flagsOf(0, 'DISENGAGING')).map((f) => f.status)).toEqual(['OPEN']);
    await session(0, 5, 'ATTENDED');

    const [flag] = await flagsOf(0, 'DISENGAGING');
    expect(flag).toMatchObject({ status: 'CLEARED', resolvedAt: null, resolvedByName: null });
    expect(flag.clearReason).toBe(
      `Re-engaged: no sign of disengagement as of ${todayShort()} (no mood entries; 1 of the last 4 sessions missed)`,
    );
    // The evidence that opened it is kept beside why it cleared.
    expect(flag.description).toBe('2 of the last 3 sessions missed');
    expect(Date.now() - Date.parse(flag.clearedAt ?? '')).toBeLessThan(60_000);
    const cleared = await gql<{ flags: FlagView[] }>(therapist, FLAGS, { status: 'CLEARED' });
    expect(cleared.data?.flags.map((f) => f.id)).toContain(flag.id);
    const open = await gql<{ flags: FlagView[] }>(therapist, FLAGS, { status: 'OPEN' });
    expect(open.data?.flags.map((f) => f.id)).not.toContain(flag.id);

    // A cleared flag asks nothing of the therapist, and does not stop a new one when it recurs.
    const ack = await gql(therapist, ACKNOWLEDGE, { id: flag.id, note: 'seen' });
    expect(ack.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' }));
    await session(0, 4, 'NO_SHOW');
    await session(0, 3, 'NO_SHOW');
    expect((await flagsOf(0, 'DISENGAGING')).map((f) => f.status)).toEqual(['CLEARED', 'OPEN']);
  });

  it('clears NOT_ON_TRACK after two PHQ-9 scores back in the band', async () => {
    for (const daysAgo of [21, 14, 7]) await session(1, daysAgo, 'ATTENDED');
    // Baseline 12 (moderate). At session 3 the built-in curve expects 12 - 2.4 × ln 3 = 9.36 ± 5:
    // 17 is above 14.36 (off track) but only 5 above the baseline (not reliable deterioration).
    await phq9(1, 12);
    await phq9(1, 17);
    expect((await flagsOf(1, 'NOT_ON_TRACK')).map((f) => f.status)).toEqual(['OPEN']);
    await phq9(1, 10);
    expect((await flagsOf(1, 'NOT_ON_TRACK')).map((f) => f.status)).toEqual(['OPEN']);
    await phq9(1, 11);
    const [notOnTrack] = await flagsOf(1, 'NOT_ON_TRACK');
    expect(notOnTrack.status).toBe('CLEARED');
    expect(notOnTrack.clearReason).toBe(
      'Back within the expected range for two scores in a row: PHQ-9 10 at session 3 and 11 at session 3',
    );
  });

  it('never clears DETERIORATION, and opens it alone when the scores are also behind the curve', async () => {
    // A second episode for the same client: 12, then 20 (8 above: reliable deterioration, and off track).
    await app.db.owner.query(
      `UPDATE episode SET ended_on = current_date - 1, end_reason = 'COMPLETED' WHERE client_id = $1`,
      [p.clientIds[1]],
    );
    await app.db.owner.query(`INSERT INTO episode (practice_id, client_id, started_on) VALUES ($1, $2, current_date)`, [
      p.practiceId,
      p.clientIds[1],
    ]);
    for (const daysAgo of [0, 0, 0]) await session(1, daysAgo, 'ATTENDED');
    await phq9(1, 12);
    await phq9(1, 20);
    expect((await flagsOf(1, 'DETERIORATION')).map((f) => f.status)).toEqual(['OPEN']);
    // One flag per problem: behind the curve is part of deteriorating.
    expect((await flagsOf(1, 'NOT_ON_TRACK')).map((f) => f.status)).toEqual(['CLEARED']);
    await phq9(1, 10);
    await phq9(1, 11);
    expect((await flagsOf(1, 'DETERIORATION')).map((f) => f.status)).toEqual(['OPEN']);
  });

  it('clears STALLED on reliable improvement', async () => {
    for (const daysAgo of [27, 24, 21, 17, 14, 10]) await session(2, daysAgo, 'ATTENDED');
    // Six sessions, PHQ-9 15, 15, 15: flat, no reliable improvement.
    await phq9(2, 15);
    await phq9(2, 15);
    await phq9(2, 15);
    expect((await flagsOf(2, 'STALLED')).map((f) => f.status)).toEqual(['OPEN']);
    await phq9(2, 10); // 5 points: not reliable
    expect((await flagsOf(2, 'STALLED')).map((f) => f.status)).toEqual(['OPEN']);
    await phq9(2, 9); // 6 points below the first score: reliable improvement
    const [stalled] = await flagsOf(2, 'STALLED');
    expect(stalled.status).toBe('CLEARED');
    expect(stalled.clearReason).toBe(
      'PHQ-9 fell 6 points since the start of the episode (15 to 9): reliable improvement',
    );
  });

  it('shows a rupture followed by a rating at the concern line as "repair observed", open for the therapist to confirm', async () => {
    const first = await session(3, 14, 'ATTENDED');
    const second = await session(3, 7, 'ATTENDED');
    const third = await session(3, 6, 'ATTENDED');
    await rate(3, first, [7, 6, 8, 7]); // 28 < 36: rupture
    await rate(3, second, [9, 8, 9, 9]); // 35: still below the line
    let [rupture] = await flagsOf(3, 'ALLIANCE_RUPTURE');
    expect(rupture).toMatchObject({ status: 'OPEN', repaired: false, repairObserved: null });
    await rate(3, third, [9, 10, 9, 10]); // 38
    [rupture] = await flagsOf(3, 'ALLIANCE_RUPTURE');
    expect(rupture).toMatchObject({
      status: 'OPEN',
      repaired: true,
      repairObserved: `Repair observed (rating 38 on ${todayShort()})`,
      resolvedAt: null,
      resolvedByName: null,
    });
  });

  it("uses the practice's own concern line for a repair", async () => {
    await app.db.owner.query(`UPDATE practice SET settings = '{"flags": {"allianceTotalBelow": 30}}' WHERE id = $1`, [
      p.practiceId,
    ]);
    try {
      const first = await session(4, 14, 'ATTENDED');
      const second = await session(4, 7, 'ATTENDED');
      await rate(4, first, [6, 6, 7, 6]); // 25 < 30
      await rate(4, second, [8, 8, 8, 8]); // 32: below the default 36, at or above this practice's 30
      const [rupture] = await flagsOf(4, 'ALLIANCE_RUPTURE');
      expect(rupture).toMatchObject({
        status: 'OPEN',
        repaired: true,
        repairObserved: `Repair observed (rating 32 on ${todayShort()})`,
      });
    } finally {
      await app.db.owner.query(`UPDATE practice SET settings = '{}' WHERE id = $1`, [p.practiceId]);
    }
  });

  it('fits the practice curves in the sweep once a band has 30 finished episodes, and never extrapolates them', async () => {
    // 30 finished moderate episodes of one client, PHQ-9 14 at session 1 and 11 at session 2: the
    // least-squares line is 14 - (3 / ln 2)·ln(session), fitted through session 2 only.
    const { practiceId } = p;
    const client = p.clientIds[4];
    await app.db.owner.query(
      `WITH ep AS (
         INSERT INTO episode (practice_id, client_id, started_on, ended_on, end_reason)
         SELECT $1, $2, date '2020-01-01' + 10 * g, date '2020-01-01' + 10 * g + 5, 'COMPLETED' FROM generate_series(0, 29) g
         RETURNING id, started_on
       ), s AS (
         INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status, status_recorded_at)
         SELECT $1, $2, ep.id, $3, ep.started_on + n * interval '1 day', n, 'ATTENDED', ep.started_on + n * interval '1 day'
           FROM ep, generate_series(1, 2) n
         RETURNING id, episode_id, number, scheduled_at
       )
       INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source, submitted_at)
       SELECT $1, $2, s.episode_id, s.id, 'PHQ9', '1',
              CASE s.number WHEN 1 THEN '{2,2,2,2,2,2,2,0,0}'::int[] ELSE '{2,2,2,2,2,1,0,0,0}'::int[] END,
              CASE s.number WHEN 1 THEN 14 ELSE 11 END, 'CLIENT', s.scheduled_at
         FROM s`,
      [practiceId, client, p.therapistIds[0]],
    );
    await app.cairn.app.get(FlagSweepService).sweepAll();
    const { rows } = await app.db.owner.query(`SELECT trajectory_models FROM practice WHERE id = $1`, [practiceId]);
    const moderate = rows[0].trajectory_models.PHQ9.bands.find((b: { band: string }) => b.band === 'moderate');
    expect(moderate).toMatchObject({ source: 'PRACTICE', episodes: 30, lastSession: 2 });
    expect(moderate.intercept).toBeCloseTo(14, 9);
    expect(moderate.slope).toBeCloseTo(-3 / Math.LN2, 9); // -4.328085
    expect(rows[0].trajectory_models.PHQ9.bands.find((b: { band: string }) => b.band === 'severe').source).toBe(
      'DEFAULT',
    );

    // The engine reads them: at session 5 the curve holds its session-2 value, 11 (extrapolated it would
    // be 14 - 4.33 × ln 5 = 7.03), with tolerance 0 (an exact fit), so 12 is behind it.
    for (const daysAgo of [5, 4, 3]) await session(4, daysAgo, 'ATTENDED');
    await phq9(4, 12);
    await phq9(4, 12);
    const [notOnTrack] = await flagsOf(4, 'NOT_ON_TRACK');
    expect(notOnTrack.description).toBe('PHQ-9 12 at session 5 is worse than expected (expected 11-11)');
    const [trigger] = (JSON.parse(notOnTrack.evidence) as { triggers: { modelSource: string; expected: number }[] })
      .triggers;
    expect(trigger.modelSource).toBe('PRACTICE');
    expect(trigger.expected).toBeCloseTo(11, 9);
    // The timeline draws the same curve the flag was judged by: 14 at session 1, then 11 held.
    const timeline = await gql<{ client: { expectedPhq9: { sessionNumber: number; expected: number }[] } }>(
      therapist,
      `query($id: ID!) { client(id: $id) { expectedPhq9 { sessionNumber expected } } }`,
      { id: p.clientIds[4] },
    );
    const curve = timeline.data?.client.expectedPhq9.slice(0, 5).map((e) => Number(e.expected.toFixed(6)));
    expect(curve).toEqual([14, 11, 11, 11, 11]);
  });
});
