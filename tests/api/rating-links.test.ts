import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id number scheduledAt } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id status } }`;
const LINK = `mutation($id: ID!) { createRatingLink(sessionId: $id) { url } }`;
const LINK_INFO = `query($token: String!) { ratingLink(token: $token) { therapistFirstName sessionDate } }`;
const RATE = `mutation($input: SubmitAllianceRatingInput!) { submitAllianceRating(input: $input) { response { id sessionNumber } } }`;
const HELP = `mutation($input: SubmitAllianceRatingInput!) {
  submitAllianceRating(input: $input) { response { id } notRecordedReason crisis { message } } }`;
const SESSIONS = `query($id: ID!) { client(id: $id) { sessions { id number scheduledAt status alliance { total } } } }`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Ratings belong to sessions that happened: attended, or held today. */
describe('rating links and session ratings', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let therapist: Agent;
  let client: Agent;

  async function schedule(clientIndex: number, at: Date): Promise<{ id: string; number: number }> {
    const res = await gql<{ scheduleSession: { id: string; number: number } }>(therapist, SCHEDULE, {
      input: { clientId: p.clientIds[clientIndex], scheduledAt: at.toISOString() },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.scheduleSession;
  }

  async function mark(sessionId: string, status: 'ATTENDED' | 'CANCELLED' | 'NO_SHOW'): Promise<void> {
    expect((await gql(therapist, ATTEND, { input: { sessionId, status } })).errors).toBeUndefined();
  }

  async function link(sessionId: string) {
    return gql<{ createRatingLink: { url: string } }>(therapist, LINK, { id: sessionId });
  }

  async function tokenFor(sessionId: string): Promise<string> {
    const res = await link(sessionId);
    expect(res.errors).toBeUndefined();
    return res.data!.createRatingLink.url.split('/rate/')[1];
  }

  const rateByLink = (token: string) =>
    gql(request.agent(app.server), RATE, { input: { token, answers: [9, 9, 9, 9], idempotencyKey: newKey() } });

  beforeAll(async () => {
    app = await startTestApp();
    // Tokyo: the client's "today" differs from UTC's for part of every day.
    p = await createPractice(app.db.owner, 'rl', { therapists: 1, clientsPerTherapist: 3, timezone: 'Asia/Tokyo' });
    therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    client = await signIn(app, p.emails.clients[0], TEST_PASSWORD);
  });
  afterAll(() => app.close());

  it.each([
    ['a future session', 'SCHEDULED', 7 * DAY, /has not happened yet/],
    ['a cancelled session', 'CANCELLED', -DAY, /was cancelled/],
    ['a missed session', 'NO_SHOW', -DAY, /was missed/],
    ['a past session whose attendance was never recorded', 'SCHEDULED', -3 * DAY, /record attendance/],
  ] as const)('refuses a link for %s, naming sessionId', async (_what, status, offset, message) => {
    const session = await schedule(0, new Date(Date.now() + offset));
    if (status !== 'SCHEDULED') await mark(session.id, status);
    const res = await link(session.id);
    expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'sessionId' }));
    expect(res.errors?.[0].message).toMatch(message);
    expect(await countRows(app.db.owner, 'rating_link', 'session_id = $1', [session.id])).toBe(0);
  });

  it('makes a link for an attended session, and for one held today before attendance is recorded', async () => {
    const attended = await schedule(0, new Date(Date.now() - 2 * DAY));
    await mark(attended.id, 'ATTENDED');
    const token = await tokenFor(attended.id);
    const info = await gql<{ ratingLink: { sessionDate: string } }>(request.agent(app.server), LINK_INFO, { token });
    // The form names the session's date in the client's zone.
    const tokyoDate = new Date(Date.parse((await sessionRow(attended.id)).scheduledAt) + 9 * HOUR)
      .toISOString()
      .slice(0, 10);
    expect(info.data?.ratingLink.sessionDate).toBe(tokyoDate);
    expect((await rateByLink(token)).errors).toBeUndefined();

    const heldNow = await schedule(0, new Date(Date.now() - 1000));
    expect((await rateByLink(await tokenFor(heldNow.id))).errors).toBeUndefined();
  });

  it('refuses a link whose session was cancelled after the link was made, on opening and on sending', async () => {
    const session = await schedule(0, new Date(Date.now() - DAY));
    await mark(session.id, 'ATTENDED');
    const token = await tokenFor(session.id);
    await mark(session.id, 'CANCELLED');
    const opened = await gql(request.agent(app.server), LINK_INFO, { token });
    expect(opened.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token' }));
    expect(opened.errors?.[0].message).toMatch(/was cancelled/);
    const sent = await rateByLink(token);
    expect(sent.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token' }));
    expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [session.id])).toBe(0);
    expect(await countRows(app.db.owner, 'rating_link', 'session_id = $1 AND used_at IS NULL', [session.id])).toBe(1);
  });

  it('refuses a link made on the day whose session was then marked no-show', async () => {
    const session = await schedule(0, new Date(Date.now() - 1000));
    const token = await tokenFor(session.id);
    await mark(session.id, 'NO_SHOW');
    const sent = await rateByLink(token);
    expect(sent.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token' }));
    expect(sent.errors?.[0].message).toMatch(/was missed/);
    expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [session.id])).toBe(0);
  });

  it('never refuses "I need help now": on a link whose session was cancelled it raises RISK and shows crisis lines, keeping no rating', async () => {
    const session = await schedule(2, new Date(Date.now() - DAY));
    await mark(session.id, 'ATTENDED');
    const token = await tokenFor(session.id);
    await mark(session.id, 'CANCELLED');
    const sent = await gql<{
      submitAllianceRating: { response: null; notRecordedReason: string; crisis: { message: string } | null };
    }>(request.agent(app.server), HELP, {
      input: { token, answers: [2, 2, 2, 2], comment: 'not safe', helpNow: true, idempotencyKey: newKey() },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.submitAllianceRating).toEqual({
      response: null,
      notRecordedReason: expect.stringMatching(/was cancelled/),
      crisis: expect.objectContaining({ message: expect.any(String) }),
    });
    expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [session.id])).toBe(0);
    expect(
      await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'RISK' AND status = 'OPEN'`, [p.clientIds[2]]),
    ).toBe(1);
    // The link is used up: the help request is not sent twice.
    const again = await gql(request.agent(app.server), HELP, {
      input: { token, answers: [2, 2, 2, 2], helpNow: true, idempotencyKey: newKey() },
    });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('never refuses "I need help now" from the portal, even on a session still to come', async () => {
    await app.db.owner.query(`UPDATE flag SET status = 'RESOLVED', resolved_at = now() WHERE client_id = $1`, [
      p.clientIds[0],
    ]);
    const future = await schedule(0, new Date(Date.now() + 2 * DAY));
    const sent = await gql<{ submitAllianceRating: { response: null; notRecordedReason: string; crisis: unknown } }>(
      client,
      HELP,
      { input: { sessionId: future.id, answers: [5, 5, 5, 5], helpNow: true, idempotencyKey: newKey() } },
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.submitAllianceRating.notRecordedReason).toMatch(/has not happened yet/);
    expect(sent.data?.submitAllianceRating.crisis).not.toBeNull();
    expect(await countRows(app.db.owner, 'measure_response', 'session_id = $1', [future.id])).toBe(0);
    expect(
      await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'RISK' AND status = 'OPEN'`, [p.clientIds[0]]),
    ).toBe(1);
  });

  it('lets a signed-in client rate from the portal only a session that happened', async () => {
    const future = await schedule(0, new Date(Date.now() + 3 * DAY));
    const early = await gql(client, RATE, {
      input: { sessionId: future.id, answers: [9, 9, 9, 9], idempotencyKey: newKey() },
    });
    expect(early.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'sessionId' }),
    );
    const cancelled = await schedule(0, new Date(Date.now() - 4 * DAY));
    await mark(cancelled.id, 'CANCELLED');
    const none = await gql(client, RATE, {
      input: { sessionId: cancelled.id, answers: [9, 9, 9, 9], idempotencyKey: newKey() },
    });
    expect(none.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'sessionId' }),
    );
    expect(await countRows(app.db.owner, 'measure_response', 'session_id = ANY($1)', [[future.id, cancelled.id]])).toBe(
      0,
    );

    const attended = await schedule(0, new Date(Date.now() - 5 * DAY));
    await mark(attended.id, 'ATTENDED');
    const rated = await gql(client, RATE, {
      input: { sessionId: attended.id, answers: [9, 9, 9, 9], idempotencyKey: newKey() },
    });
    expect(rated.errors).toBeUndefined();
  });

  it('numbers sessions in date order when one is booked between two others', async () => {
    // Client 1: #1 two weeks ago and #2 last week (attended), #3 next week; then one booked for today.
    const first = await schedule(1, new Date(Date.now() - 14 * DAY));
    const second = await schedule(1, new Date(Date.now() - 7 * DAY));
    const later = await schedule(1, new Date(Date.now() + 7 * DAY));
    expect([first.number, second.number, later.number]).toEqual([1, 2, 3]);
    await mark(first.id, 'ATTENDED');
    await mark(second.id, 'ATTENDED');
    const rated = await gql<{ submitAllianceRating: { response: { sessionNumber: number } } }>(
      request.agent(app.server),
      RATE,
      { input: { token: await tokenFor(second.id), answers: [8, 8, 8, 8], idempotencyKey: newKey() } },
    );
    expect(rated.data?.submitAllianceRating.response.sessionNumber).toBe(2);

    const today = await schedule(1, new Date(Date.now() - 1000));
    expect(today.number).toBe(3);
    const res = await gql<{
      client: { sessions: { id: string; number: number; alliance: { total: number } | null }[] };
    }>(therapist, SESSIONS, { id: p.clientIds[1] });
    expect(res.data?.client.sessions.map((s) => [s.id, s.number])).toEqual([
      [first.id, 1],
      [second.id, 2],
      [today.id, 3],
      [later.id, 4],
    ]);
    expect(res.data?.client.sessions[1].alliance?.total).toBe(32);

    // And one booked before all the others becomes #1.
    const earliest = await schedule(1, new Date(Date.now() - 21 * DAY));
    expect(earliest.number).toBe(1);
    const after = await gql<{ client: { sessions: { id: string; number: number }[] } }>(therapist, SESSIONS, {
      id: p.clientIds[1],
    });
    expect(after.data?.client.sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    expect(after.data?.client.sessions[4].id).toBe(later.id);
  });

  async function sessionRow(id: string): Promise<{ scheduledAt: string }> {
    const { rows } = await app.db.owner.query<{ scheduledAt: Date }>(
      `SELECT scheduled_at AS "scheduledAt" FROM therapy_session WHERE id = $1`,
      [id],
    );
    return { scheduledAt: rows[0].scheduledAt.toISOString() };
  }
});
