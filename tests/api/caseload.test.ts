import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const CASELOAD = `query($therapistId: ID) { caseload(therapistId: $therapistId) {
  clientId code priority trajectorySignal homeworkAdherence28 lastActivityAt
  phq9 { baseline latest change changeClass band isCase points { total sessionNumber } }
  gad7 { baseline latest changeClass }
  alliance { latest previousMean trend }
  mood { mean7 mean28 slope28 rmssd28 adherence28 points { date rating } }
  openFlags { kind severity description }
} }`;
const CLIENT = `query($id: ID!) { client(id: $id) {
  id code therapistName phq9 { baseline latest changeClass } expectedPhq9 { sessionNumber expected lower upper }
  measures { instrumentCode total band } alliance { total sessionNumber } moods { localDate rating }
  sessions { number status alliance { total } } homework { title reports { status } } weeklyHomeworkAdherence { weekStart adherence }
  goals { title ratings { rating } } flags { kind status } episodes { startedOn } trajectorySignal } }`;
const PORTAL = `{ portal { code today todayMood { rating } pendingQuestionnaires phq9 { latest } alliance { total } moods { rating } homework { title } goals { title } } }`;

/** History written directly: PHQ-9 per attended session, 28 days of mood, as the generator would. */
async function addHistory(
  app: TestApp,
  p: PracticeFixture,
  clientIndex: number,
  phq9: number[],
  moods: number[],
): Promise<void> {
  const clientId = p.clientIds[clientIndex];
  await app.db.owner.query(
    `WITH ep AS (SELECT id FROM episode WHERE client_id = $1),
     s AS (INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status)
           SELECT $2, $1, ep.id, c.therapist_id, now() - make_interval(days => 7 * (cardinality($3::int[]) - i)), i, 'ATTENDED'
             FROM ep, client c, generate_series(1, cardinality($3::int[])) i WHERE c.id = $1 RETURNING id, number, scheduled_at, episode_id)
     INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source, submitted_at)
     SELECT $2, $1, s.episode_id, s.id, 'PHQ9', '1', '{0,0,0,0,0,0,0,0,0}', ($3::int[])[s.number], 'CLIENT', s.scheduled_at FROM s`,
    [clientId, p.practiceId, phq9],
  );
  await app.db.owner.query(
    `INSERT INTO mood_entry (practice_id, client_id, local_date, rating)
     SELECT $2, $1, (now() AT TIME ZONE 'America/New_York')::date - (cardinality($3::int[]) - i), ($3::int[])[i]
       FROM generate_series(1, cardinality($3::int[])) i`,
    [clientId, p.practiceId, moods],
  );
  await app.db.owner.query(
    `UPDATE client_summary SET phq9_baseline = $2, phq9_latest = $3, mood_count = $4, last_activity_at = now() WHERE client_id = $1`,
    [clientId, phq9[0], phq9.at(-1), moods.length],
  );
}

