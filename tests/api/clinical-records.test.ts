import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const CREATE_CLIENT = `mutation($input: CreateClientInput!) { createClient(input: $input) { id code timezone therapistId episode { id startedOn } } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id number status scheduledAt durationMinutes } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id status } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id title frequency assignedOn dueOn } }`;
const SET_GOAL = `mutation($input: SetGoalInput!) { setGoal(input: $input) { id title status } }`;
const END_EPISODE = `mutation($input: EndEpisodeInput!) { endEpisode(input: $input) { id endedOn endReason } }`;
const START_EPISODE = `mutation($input: StartEpisodeInput!) { startEpisode(input: $input) { id startedOn } }`;

describe('therapist records', () => {
  let app: TestApp;
  let a: PracticeFixture;
  let b: PracticeFixture;
  let therapist: Agent;
  let otherTherapist: Agent;
  let manager: Agent;

  beforeAll(async () => {
    app = await startTestApp();
    a = await createPractice(app.db.owner, 'rec');
    b = await createPractice(app.db.owner, 'recb', { therapists: 1, clientsPerTherapist: 1 });
    therapist = await signIn(app, a.emails.therapists[0], TEST_PASSWORD);
    otherTherapist = await signIn(app, a.emails.therapists[1], TEST_PASSWORD);
    manager = await signIn(app, a.emails.manager, TEST_PASSWORD);
  });
  afterAll(() => app.close());

  describe('createClient', () => {
    it('adds a client with an open episode dated in their own time zone', async () => {
      const res = await gql<{
        createClient: { id: string; code: string; therapistId: string; episode: { startedOn: string } };
      }>(therapist, CREATE_CLIENT, {
        input: { code: 'NEW-001', timezone: 'Pacific/Auckland', displayName: 'Ana Example' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createClient).toEqual(
        expect.objectContaining({ code: 'NEW-001', therapistId: a.therapistIds[0] }),
      );
      const auckland = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date());
      expect(res.data?.createClient.episode.startedOn).toBe(auckland);
      expect(await countRows(app.db.owner, 'client_summary', 'client_id = $1', [res.data?.createClient.id])).toBe(1);
    });

    it('rejects a code already used, naming the field, and writes nothing', async () => {
      const before = await countRows(app.db.owner, 'client');
      const res = await gql(therapist, CREATE_CLIENT, { input: { code: 'NEW-001', timezone: 'Europe/London' } });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'code' }));
      expect(await countRows(app.db.owner, 'client')).toBe(before);
      expect(await countRows(app.db.owner, 'episode')).toBe(before);
    });

    it.each([
      [{ code: 'X', timezone: 'Europe/London' }, 'code', /2 to 40/],
      [{ code: 'OK-1', timezone: 'Mars/Olympus' }, 'timezone', /IANA time zone/],
      [{ code: 'OK-2', timezone: 'Europe/London', displayName: '' }, 'displayName', /at least 1/],
    ])('rejects %j with a clear error on %s', async (input, field, message) => {
      const before = await countRows(app.db.owner, 'client');
      const res = await gql(therapist, CREATE_CLIENT, { input });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      expect(res.errors?.[0].message).toMatch(message);
      expect(await countRows(app.db.owner, 'client')).toBe(before);
    });

    it('lets a manager assign a client to a therapist, and requires the therapist', async () => {
      const missing = await gql(manager, CREATE_CLIENT, { input: { code: 'MGR-1', timezone: 'Europe/London' } });
      expect(missing.errors?.[0].extensions).toEqual(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'therapistId' }),
      );
      const ok = await gql<{ createClient: { therapistId: string } }>(manager, CREATE_CLIENT, {
        input: { code: 'MGR-1', timezone: 'Europe/London', therapistId: a.therapistIds[1] },
      });
      expect(ok.data?.createClient.therapistId).toBe(a.therapistIds[1]);
    });

    it('gives NOT_FOUND for a therapist of another practice', async () => {
      const res = await gql(manager, CREATE_CLIENT, {
        input: { code: 'MGR-2', timezone: 'Europe/London', therapistId: b.therapistIds[0] },
      });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('sessions', () => {
    it('schedules numbered sessions and records attendance', async () => {
      const first = await gql<{ scheduleSession: { id: string; number: number; status: string } }>(
        therapist,
        SCHEDULE,
        {
          input: { clientId: a.clientIds[0], scheduledAt: '2026-11-01T10:00:00Z' },
        },
      );
      const second = await gql<{ scheduleSession: { id: string; number: number; durationMinutes: number } }>(
        therapist,
        SCHEDULE,
        {
          input: { clientId: a.clientIds[0], scheduledAt: '2026-11-08T10:00:00Z', durationMinutes: 30 },
        },
      );
      expect(first.data?.scheduleSession).toEqual(expect.objectContaining({ number: 1, status: 'SCHEDULED' }));
      expect(second.data?.scheduleSession).toEqual(expect.objectContaining({ number: 2, durationMinutes: 30 }));
      const attended = await gql<{ recordAttendance: { status: string } }>(therapist, ATTEND, {
        input: { sessionId: first.data?.scheduleSession.id, status: 'ATTENDED' },
      });
      expect(attended.data?.recordAttendance.status).toBe('ATTENDED');
      const noShow = await gql(therapist, ATTEND, {
        input: { sessionId: second.data?.scheduleSession.id, status: 'NO_SHOW' },
      });
      expect(noShow.errors).toBeUndefined();
      const { rows } = await app.db.owner.query(
        `SELECT sessions_attended, sessions_missed FROM client_summary WHERE client_id = $1`,
        [a.clientIds[0]],
      );
      expect(rows[0]).toEqual({ sessions_attended: 1, sessions_missed: 1 });
    });

    it.each([
      [{ durationMinutes: 4 }, 'durationMinutes', 'durationMinutes must be a whole number from 5 to 480'],
      [{ durationMinutes: 481 }, 'durationMinutes', 'durationMinutes must be a whole number from 5 to 480'],
      [{ scheduledAt: '2031-01-01T00:00:00Z' }, 'scheduledAt', 'scheduledAt must be within two years of today'],
      [
        { scheduledAt: 'not-a-date' },
        'scheduledAt',
        'scheduledAt must be a real ISO date-time with its offset, such as 2026-05-01T14:00:00Z',
      ],
      [{ clientId: 'nope' }, 'clientId', 'clientId must be an id (UUID)'],
    ])('rejects %j naming %s, and writes nothing', async (patch, field, message) => {
      const before = await countRows(app.db.owner, 'therapy_session');
      const res = await gql(therapist, SCHEDULE, {
        input: { clientId: a.clientIds[0], scheduledAt: '2026-11-20T10:00:00Z', ...patch },
      });
      expect(res.errors?.[0]).toEqual(
        expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
      );
      expect(await countRows(app.db.owner, 'therapy_session')).toBe(before);
    });

    it("gives NOT_FOUND when a therapist schedules for another therapist's client", async () => {
      const before = await countRows(app.db.owner, 'therapy_session');
      const res = await gql(otherTherapist, SCHEDULE, {
        input: { clientId: a.clientIds[0], scheduledAt: '2026-11-20T10:00:00Z' },
      });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await countRows(app.db.owner, 'therapy_session')).toBe(before);
      expect(
        await countRows(app.db.owner, 'audit_event', `outcome = 'DENIED' AND action = 'scheduleSession'`),
      ).toBeGreaterThan(0);
    });

    it('refuses SCHEDULED as an attendance outcome', async () => {
      const s = await gql<{ scheduleSession: { id: string } }>(therapist, SCHEDULE, {
        input: { clientId: a.clientIds[1], scheduledAt: '2026-11-02T10:00:00Z' },
      });
      const res = await gql(therapist, ATTEND, {
        input: { sessionId: s.data?.scheduleSession.id, status: 'SCHEDULED' },
      });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'status' }));
      expect(res.errors?.[0].message).toBe('status must be one of ATTENDED, CANCELLED, NO_SHOW');
    });
  });

  describe('episodes', () => {
    it('ends an episode and opens a new one; only one can be open', async () => {
      const { rows } = await app.db.owner.query(`SELECT id, started_on::text FROM episode WHERE client_id = $1`, [
        a.clientIds[1],
      ]);
      const before = await gql(therapist, END_EPISODE, {
        input: { episodeId: rows[0].id, endedOn: '2000-01-01', endReason: 'COMPLETED' },
      });
      expect(before.errors?.[0].extensions?.field).toBe('endedOn');
      const badReason = await gql(therapist, END_EPISODE, {
        input: { episodeId: rows[0].id, endedOn: '2026-11-20', endReason: 'BORED' },
      });
      expect(badReason.errors?.[0].message).toBe('endReason must be one of COMPLETED, DROPPED_OUT, REFERRED_ON, OTHER');
      const twice = await gql(therapist, START_EPISODE, { input: { clientId: a.clientIds[1] } });
      expect(twice.errors?.[0].extensions?.field).toBe('clientId');
      const ended = await gql<{ endEpisode: { endReason: string } }>(therapist, END_EPISODE, {
        input: { episodeId: rows[0].id, endedOn: '2026-11-20', endReason: 'COMPLETED' },
      });
      expect(ended.data?.endEpisode.endReason).toBe('COMPLETED');
      const next = await gql<{ startEpisode: { id: string } }>(therapist, START_EPISODE, {
        input: { clientId: a.clientIds[1] },
      });
      expect(next.errors).toBeUndefined();
    });
  });

  describe('homework and goals', () => {
    it('assigns homework and sets a goal', async () => {
      const hw = await gql<{ assignHomework: { title: string; frequency: string } }>(therapist, ASSIGN, {
        input: {
          clientId: a.clientIds[0],
          title: 'Thought record',
          frequency: 'DAILY',
          instructions: 'One entry each evening',
        },
      });
      expect(hw.data?.assignHomework).toEqual(expect.objectContaining({ title: 'Thought record', frequency: 'DAILY' }));
      const goal = await gql<{ setGoal: { title: string; status: string } }>(therapist, SET_GOAL, {
        input: { clientId: a.clientIds[0], title: 'Walk to work twice a week' },
      });
      expect(goal.data?.setGoal).toEqual(expect.objectContaining({ status: 'ACTIVE' }));
    });

    it.each([
      [ASSIGN, { title: '', frequency: 'DAILY' }, 'title', 'title must be at least 1 characters'],
      [ASSIGN, { title: 'x', frequency: 'HOURLY' }, 'frequency', null],
      [
        ASSIGN,
        { title: 'x', frequency: 'ONCE', dueOn: '2026-02-30' },
        'dueOn',
        'dueOn must be a real calendar date (YYYY-MM-DD)',
      ],
      [ASSIGN, { title: 'x', frequency: 'ONCE', dueOn: '2001-01-01' }, 'dueOn', null],
      [SET_GOAL, { title: 'x'.repeat(301) }, 'title', 'title must be at most 300 characters'],
    ])('rejects bad input with the field named (%#)', async (doc, patch, field, message) => {
      const before = (await countRows(app.db.owner, 'homework_assignment')) + (await countRows(app.db.owner, 'goal'));
      const res = await gql(therapist, doc, { input: { clientId: a.clientIds[0], ...patch } });
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
      if (error?.extensions?.code === 'BAD_USER_INPUT' && error.extensions.field)
        expect(error.extensions.field).toBe(field);
      else expect(error?.message).toContain(field);
      if (message) expect(error?.message).toBe(message);
      expect((await countRows(app.db.owner, 'homework_assignment')) + (await countRows(app.db.owner, 'goal'))).toBe(
        before,
      );
    });

    it('keeps managers to reading: they cannot assign homework', async () => {
      const res = await gql(manager, ASSIGN, { input: { clientId: a.clientIds[0], title: 'x', frequency: 'ONCE' } });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
