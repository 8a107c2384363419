import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`;
const LINK = `mutation($id: ID!) { createRatingLink(sessionId: $id) { url expiresAt } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const LINK_INFO = `query($token: String!) { ratingLink(token: $token) { therapistFirstName sessionDate expiresAt } }`;
const RATE = `mutation($input: SubmitAllianceRatingInput!) {
  submitAllianceRating(input: $input) { response { id total answers sessionId } crisis { message lines { name phone } } } }`;
const MOOD = `mutation($input: LogMoodInput!) {
  logMood(input: $input) { entry { id localDate rating note helpNow } replacedPrevious crisis { message lines { name phone text } } } }`;
const QUESTIONNAIRE = `mutation($input: SubmitQuestionnaireInput!) {
  submitQuestionnaire(input: $input) { response { id total band instrumentCode } crisis { message lines { name phone } } } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`;
const REPORT = `mutation($input: ReportHomeworkInput!) { reportHomework(input: $input) { id status effort localDate } }`;
const SET_GOAL = `mutation($input: SetGoalInput!) { setGoal(input: $input) { id } }`;
const RATE_GOAL = `mutation($input: RateGoalInput!) { rateGoal(input: $input) { id rating } }`;
const FLAGS = `query($status: FlagStatus) { flags(status: $status) { id kind severity status description clientId acknowledgedByName acknowledgeNote resolvedByName resolveNote } }`;

const PHQ9_ITEM9 = [1, 1, 1, 1, 1, 1, 1, 1, 1];

describe('client submissions', () => {
  let app: TestApp;
  let a: PracticeFixture;
  let b: PracticeFixture;
  let therapist: Agent;
  let client: Agent;
  let otherClient: Agent;
  let foreignClient: Agent;

  async function newSession(clientIndex = 0): Promise<string> {
    const res = await gql<{ scheduleSession: { id: string } }>(therapist, SCHEDULE, {
      input: { clientId: a.clientIds[clientIndex], scheduledAt: new Date(Date.now() - 3600_000).toISOString() },
    });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    // Only a session that happened can be rated (attended, or held today: not dependable near midnight).
    const attended = await gql(therapist, ATTEND, {
      input: { sessionId: res.data.scheduleSession.id, status: 'ATTENDED' },
    });
    if (attended.errors) throw new Error(JSON.stringify(attended.errors));
    return res.data.scheduleSession.id;
  }

  async function newLink(sessionId: string): Promise<string> {
    const res = await gql<{ createRatingLink: { url: string } }>(therapist, LINK, { id: sessionId });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createRatingLink.url.split('/rate/')[1];
  }

  beforeAll(async () => {
    app = await startTestApp();
    a = await createPractice(app.db.owner, 'sub', {
      therapists: 1,
      clientsPerTherapist: 3,
      timezone: 'America/Los_Angeles',
    });
    b = await createPractice(app.db.owner, 'subb', { therapists: 1, clientsPerTherapist: 1 });
    therapist = await signIn(app, a.emails.therapists[0], TEST_PASSWORD);
    client = await signIn(app, a.emails.clients[0], TEST_PASSWORD);
    otherClient = await signIn(app, a.emails.clients[1], TEST_PASSWORD);
    foreignClient = await signIn(app, b.emails.clients[0], TEST_PASSWORD);
  });
  afterAll(() => app.close());

  describe('alliance rating by one-time link', () => {
    it('creates a 128-bit link whose form shows only the first name and session date', async () => {
      const sessionId = await newSession();
      const token = await newLink(sessionId);
      expect(Buffer.from(token, 'base64url').length).toBe(16);
      expect(await countRows(app.db.owner, 'rating_link', `token_hash = sha256(convert_to($1, 'UTF8'))`, [token])).toBe(
        1,
      );
      const info = await gql<{ ratingLink: { therapistFirstName: string; sessionDate: string; expiresAt: string } }>(
        request.agent(app.server),
        LINK_INFO,
        { token },
      );
      expect(info.data?.ratingLink.therapistFirstName).toBe('sub');
      const days = (Date.parse(info.data?.ratingLink.expiresAt ?? '') - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
    });

    it('records a rating without sign-in, once; the same link again is rejected', async () => {
      const sessionId = await newSession();
      const token = await newLink(sessionId);
      const anon = request.agent(app.server);
      const first = await gql<{ submitAllianceRating: { response: { total: number; sessionId: string } } }>(
        anon,
        RATE,
        {
          input: { token, answers: [9, 9, 10, 9], idempotencyKey: newKey() },
        },
      );
      expect(first.errors).toBeUndefined();
      expect(first.data?.submitAllianceRating.response).toEqual(expect.objectContaining({ total: 37, sessionId }));
      const again = await gql(anon, RATE, { input: { token, answers: [1, 1, 1, 1], idempotencyKey: newKey() } });
      expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [sessionId])).toBe(1);
    });

    it('returns the first result for a retry with the same idempotencyKey and records once', async () => {
      const sessionId = await newSession();
      const token = await newLink(sessionId);
      const key = newKey();
      const one = await gql<{ submitAllianceRating: { response: { id: string } } }>(request.agent(app.server), RATE, {
        input: { token, answers: [8, 8, 8, 8], idempotencyKey: key },
      });
      const two = await gql<{ submitAllianceRating: { response: { id: string } } }>(request.agent(app.server), RATE, {
        input: { token, answers: [8, 8, 8, 8], idempotencyKey: key },
      });
      expect(two.errors).toBeUndefined();
      expect(two.data?.submitAllianceRating.response.id).toBe(one.data?.submitAllianceRating.response.id);
      expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [sessionId])).toBe(1);
    });

    it('rejects an expired link and a forged one alike', async () => {
      const sessionId = await newSession();
      const token = await newLink(sessionId);
      await app.db.owner.query(
        `UPDATE rating_link SET expires_at = now() - interval '1 second' WHERE session_id = $1`,
        [sessionId],
      );
      const expired = await gql(request.agent(app.server), RATE, {
        input: { token, answers: [9, 9, 9, 9], idempotencyKey: newKey() },
      });
      const forged = await gql(request.agent(app.server), RATE, {
        input: { token: 'AAAAAAAAAAAAAAAAAAAAAA', answers: [9, 9, 9, 9], idempotencyKey: newKey() },
      });
      expect(expired.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(forged.errors?.[0]).toEqual(expired.errors?.[0]);
      expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [sessionId])).toBe(0);
    });

    it.each([
      [[9, 11, 9, 9], 'answers[1]', 'ALLIANCE4 item 2 (worked_on) must be a whole number from 0 to 10, got 11'],
      [[9, 9, 9], 'answers[3]', null],
      [[9, 9, 9, -1], 'answers[3]', null],
    ])('rejects answers %j naming %s and leaves the link unused', async (answers, field, message) => {
      const sessionId = await newSession();
      const token = await newLink(sessionId);
      const res = await gql(request.agent(app.server), RATE, { input: { token, answers, idempotencyKey: newKey() } });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      if (message) expect(res.errors?.[0].message).toMatch(/from 0 to 10/);
      expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [sessionId])).toBe(0);
      expect(await countRows(app.db.owner, 'rating_link', 'session_id = $1 AND used_at IS NULL', [sessionId])).toBe(1);
    });

    it('opens an alliance rupture flag for a low rating', async () => {
      const sessionId = await newSession(2);
      const token = await newLink(sessionId);
      const res = await gql(request.agent(app.server), RATE, {
        input: { token, answers: [7, 6, 8, 7], idempotencyKey: newKey() },
      });
      expect(res.errors).toBeUndefined();
      expect(
        await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'ALLIANCE_RUPTURE' AND status = 'OPEN'`, [
          a.clientIds[2],
        ]),
      ).toBe(1);
    });

    it('notes a repair when the next rating is 36 or more, and leaves the rupture for the therapist to confirm', async () => {
      const sessionId = await newSession(2);
      const token = await newLink(sessionId);
      const res = await gql(request.agent(app.server), RATE, {
        input: { token, answers: [9, 9, 10, 9], idempotencyKey: newKey() },
      });
      expect(res.errors).toBeUndefined();
      const { rows } = await app.db.owner.query(
        `SELECT status, repaired, resolve_note, repair_evidence->'total' AS total FROM flag
          WHERE client_id = $1 AND kind = 'ALLIANCE_RUPTURE'`,
        [a.clientIds[2]],
      );
      expect(rows).toEqual([{ status: 'OPEN', repaired: true, resolve_note: null, total: 37 }]);
    });

    it('records exactly one of two concurrent ratings of the same session', async () => {
      const sessionId = await newSession(1);
      const submit = () =>
        gql(otherClient, RATE, { input: { sessionId, answers: [9, 9, 9, 9], idempotencyKey: newKey() } });
      const results = await Promise.all([submit(), submit(), submit()]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [sessionId])).toBe(1);
    });

    it("gives NOT_FOUND when a client rates another client's session", async () => {
      const sessionId = await newSession(0);
      const res = await gql(otherClient, RATE, {
        input: { sessionId, answers: [9, 9, 9, 9], idempotencyKey: newKey() },
      });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('logMood', () => {
    it("records today's mood in the client's time zone; a second entry replaces the first and says so", async () => {
      const first = await gql<{ logMood: { entry: { localDate: string; rating: number }; replacedPrevious: boolean } }>(
        client,
        MOOD,
        {
          input: { rating: 4, note: 'tired', idempotencyKey: newKey() },
        },
      );
      const la = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
      expect(first.data?.logMood).toEqual(
        expect.objectContaining({
          replacedPrevious: false,
          entry: expect.objectContaining({ localDate: la, rating: 4 }),
        }),
      );
      const second = await gql<{ logMood: { entry: { rating: number }; replacedPrevious: boolean } }>(client, MOOD, {
        input: { rating: 6, idempotencyKey: newKey() },
      });
      expect(second.data?.logMood).toEqual(
        expect.objectContaining({ replacedPrevious: true, entry: expect.objectContaining({ rating: 6 }) }),
      );
      expect(await countRows(app.db.owner, 'mood_entry', 'client_id = $1', [a.clientIds[0]])).toBe(1);
    });

    it.each([0, 11, 5.5])('rejects rating %p naming the field and the range', async (rating) => {
      const before = await countRows(app.db.owner, 'mood_entry');
      const res = await gql(otherClient, MOOD, { input: { rating, idempotencyKey: newKey() } });
      const error = res.errors?.[0];
      if (Number.isInteger(rating)) {
        expect(error).toEqual(
          expect.objectContaining({
            message: 'rating must be a whole number from 1 to 10',
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'rating' }),
          }),
        );
      } else {
        expect(error?.message).toMatch(/rating/);
      }
      expect(await countRows(app.db.owner, 'mood_entry')).toBe(before);
    });

    it('records once for a retried idempotencyKey', async () => {
      const key = newKey();
      const one = await gql<{ logMood: { entry: { id: string } } }>(otherClient, MOOD, {
        input: { rating: 7, idempotencyKey: key },
      });
      const two = await gql<{ logMood: { entry: { id: string }; replacedPrevious: boolean } }>(otherClient, MOOD, {
        input: { rating: 7, idempotencyKey: key },
      });
      expect(two.data?.logMood.entry.id).toBe(one.data?.logMood.entry.id);
      expect(two.data?.logMood.replacedPrevious).toBe(false);
      const { rows } = await app.db.owner.query(`SELECT mood_count FROM client_summary WHERE client_id = $1`, [
        a.clientIds[1],
      ]);
      expect(rows[0].mood_count).toBe(1);
    });

    it('"I need help now" opens an urgent RISK flag and returns crisis lines (988 in the US)', async () => {
      const res = await gql<{ logMood: { crisis: { lines: { phone: string | null }[] } | null } }>(otherClient, MOOD, {
        input: { rating: 2, helpNow: true, idempotencyKey: newKey() },
      });
      expect(res.data?.logMood.crisis?.lines.map((l) => l.phone)).toContain('988');
      expect(
        await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'RISK' AND severity = 'URGENT'`, [
          a.clientIds[1],
        ]),
      ).toBe(1);
    });
  });

  describe('submitQuestionnaire', () => {
    it('PHQ-9 with item 9 = 1 opens exactly one open RISK flag and returns crisis resources, every time', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await gql<{
          submitQuestionnaire: {
            response: { total: number; band: string };
            crisis: { lines: { phone: string }[] } | null;
          };
        }>(client, QUESTIONNAIRE, { input: { instrumentCode: 'PHQ9', answers: PHQ9_ITEM9, idempotencyKey: newKey() } });
        expect(res.errors).toBeUndefined();
        expect(res.data?.submitQuestionnaire.response).toEqual(expect.objectContaining({ total: 9, band: 'mild' }));
        expect(res.data?.submitQuestionnaire.crisis?.lines.map((l) => l.phone)).toContain('988');
      }
      expect(
        await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'RISK' AND status <> 'RESOLVED'`, [
          a.clientIds[0],
        ]),
      ).toBe(1);
    });

    it('PHQ-9 with item 9 = 0 returns no crisis resources', async () => {
      const res = await gql<{ submitQuestionnaire: { crisis: unknown } }>(otherClient, QUESTIONNAIRE, {
        input: { instrumentCode: 'GAD7', answers: [1, 1, 1, 1, 1, 1, 1], idempotencyKey: newKey() },
      });
      expect(res.data?.submitQuestionnaire.crisis).toBeNull();
    });

    it.each([
      [
        'PHQ9',
        [1, 1, 1, 1, 1, 1, 1, 1],
        'answers[8]',
        /PHQ9 item 9 .* is missing; it needs a whole number from 0 to 3/,
      ],
      ['PHQ9', [1, 1, 1, 1, 4, 1, 1, 1, 1], 'answers[4]', /must be a whole number from 0 to 3, got 4/],
      ['GAD7', [1, 1, 1, 1, 1, 1, 1, 1], 'answers', /has 7 items, got 8 answers/],
      ['BDI', [1], 'instrumentCode', /not an instrument of this practice/],
    ])('%s %j is rejected naming %s, nothing written', async (instrumentCode, answers, field, message) => {
      const before = await countRows(app.db.owner, 'measure_response');
      const res = await gql(client, QUESTIONNAIRE, { input: { instrumentCode, answers, idempotencyKey: newKey() } });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      expect(res.errors?.[0].message).toMatch(message);
      expect(await countRows(app.db.owner, 'measure_response')).toBe(before);
    });

    it('refuses a therapist submitting as a client', async () => {
      const res = await gql(therapist, QUESTIONNAIRE, {
        input: { instrumentCode: 'GAD7', answers: [0, 0, 0, 0, 0, 0, 0], idempotencyKey: newKey() },
      });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('practice instruments', () => {
    it('lets a manager add a licensed instrument validated like the built-ins, naming the bad field', async () => {
      const manager = await signIn(app, a.emails.manager, TEST_PASSWORD);
      const doc = 'mutation($d: String!) { addPracticeInstrument(definition: $d) { code items { id } } }';
      const good = {
        code: 'ORS',
        version: '1',
        title: 'Outcome Rating Scale (practice licence)',
        direction: 'HIGHER_IS_BETTER',
        items: [1, 2, 3, 4].map((n) => ({
          id: `ors${n}`,
          text: `Item ${n} (licensed wording held by the practice)`,
          min: 0,
          max: 10,
        })),
        total: { min: 0, max: 40 },
        licence: 'Licensed to this practice',
      };
      const bad = await gql(manager, doc, { d: JSON.stringify({ ...good, total: { min: 0, max: 50 } }) });
      expect(bad.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(String(bad.errors?.[0].extensions?.field)).toMatch(/^definition\.total/);
      const notJson = await gql(manager, doc, { d: '{nope' });
      expect(notJson.errors?.[0].extensions?.field).toBe('definition');
      const ok = await gql<{ addPracticeInstrument: { code: string; items: unknown[] } }>(manager, doc, {
        d: JSON.stringify(good),
      });
      expect(ok.data?.addPracticeInstrument).toEqual({
        code: 'ORS',
        items: [{ id: 'ors1' }, { id: 'ors2' }, { id: 'ors3' }, { id: 'ors4' }],
      });
      const builtIn = await gql(manager, doc, { d: JSON.stringify({ ...good, code: 'PHQ9' }) });
      expect(builtIn.errors?.[0].extensions?.field).toBe('definition.code');
      // A client of the practice can now answer it.
      const res = await gql<{ submitQuestionnaire: { response: { total: number } } }>(otherClient, QUESTIONNAIRE, {
        input: { instrumentCode: 'ORS', answers: [7, 8, 6, 9], idempotencyKey: newKey() },
      });
      expect(res.data?.submitQuestionnaire.response.total).toBe(30);
    });
  });

  describe('homework and goals', () => {
    it('reports homework for today and rates a goal; rejects out-of-range values naming the field', async () => {
      const hw = await gql<{ assignHomework: { id: string } }>(therapist, ASSIGN, {
        input: { clientId: a.clientIds[0], title: 'Behavioural activation', frequency: 'DAILY' },
      });
      const assignmentId = hw.data?.assignHomework.id;
      const ok = await gql<{ reportHomework: { status: string; effort: number } }>(client, REPORT, {
        input: { assignmentId, status: 'PARTIAL', effort: 6, helpfulness: 7, idempotencyKey: newKey() },
      });
      expect(ok.data?.reportHomework).toEqual(expect.objectContaining({ status: 'PARTIAL', effort: 6 }));
      const bad = await gql(client, REPORT, {
        input: { assignmentId, status: 'DONE', effort: 11, idempotencyKey: newKey() },
      });
      expect(bad.errors?.[0]).toEqual(
        expect.objectContaining({
          message: 'effort must be a whole number from 0 to 10',
          extensions: expect.objectContaining({ field: 'effort' }),
        }),
      );
      const notMine = await gql(otherClient, REPORT, {
        input: { assignmentId, status: 'DONE', idempotencyKey: newKey() },
      });
      expect(notMine.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const foreign = await gql(foreignClient, REPORT, {
        input: { assignmentId, status: 'DONE', idempotencyKey: newKey() },
      });
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await countRows(app.db.owner, 'homework_report', 'assignment_id = $1', [assignmentId])).toBe(1);

      const goal = await gql<{ setGoal: { id: string } }>(therapist, SET_GOAL, {
        input: { clientId: a.clientIds[0], title: 'Sleep by 11' },
      });
      const goalId = goal.data?.setGoal.id;
      const rated = await gql<{ rateGoal: { rating: number } }>(client, RATE_GOAL, {
        input: { goalId, rating: 3, idempotencyKey: newKey() },
      });
      expect(rated.data?.rateGoal.rating).toBe(3);
      const tooHigh = await gql(client, RATE_GOAL, { input: { goalId, rating: 11, idempotencyKey: newKey() } });
      expect(tooHigh.errors?.[0].message).toBe('rating must be a whole number from 0 to 10');
      const foreignGoal = await gql(foreignClient, RATE_GOAL, {
        input: { goalId, rating: 5, idempotencyKey: newKey() },
      });
      expect(foreignGoal.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await countRows(app.db.owner, 'goal_rating', 'goal_id = $1', [goalId])).toBe(1);
    });
  });

  describe('flags', () => {
    it('acknowledging then resolving keeps who, when and both notes', async () => {
      const open = await gql<{ flags: { id: string; kind: string; description: string; clientId: string }[] }>(
        therapist,
        FLAGS,
        { status: 'OPEN' },
      );
      const risk = open.data?.flags.find((f) => f.kind === 'RISK' && f.clientId === a.clientIds[0]);
      expect(risk?.description).toMatch(/item 9/i);
      const ack = await gql(
        therapist,
        `mutation($id: ID!) { acknowledgeFlag(id: $id, note: "Called the client") { status acknowledgedByName } }`,
        { id: risk?.id },
      );
      expect(ack.data).toEqual({ acknowledgeFlag: { status: 'ACKNOWLEDGED', acknowledgedByName: 'Dr sub 1' } });
      const res = await gql(
        therapist,
        `mutation($id: ID!) { resolveFlag(id: $id, note: "Safety plan agreed") { status acknowledgeNote resolveNote resolvedByName } }`,
        { id: risk?.id },
      );
      expect(res.data).toEqual({
        resolveFlag: {
          status: 'RESOLVED',
          acknowledgeNote: 'Called the client',
          resolveNote: 'Safety plan agreed',
          resolvedByName: 'Dr sub 1',
        },
      });
      const again = await gql(therapist, `mutation($id: ID!) { resolveFlag(id: $id, note: "again") { status } }`, {
        id: risk?.id,
      });
      expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const empty = await gql(therapist, `mutation($id: ID!) { acknowledgeFlag(id: $id, note: "  ") { status } }`, {
        id: open.data?.flags[0].id,
      });
      expect(empty.errors?.[0].extensions?.field).toBe('note');
    });

    it('shows a client of practice B nothing of practice A', async () => {
      const res = await gql(foreignClient, FLAGS, {});
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const otherPractice = await signIn(app, b.emails.therapists[0], TEST_PASSWORD);
      const theirs = await gql<{ flags: unknown[] }>(otherPractice, FLAGS, {});
      expect(theirs.data?.flags).toEqual([]);
    });
  });
});

describe('submission rate limit', () => {
  it('refuses a client more than the per-minute submission limit, recording only what was allowed', async () => {
    const app = await startTestApp({ submissionLimitPerMinute: 3 });
    try {
      const f = await createPractice(app.db.owner, 'srl', { therapists: 1, clientsPerTherapist: 1 });
      const client = await signIn(app, f.emails.clients[0], TEST_PASSWORD);
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await gql(client, MOOD, { input: { rating: 5, idempotencyKey: newKey() } });
        codes.push(r.errors?.[0].extensions?.code);
      }
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    } finally {
      await app.close();
    }
  });
});