describe('caseload, client timeline and portal', () => {
  let app: TestApp;
  let p: PracticeFixture;

  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'cl', { therapists: 2, clientsPerTherapist: 4 });
    // Client 0: improving 18 -> 8 over 5 sessions; mood rising by one point a day over 7 days.
    await addHistory(app, p, 0, [18, 15, 12, 10, 8], [3, 4, 5, 6, 7, 8, 9]);
    // Client 1: deteriorating 10 -> 17.
    await addHistory(app, p, 1, [10, 12, 17], [5, 5, 5]);
    // Client 2: 15 sessions, 24 -> 10, then one PHQ-9 answered at home, outside any session.
    await addHistory(app, p, 2, [24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10], [5]);
    await app.db.owner.query(
      `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source)
       SELECT practice_id, client_id, id, 'PHQ9', '1', '{1,1,1,1,1,1,1,1,1}', 9, 'CLIENT' FROM episode WHERE client_id = $1`,
      [p.clientIds[2]],
    );
  });
  afterAll(() => app.close());

  it("ranks a therapist's caseload with the urgent RISK client first", async () => {
    const client3 = await signIn(app, p.emails.clients[3], TEST_PASSWORD);
    await gql(client3, `mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }`, {
      i: { rating: 2, helpNow: true, idempotencyKey: newKey() },
    });
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const res = await gql<{
      caseload: {
        code: string;
        priority: number;
        openFlags: { kind: string; severity: string; description: string }[];
      }[];
    }>(therapist, CASELOAD);
    expect(res.errors).toBeUndefined();
    const rows = res.data?.caseload ?? [];
    expect(rows.map((r) => r.priority)).toEqual([1, 2, 3, 4]);
    expect(rows[0].code).toBe('CL-004');
    expect(rows[0].openFlags[0]).toEqual(expect.objectContaining({ kind: 'RISK', severity: 'URGENT' }));
    expect(rows[0].openFlags[0].description).toMatch(/help now/i);
  });

  it('computes reliable change, mood statistics and the trajectory signal per client', async () => {
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const res = await gql<{ caseload: Record<string, unknown>[] }>(therapist, CASELOAD);
    const improving = res.data?.caseload.find((r) => r.code === 'CL-001') as {
      phq9: {
        baseline: number;
        latest: number;
        change: number;
        changeClass: string;
        isCase: boolean;
        points: unknown[];
      };
      mood: { mean7: number; slope28: number; rmssd28: number; points: unknown[] };
      trajectorySignal: string;
    };
    // 18 -> 8: a drop of 10 >= 6 is reliable improvement; 8 < 10 is below caseness.
    expect(improving.phq9).toEqual(
      expect.objectContaining({
        baseline: 18,
        latest: 8,
        change: -10,
        changeClass: 'RELIABLE_IMPROVEMENT',
        isCase: false,
      }),
    );
    expect(improving.phq9.points).toHaveLength(5);
    // Ratings 3..9 on consecutive days: mean 6, slope +1/day = +7/week, every successive difference 1 so RMSSD 1.
    expect(improving.mood.mean7).toBeCloseTo(6, 10);
    expect(improving.mood.slope28).toBeCloseTo(7, 10);
    expect(improving.mood.rmssd28).toBeCloseTo(1, 10);
    expect(improving.mood.points).toHaveLength(7);
    const worse = res.data?.caseload.find((r) => r.code === 'CL-002') as {
      phq9: { changeClass: string };
      trajectorySignal: string;
    };
    // 10 -> 17: +7 >= 6 is reliable deterioration, and well above any expected band at session 3.
    expect(worse.phq9.changeClass).toBe('RELIABLE_DETERIORATION');
    expect(worse.trajectorySignal).toBe('RED');
    expect(improving.trajectorySignal).toMatch(/GREEN|WHITE/);
  });

  it("carries the episode's baseline and latest 11 scores, each with its session number or series position", async () => {
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const res = await gql<{
      caseload: {
        code: string;
        phq9: { baseline: number; latest: number; change: number; points: { total: number; sessionNumber: number }[] };
      }[];
    }>(therapist, CASELOAD);
    const long = res.data?.caseload.find((r) => r.code === 'CL-003');
    // 16 responses: the first (session 1), then the last 11 (sessions 6..15 and the 16th, at home).
    expect(long?.phq9.points.map((pt) => pt.sessionNumber)).toEqual([1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(long?.phq9.points.map((pt) => pt.total)).toEqual([24, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9]);
    expect(long?.phq9).toEqual(expect.objectContaining({ baseline: 24, latest: 9, change: -15 }));
    const timeline = await gql<{ client: { measures: unknown[] } }>(therapist, CLIENT, { id: p.clientIds[2] });
    expect(timeline.data?.client.measures).toHaveLength(16);
  });

  it("refuses another therapist's caseload (NOT_FOUND) but lets the manager read it", async () => {
    const other = await signIn(app, p.emails.therapists[1], TEST_PASSWORD);
    const denied = await gql(other, CASELOAD, { therapistId: p.therapistIds[0] });
    expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
    const ok = await gql<{ caseload: unknown[] }>(manager, CASELOAD, { therapistId: p.therapistIds[0] });
    expect(ok.data?.caseload).toHaveLength(4);
    const team = await gql<{ therapists: { id: string; activeClients: number; flaggedClients: number }[] }>(
      manager,
      '{ therapists { id activeClients flaggedClients } }',
    );
    expect(team.data?.therapists.find((t) => t.id === p.therapistIds[0])).toEqual(
      expect.objectContaining({ activeClients: 4, flaggedClients: 1 }),
    );
    const anonymous = await gql(request.agent(app.server), CASELOAD);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('audits one read per client per caseload request', async () => {
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const res = await gql(therapist, CASELOAD);
    const requestId = res.headers['x-request-id'];
    const { rows } = await app.db.owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT subject_id)::int AS clients FROM audit_event WHERE request_id = $1 AND action = 'caseload'`,
      [requestId],
    );
    expect(rows[0]).toEqual({ n: 4, clients: 4 });
  });

  it('returns the full client timeline with expected trajectory band', async () => {
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const res = await gql<{
      client: {
        phq9: { changeClass: string };
        expectedPhq9: { sessionNumber: number; lower: number; upper: number }[];
        measures: unknown[];
        moods: unknown[];
        sessions: unknown[];
        therapistName: string;
      };
    }>(therapist, CLIENT, { id: p.clientIds[0] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.client.phq9.changeClass).toBe('RELIABLE_IMPROVEMENT');
    expect(res.data?.client.measures).toHaveLength(5);
    expect(res.data?.client.moods).toHaveLength(7);
    expect(res.data?.client.sessions).toHaveLength(5);
    expect(res.data?.client.expectedPhq9.length).toBeGreaterThanOrEqual(12);
    for (const b of res.data?.client.expectedPhq9 ?? []) expect(b.lower).toBeLessThan(b.upper);
    const other = await signIn(app, p.emails.therapists[1], TEST_PASSWORD);
    const denied = await gql(other, CLIENT, { id: p.clientIds[0] });
    expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await gql(other, CLIENT, { id: 'not-a-uuid' });
    expect(malformed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('credits a weekly homework report made early to the due day it answers', async () => {
    // Weekly task set 34 local days ago: due 27, 20, 13 and 6 days ago, all in the 28-day window.
    // Each is reported two days early; the first report (29 days ago) lies before the window but
    // answers a due day inside it, so adherence is 4/4, not 3/4.
    const clientId = p.clientIds[5];
    const today = `(now() AT TIME ZONE c.timezone)::date`;
    const { rows } = await app.db.owner.query<{ id: string }>(
      `INSERT INTO homework_assignment (practice_id, client_id, title, frequency, assigned_on, due_on, created_by)
       SELECT c.practice_id, c.id, 'Activity log', 'WEEKLY', ${today} - 34, ${today} - 6, c.therapist_id
         FROM client c WHERE c.id = $1 RETURNING id`,
      [clientId],
    );
    await app.db.owner.query(
      `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status)
       SELECT c.practice_id, c.id, $2, ${today} - d, 'DONE' FROM client c, unnest('{29,22,15,8}'::int[]) d WHERE c.id = $1`,
      [clientId, rows[0].id],
    );
    const therapist = await signIn(app, p.emails.therapists[1], TEST_PASSWORD);
    const res = await gql<{ caseload: { clientId: string; homeworkAdherence28: number | null }[] }>(
      therapist,
      CASELOAD,
    );
    expect(res.errors).toBeUndefined();
    const row = res.data?.caseload.find((r) => r.clientId === clientId);
    expect(row?.homeworkAdherence28).toBe(1);
    const timeline = await gql<{ client: { weeklyHomeworkAdherence: { adherence: number | null }[] } }>(
      therapist,
      CLIENT,
      { id: clientId },
    );
    // Every week that held a due day shows 100%; the others, nothing due, show null.
    const weeks = timeline.data?.client.weeklyHomeworkAdherence ?? [];
    expect(weeks.filter((w) => w.adherence !== null).map((w) => w.adherence)).toEqual([1, 1, 1, 1]);
  });

  it("gives a client their own portal and nothing of anyone else's", async () => {
    const client = await signIn(app, p.emails.clients[0], TEST_PASSWORD);
    const res = await gql<{
      portal: { code: string; phq9: { latest: number }; moods: unknown[]; pendingQuestionnaires: string[] };
    }>(client, PORTAL);
    expect(res.errors).toBeUndefined();
    expect(res.data?.portal).toEqual(expect.objectContaining({ code: 'CL-001', phq9: { latest: 8 } }));
    expect(res.data?.portal.pendingQuestionnaires).toEqual(['GAD7']);
    const therapistPortal = await gql(await signIn(app, p.emails.therapists[0], TEST_PASSWORD), PORTAL);
    expect(therapistPortal.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asClient = await gql(client, CLIENT, { id: p.clientIds[0] });
    expect(asClient.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('caseload query cost', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function statementsFor(clients: number): Promise<number> {
    const p = await createPractice(app.db.owner, `cost${clients}`, { therapists: 1, clientsPerTherapist: clients });
    // Some history and an open flag for every client, so nothing is skipped for being empty.
    await app.db.owner.query(
      `INSERT INTO mood_entry (practice_id, client_id, local_date, rating)
       SELECT $1, c.id, current_date - d, 1 + (d % 10) FROM client c, generate_series(0, 27) d WHERE c.practice_id = $1`,
      [p.practiceId],
    );
    await app.db.owner.query(
      `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version)
       SELECT $1, id, 'STALLED', 'MEDIUM', '{}', 'test' FROM client WHERE practice_id = $1`,
      [p.practiceId],
    );
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const res = await gql<{ caseload: unknown[] }>(therapist, CASELOAD);
    expect(res.data?.caseload).toHaveLength(clients);
    return app.statements.get(res.headers['x-request-id'])?.length ?? -1;
  }

  it('sends the same number of SQL statements for 10 and for 60 clients', async () => {
    const ten = await statementsFor(10);
    const sixty = await statementsFor(60);
    expect(ten).toBeGreaterThan(0);
    expect(sixty).toBe(ten);
  });
});
