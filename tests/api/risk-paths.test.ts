import { localDateIn } from '../../backend/src/common/local-time.js';
import { FlagSweepService } from '../../backend/src/modules/flag/flag-sweep.service.js';
import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

interface CaseloadEntry {
  clientId: string;
  priority: number;
  openFlags: { id: string; kind: string; severity: string; status: string }[];
}
interface TimelineMeasure {
  id: string;
  instrumentCode: string;
  episodeId: string | null;
  contextEpisodeId: string | null;
}

const CASELOAD = `{ caseload { clientId priority openFlags { id kind severity status } } }`;
const TIMELINE = `query($id: ID!) { client(id: $id) { measures { id instrumentCode episodeId contextEpisodeId } flags { kind status } } }`;
const QUESTIONNAIRE = `mutation($input: SubmitQuestionnaireInput!) {
  submitQuestionnaire(input: $input) { response { id episodeId contextEpisodeId } crisis { message } } }`;
const MOOD = `mutation($input: LogMoodInput!) { logMood(input: $input) { entry { id } crisis { message } } }`;
const RATE = `mutation($input: SubmitAllianceRatingInput!) {
  submitAllianceRating(input: $input) { response { id episodeId } crisis { message } } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const LINK = `mutation($id: ID!) { createRatingLink(sessionId: $id) { url } }`;
const END_EPISODE = `mutation($input: EndEpisodeInput!) { endEpisode(input: $input) { id } }`;
const ACKNOWLEDGE = `mutation($id: ID!, $note: String!) { acknowledgeFlag(id: $id, note: $note) { status } }`;
const RESOLVE = `mutation($id: ID!, $note: String!) { resolveFlag(id: $id, note: $note) { status resolveNote resolvedByName } }`;

/** PHQ-9 answers whose item 9 ("thoughts that you would be better off dead...") is `item9`. */
const phq9 = (item9: number) => [1, 1, 1, 1, 1, 1, 1, 1, item9];

/**
 * Every way a client can signal risk, in every episode state, through the real API: each raises an
 * urgent RISK flag that puts the client first on the caseload, and only a clinician resolves it.
 */
describe('risk is never missed', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let therapist: Agent;
  const clients: Agent[] = [];
  let today: string;

  const episodeOf = async (i: number) =>
    (await app.db.owner.query<{ id: string }>(`SELECT id FROM episode WHERE client_id = $1`, [p.clientIds[i]])).rows[0]
      ?.id;

  async function caseload(): Promise<CaseloadEntry[]> {
    const res = await gql<{ caseload: CaseloadEntry[] }>(therapist, CASELOAD);
    expect(res.errors).toBeUndefined();
    return res.data!.caseload;
  }

  /** The client has an open urgent RISK flag and ranks first on the caseload. */
  async function expectRiskFirst(i: number): Promise<void> {
    const rows = await caseload();
    const row = rows.find((r) => r.clientId === p.clientIds[i]);
    expect(row?.openFlags).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'RISK', severity: 'URGENT', status: 'OPEN' })]),
    );
    expect(row?.priority).toBe(1);
  }

  async function resolveRisk(i: number): Promise<void> {
    const row = (await caseload()).find((r) => r.clientId === p.clientIds[i]);
    const flag = row?.openFlags.find((f) => f.kind === 'RISK');
    const res = await gql(therapist, RESOLVE, { id: flag?.id, note: 'Called the client; safety plan reviewed.' });
    expect(res.errors).toBeUndefined();
  }

  async function endEpisode(i: number): Promise<string> {
    const episodeId = await episodeOf(i);
    const res = await gql(therapist, END_EPISODE, { input: { episodeId, endedOn: today, endReason: 'COMPLETED' } });
    expect(res.errors).toBeUndefined();
    return episodeId;
  }

  async function attendedSession(i: number): Promise<string> {
    const res = await gql<{ scheduleSession: { id: string } }>(therapist, SCHEDULE, {
      input: { clientId: p.clientIds[i], scheduledAt: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expect(res.errors).toBeUndefined();
    const sessionId = res.data!.scheduleSession.id;
    expect((await gql(therapist, ATTEND, { input: { sessionId, status: 'ATTENDED' } })).errors).toBeUndefined();
    return sessionId;
  }

  beforeAll(async () => {
    app = await startTestApp({ sweepIntervalMinutes: 0 });
    p = await createPractice(app.db.owner, 'risk', { therapists: 1, clientsPerTherapist: 8, timezone: 'UTC' });
    therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    for (const email of p.emails.clients) clients.push(await signIn(app, email, TEST_PASSWORD));
    today = localDateIn('UTC');
    // A HIGH flag open for a week on client 7, so "first" means above other open flags too.
    await app.db.owner.query(
      `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version, opened_at)
       VALUES ($1, $2, 'DETERIORATION', 'HIGH', '{}', '1.0.0', now() - interval '7 days')`,
      [p.practiceId, p.clientIds[7]],
    );
  });
  afterAll(() => app.close());

  // Each case resolves its RISK at the end, so the next case's client is the only urgent one.
  afterEach(async () => {
    const open = await app.db.owner.query<{ client_id: string }>(
      `SELECT client_id FROM flag WHERE kind = 'RISK' AND status <> 'RESOLVED' AND practice_id = $1`,
      [p.practiceId],
    );
    for (const { client_id } of open.rows) await resolveRisk(p.clientIds.indexOf(client_id));
  });

  it('raises RISK from PHQ-9 item 9 in an open episode', async () => {
    const res = await gql<{ submitQuestionnaire: { response: { episodeId: string }; crisis: unknown } }>(
      clients[0],
      QUESTIONNAIRE,
      { input: { instrumentCode: 'PHQ9', answers: phq9(1), idempotencyKey: newKey() } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitQuestionnaire.response.episodeId).toBe(await episodeOf(0));
    expect(res.data!.submitQuestionnaire.crisis).not.toBeNull();
    await expectRiskFirst(0);
  });

  it('raises RISK from PHQ-9 item 9 after the episode ended, keeps the response and shows it on the timeline', async () => {
    const ended = await endEpisode(1);
    const res = await gql<{
      submitQuestionnaire: { response: { id: string; episodeId: string | null; contextEpisodeId: string | null } };
    }>(clients[1], QUESTIONNAIRE, { input: { instrumentCode: 'PHQ9', answers: phq9(2), idempotencyKey: newKey() } });
    expect(res.errors).toBeUndefined();
    // Stored for the client with no episode (the finished episode's outcome stays as it was), shown with that episode.
    const { id, episodeId, contextEpisodeId } = res.data!.submitQuestionnaire.response;
    expect({ episodeId, contextEpisodeId }).toEqual({ episodeId: null, contextEpisodeId: ended });
    await expectRiskFirst(1);
    const timeline = await gql<{ client: { measures: TimelineMeasure[] } }>(therapist, TIMELINE, {
      id: p.clientIds[1],
    });
    expect(timeline.data?.client.measures).toContainEqual({
      id,
      instrumentCode: 'PHQ9',
      episodeId: null,
      contextEpisodeId: ended,
    });
  });

  it('raises RISK from PHQ-9 item 9 for a client who has no episode yet', async () => {
    await app.db.owner.query(`DELETE FROM episode WHERE client_id = $1`, [p.clientIds[2]]);
    const res = await gql<{ submitQuestionnaire: { response: { id: string; contextEpisodeId: string | null } } }>(
      clients[2],
      QUESTIONNAIRE,
      { input: { instrumentCode: 'PHQ9', answers: phq9(3), idempotencyKey: newKey() } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitQuestionnaire.response.contextEpisodeId).toBeNull();
    await expectRiskFirst(2);
    const timeline = await gql<{ client: { measures: TimelineMeasure[] } }>(therapist, TIMELINE, {
      id: p.clientIds[2],
    });
    expect(timeline.data?.client.measures.map((m) => m.id)).toContain(res.data!.submitQuestionnaire.response.id);
  });

  it('raises RISK from a mood note marked "I need help now" by a paused client', async () => {
    await app.db.owner.query(`UPDATE client SET status = 'PAUSED' WHERE id = $1`, [p.clientIds[3]]);
    const res = await gql<{ logMood: { crisis: unknown } }>(clients[3], MOOD, {
      input: { rating: 2, note: 'I cannot keep going', helpNow: true, idempotencyKey: newKey() },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.logMood.crisis).not.toBeNull();
    await expectRiskFirst(3);
  });

  it('raises RISK from PHQ-9 item 9 by a paused client between episodes', async () => {
    await app.db.owner.query(`UPDATE client SET status = 'PAUSED' WHERE id = $1`, [p.clientIds[3]]);
    await endEpisode(3);
    const res = await gql(clients[3], QUESTIONNAIRE, {
      input: { instrumentCode: 'PHQ9', answers: phq9(1), idempotencyKey: newKey() },
    });
    expect(res.errors).toBeUndefined();
    await expectRiskFirst(3);
  });

  it('raises RISK from a rating-link comment marked "I need help now" after the episode ended', async () => {
    const sessionId = await attendedSession(4);
    const ended = await endEpisode(4);
    const link = await gql<{ createRatingLink: { url: string } }>(therapist, LINK, { id: sessionId });
    expect(link.errors).toBeUndefined();
    const token = link.data!.createRatingLink.url.split('/rate/')[1];
    const res = await gql<{ submitAllianceRating: { response: { episodeId: string }; crisis: unknown } }>(
      request.agent(app.server),
      RATE,
      { input: { token, answers: [7, 7, 7, 7], comment: 'Things are bad', helpNow: true, idempotencyKey: newKey() } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitAllianceRating.response.episodeId).toBe(ended);
    expect(res.data!.submitAllianceRating.crisis).not.toBeNull();
    await expectRiskFirst(4);
  });

  it('raises RISK from a portal rating marked "I need help now"', async () => {
    const sessionId = await attendedSession(5);
    const res = await gql<{ submitAllianceRating: { crisis: unknown } }>(clients[5], RATE, {
      input: { sessionId, answers: [9, 9, 9, 9], helpNow: true, idempotencyKey: newKey() },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitAllianceRating.crisis).not.toBeNull();
    await expectRiskFirst(5);
  });

  it('keeps a discharged client on the caseload while their RISK is unresolved', async () => {
    await endEpisode(6);
    await app.db.owner.query(`UPDATE client SET status = 'DISCHARGED' WHERE id = $1`, [p.clientIds[6]]);
    expect((await caseload()).map((r) => r.clientId)).not.toContain(p.clientIds[6]);
    const res = await gql(clients[6], QUESTIONNAIRE, {
      input: { instrumentCode: 'PHQ9', answers: phq9(1), idempotencyKey: newKey() },
    });
    expect(res.errors).toBeUndefined();
    await expectRiskFirst(6);
    await resolveRisk(6);
    expect((await caseload()).map((r) => r.clientId)).not.toContain(p.clientIds[6]);
  });

  it('adds a new signal to an acknowledged RISK and returns it to OPEN, so the therapist sees it', async () => {
    await gql(clients[0], QUESTIONNAIRE, {
      input: { instrumentCode: 'PHQ9', answers: phq9(1), idempotencyKey: newKey() },
    });
    const flagId = (await caseload())
      .find((r) => r.clientId === p.clientIds[0])
      ?.openFlags.find((f) => f.kind === 'RISK')?.id;
    const ack = await gql(therapist, ACKNOWLEDGE, { id: flagId, note: 'Left a message.' });
    expect(ack.errors).toBeUndefined();
    const mood = await gql(clients[0], MOOD, {
      input: { rating: 1, note: 'worse tonight', helpNow: true, idempotencyKey: newKey() },
    });
    expect(mood.errors).toBeUndefined();
    const { rows } = await app.db.owner.query<{ status: string; rules: string[]; n: number }>(
      `SELECT status, (SELECT array_agg(t->>'rule' ORDER BY ord) FROM jsonb_array_elements(evidence->'triggers') WITH ORDINALITY x(t, ord)) AS rules,
              (SELECT count(*)::int FROM flag WHERE client_id = $2 AND kind = 'RISK') AS n
         FROM flag WHERE id = $1`,
      [flagId, p.clientIds[0]],
    );
    // One flag (never two unresolved), now OPEN again, carrying both signals.
    expect(rows).toEqual([{ status: 'OPEN', rules: ['PHQ9_ITEM9', 'HELP_NOW'], n: expect.any(Number) }]);
    await expectRiskFirst(0);
  });

  it('never clears RISK by itself: later calm answers and both sweeps leave it open; a clinician resolves it with a note', async () => {
    const raised = await gql(clients[0], QUESTIONNAIRE, {
      input: { instrumentCode: 'PHQ9', answers: phq9(1), idempotencyKey: newKey() },
    });
    expect(raised.errors).toBeUndefined();
    for (let k = 0; k < 3; k++) {
      const calm = await gql(clients[0], QUESTIONNAIRE, {
        input: { instrumentCode: 'PHQ9', answers: phq9(0), idempotencyKey: newKey() },
      });
      expect(calm.errors).toBeUndefined();
    }
    await gql(clients[0], MOOD, { input: { rating: 8, idempotencyKey: newKey() } });
    const sweep = app.cairn.app.get(FlagSweepService);
    await sweep.sweepAll();
    await sweep.sweepAll('all');
    await expectRiskFirst(0);

    const row = (await caseload()).find((r) => r.clientId === p.clientIds[0]);
    const flagId = row?.openFlags.find((f) => f.kind === 'RISK')?.id;
    const blank = await gql(therapist, RESOLVE, { id: flagId, note: '   ' });
    expect(blank.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'note' }));
    const resolved = await gql<{ resolveFlag: { status: string; resolveNote: string } }>(therapist, RESOLVE, {
      id: flagId,
      note: 'Seen in person; no current intent.',
    });
    expect(resolved.data?.resolveFlag).toEqual(
      expect.objectContaining({ status: 'RESOLVED', resolveNote: 'Seen in person; no current intent.' }),
    );
    // The old item-9 answer does not re-open it on an unrelated write; a new one does.
    await gql(clients[0], QUESTIONNAIRE, {
      input: { instrumentCode: 'GAD7', answers: [1, 1, 1, 1, 1, 1, 1], idempotencyKey: newKey() },
    });
    await app.cairn.app.get(FlagSweepService).sweepAll();
    expect((await caseload()).find((r) => r.clientId === p.clientIds[0])?.openFlags.map((f) => f.kind)).not.toContain(
      'RISK',
    );
    await gql(clients[0], QUESTIONNAIRE, {
      input: { instrumentCode: 'PHQ9', answers: phq9(1), idempotencyKey: newKey() },
    });
    await expectRiskFirst(0);
  });
});
