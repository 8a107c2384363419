import { GraphQLSchemaHost } from '@nestjs/graphql';
import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

/**
 * Every query and mutation, called as each kind of caller, against one table of expectations.
 * A new operation that is not in the table fails the first test, so none can ship unchecked.
 */
type Who = 'manager' | 'therapist' | 'otherTherapist' | 'client' | 'otherClient' | 'otherPractice' | 'anonymous';
const EVERYONE: Who[] = [
  'manager',
  'therapist',
  'otherTherapist',
  'client',
  'otherClient',
  'otherPractice',
  'anonymous',
];
type Outcome = 'ok' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT';

interface Operation {
  /** Callers who get through; the rest get NOT_FOUND, or UNAUTHENTICATED when anonymous. */
  allowed: Who[];
  /** What an allowed caller sees when the call is meant to fail validation after access passes. */
  allowedOutcome?: Outcome;
  /** Overrides for particular callers. */
  except?: Partial<Record<Who, Outcome>>;
  call(f: World): Promise<{ query: string; variables?: Record<string, unknown> }>;
}

interface World {
  a: PracticeFixture;
  b: PracticeFixture;
  owner: TestApp['db']['owner'];
}

const clientA = (f: World) => f.a.clientIds[0];

/** An attended session an hour ago: one that can be rated. */
async function newSession(f: World): Promise<string> {
  const { rows } = await f.owner.query(
    `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status)
     SELECT c.practice_id, c.id, e.id, c.therapist_id, now() - interval '1 hour', 1 + (SELECT count(*) FROM therapy_session WHERE client_id = c.id), 'ATTENDED'
       FROM client c JOIN episode e ON e.client_id = c.id AND e.ended_on IS NULL WHERE c.id = $1 RETURNING id`,
    [clientA(f)],
  );
  return rows[0].id;
}
async function newFlag(f: World): Promise<string> {
  await f.owner.query(
    `UPDATE flag SET status = 'RESOLVED', resolved_at = now() WHERE client_id = $1 AND kind = 'STALLED'`,
    [clientA(f)],
  );
  const { rows } = await f.owner.query(
    `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version) VALUES ($1, $2, 'STALLED', 'MEDIUM', '{}', 't') RETURNING id`,
    [f.a.practiceId, clientA(f)],
  );
  return rows[0].id;
}
async function newAssignment(f: World): Promise<string> {
  const { rows } = await f.owner.query(
    `INSERT INTO homework_assignment (practice_id, client_id, title, frequency, assigned_on, created_by)
     VALUES ($1, $2, 'Practice', 'DAILY', current_date, $3) RETURNING id`,
    [f.a.practiceId, clientA(f), f.a.therapistIds[0]],
  );
  return rows[0].id;
}
async function newGoal(f: World): Promise<string> {
  const { rows } = await f.owner.query(
    `INSERT INTO goal (practice_id, client_id, title, created_by) VALUES ($1, $2, 'Goal', $3) RETURNING id`,
    [f.a.practiceId, clientA(f), f.a.therapistIds[0]],
  );
  return rows[0].id;
}
async function newLinkToken(f: World): Promise<string> {
  const token = `matrix${newKey().replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 40);
  const session = await newSession(f);
  await f.owner.query(
    `INSERT INTO rating_link (practice_id, client_id, session_id, token_hash, expires_at, created_by)
     VALUES ($1, $2, $3, sha256(convert_to($4, 'UTF8')), now() + interval '7 days', $5)`,
    [f.a.practiceId, clientA(f), session, token, f.a.therapistIds[0]],
  );
  return token;
}
let codeSeq = 0;

/** Someone invited to practice A who has not chosen a password yet. */
async function newInvitee(f: World): Promise<string> {
  const { rows } = await f.owner.query(
    `INSERT INTO app_user (practice_id, email, role, display_name) VALUES ($1, $2, 'THERAPIST', 'Invited') RETURNING id`,
    [f.a.practiceId, `invitee-${++codeSeq}@test.cairn`],
  );
  return rows[0].id;
}
/** An active therapist of practice A with no clients. */
async function newColleague(f: World): Promise<string> {
  const { rows } = await f.owner.query(
    `INSERT INTO app_user (practice_id, email, password_hash, role, display_name) VALUES ($1, $2, 'x', 'THERAPIST', 'Colleague') RETURNING id`,
    [f.a.practiceId, `colleague-${++codeSeq}@test.cairn`],
  );
  return rows[0].id;
}
/** A client of practice A's first therapist without a portal sign-in. */
async function newPortalClient(f: World): Promise<string> {
  const { rows } = await f.owner.query(
    `INSERT INTO client (practice_id, therapist_id, code, timezone) VALUES ($1, $2, $3, 'Europe/London') RETURNING id`,
    [f.a.practiceId, f.a.therapistIds[0], `PORTAL-${++codeSeq}`],
  );
  return rows[0].id;
}

const OPERATIONS: Record<string, Operation> = {
  me: { allowed: EVERYONE, call: async () => ({ query: '{ me { id } }' }) },
  instruments: {
    allowed: EVERYONE.filter((w) => w !== 'anonymous'),
    call: async () => ({ query: '{ instruments { code } }' }),
  },
  ratingLink: {
    allowed: EVERYONE,
    call: async (f) => ({
      query: 'query($t: String!) { ratingLink(token: $t) { therapistFirstName } }',
      variables: { t: await newLinkToken(f) },
    }),
  },
  caseload: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'query($t: ID) { caseload(therapistId: $t) { clientId } }',
      variables: { t: f.a.therapistIds[0] },
    }),
  },
  client: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({ query: 'query($id: ID!) { client(id: $id) { id } }', variables: { id: clientA(f) } }),
  },
  flags: {
    allowed: ['manager', 'therapist', 'otherTherapist', 'otherPractice'],
    call: async () => ({ query: '{ flags { id } }' }),
  },
  portal: { allowed: ['client', 'otherClient'], call: async () => ({ query: '{ portal { clientId } }' }) },
  auditTrail: {
    allowed: ['manager'],
    call: async (f) => ({
      query: 'query($c: ID!) { auditTrail(clientId: $c) { id action } }',
      variables: { c: clientA(f) },
    }),
  },
  practiceReport: {
    allowed: ['manager'],
    call: async () => ({ query: '{ practiceReport(input: { from: "2025-01-01", to: "2026-12-31" }) { from } }' }),
  },
  createExport: {
    allowed: ['manager'],
    call: async () => ({
      query: 'mutation { createExport(input: { format: CSV, from: "2025-01-01", to: "2026-12-31" }) { id } }',
    }),
  },
  exportProgress: {
    allowed: [],
    // An export id the caller did not create does not exist for them, whoever they are.
    except: { manager: 'NOT_FOUND' },
    call: async () => ({ query: 'query { exportProgress(id: "00000000000000000000000000000000") { status } }' }),
  },
  therapists: { allowed: ['manager'], call: async () => ({ query: '{ therapists { id activeClients } }' }) },
  outboxFailures: { allowed: ['manager'], call: async () => ({ query: '{ outboxFailures { id kind reason } }' }) },
  login: {
    allowed: [],
    except: Object.fromEntries(EVERYONE.map((w) => [w, 'UNAUTHENTICATED'])),
    // A fresh unknown e-mail per call: after 5 failures an unknown e-mail locks like a real account.
    call: async () => ({
      query: `mutation { login(email: "nobody-${newKey()}@test.cairn", password: "wrong-password") { id } }`,
    }),
  },
  logout: { allowed: EVERYONE, call: async () => ({ query: 'mutation { logout }' }) },
  createClient: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'mutation($i: CreateClientInput!) { createClient(input: $i) { id } }',
      variables: { i: { code: `MX-${++codeSeq}`, timezone: 'Europe/London', therapistId: f.a.therapistIds[0] } },
    }),
  },
  updateClient: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'mutation($i: UpdateClientInput!) { updateClient(input: $i) { id } }',
      variables: { i: { clientId: clientA(f), displayName: 'Renamed in the matrix' } },
    }),
  },
  timeZones: {
    allowed: ['manager', 'therapist', 'otherTherapist', 'otherPractice'],
    call: async () => ({ query: '{ timeZones }' }),
  },
  startEpisode: {
    allowed: ['therapist'],
    allowedOutcome: 'BAD_USER_INPUT', // the client already has an open episode: access passed, the rule refused
    call: async (f) => ({
      query: 'mutation($i: StartEpisodeInput!) { startEpisode(input: $i) { id } }',
      variables: { i: { clientId: clientA(f) } },
    }),
  },
  endEpisode: {
    allowed: ['therapist'],
    allowedOutcome: 'BAD_USER_INPUT', // ends before it started
    call: async (f) => {
      const { rows } = await f.owner.query(`SELECT id FROM episode WHERE client_id = $1 AND ended_on IS NULL`, [
        clientA(f),
      ]);
      return {
        query: 'mutation($i: EndEpisodeInput!) { endEpisode(input: $i) { id } }',
        variables: { i: { episodeId: rows[0].id, endedOn: '2000-01-01', endReason: 'COMPLETED' } },
      };
    },
  },
  scheduleSession: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }',
      variables: { i: { clientId: clientA(f), scheduledAt: new Date(Date.now() + 86_400_000).toISOString() } },
    }),
  },
  recordAttendance: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
      variables: { i: { sessionId: await newSession(f), status: 'ATTENDED' } },
    }),
  },
  createRatingLink: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($s: ID!) { createRatingLink(sessionId: $s) { url } }',
      variables: { s: await newSession(f) },
    }),
  },
  assignHomework: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
      variables: { i: { clientId: clientA(f), title: 'Walk', frequency: 'WEEKLY' } },
    }),
  },
  setGoal: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($i: SetGoalInput!) { setGoal(input: $i) { id } }',
      variables: { i: { clientId: clientA(f), title: 'Sleep' } },
    }),
  },
  acknowledgeFlag: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($id: ID!) { acknowledgeFlag(id: $id, note: "seen") { id } }',
      variables: { id: await newFlag(f) },
    }),
  },
  resolveFlag: {
    allowed: ['therapist'],
    call: async (f) => ({
      query: 'mutation($id: ID!) { resolveFlag(id: $id, note: "done") { id } }',
      variables: { id: await newFlag(f) },
    }),
  },
  submitAllianceRating: {
    allowed: ['client'],
    call: async (f) => ({
      query: 'mutation($i: SubmitAllianceRatingInput!) { submitAllianceRating(input: $i) { response { id } } }',
      variables: { i: { sessionId: await newSession(f), answers: [9, 9, 9, 9], idempotencyKey: newKey() } },
    }),
  },
  logMood: {
    allowed: ['client', 'otherClient'],
    call: async () => ({
      query: 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }',
      variables: { i: { rating: 6, idempotencyKey: newKey() } },
    }),
  },
  reportHomework: {
    allowed: ['client'],
    call: async (f) => ({
      query: 'mutation($i: ReportHomeworkInput!) { reportHomework(input: $i) { id } }',
      variables: { i: { assignmentId: await newAssignment(f), status: 'DONE', idempotencyKey: newKey() } },
    }),
  },
  submitQuestionnaire: {
    allowed: ['client', 'otherClient'],
    call: async () => ({
      query: 'mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }',
      variables: { i: { instrumentCode: 'GAD7', answers: [0, 1, 0, 1, 0, 1, 0], idempotencyKey: newKey() } },
    }),
  },
  rateGoal: {
    allowed: ['client'],
    call: async (f) => ({
      query: 'mutation($i: RateGoalInput!) { rateGoal(input: $i) { id } }',
      variables: { i: { goalId: await newGoal(f), rating: 5, idempotencyKey: newKey() } },
    }),
  },
  addPracticeInstrument: {
    allowed: ['manager'],
    call: async () => ({
      query: 'mutation($d: String!) { addPracticeInstrument(definition: $d) { code } }',
      variables: {
        d: JSON.stringify({
          code: `SLEEP${++codeSeq}`,
          version: '1',
          title: 'Sleep check',
          items: [{ id: 'q1', text: 'How well did you sleep?', min: 0, max: 4 }],
          total: { min: 0, max: 4 },
          direction: 'HIGHER_IS_BETTER',
          licence: 'Practice-owned',
        }),
      },
    }),
  },
  acceptInvitation: {
    allowed: [],
    // Public, but a link that does not exist is NOT_FOUND for everyone, signed in or not.
    except: Object.fromEntries(EVERYONE.map((w) => [w, 'NOT_FOUND'])),
    call: async () => ({
      query: 'mutation($i: ChoosePasswordInput!) { acceptInvitation(input: $i) { id } }',
      variables: { i: { token: 'AAAAAAAAAAAAAAAAAAAAAA', password: 'granite orchard lantern 42' } },
    }),
  },
  resetPassword: {
    allowed: [],
    except: Object.fromEntries(EVERYONE.map((w) => [w, 'NOT_FOUND'])),
    call: async () => ({
      query: 'mutation($i: ChoosePasswordInput!) { resetPassword(input: $i) { id } }',
      variables: { i: { token: 'AAAAAAAAAAAAAAAAAAAAAA', password: 'granite orchard lantern 42' } },
    }),
  },
  requestPasswordReset: {
    allowed: EVERYONE,
    call: async () => ({
      query: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
      variables: { e: `nobody-${++codeSeq}@test.cairn` },
    }),
  },
  staff: { allowed: ['manager'], call: async () => ({ query: '{ staff { id status } }' }) },
  inviteStaff: {
    allowed: ['manager'],
    call: async () => ({
      query: 'mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { id } }',
      variables: { i: { email: `new-${++codeSeq}@test.cairn`, displayName: 'New', role: 'THERAPIST' } },
    }),
  },
  resendInvitation: {
    allowed: ['manager'],
    call: async (f) => ({
      query: 'mutation($u: ID!) { resendInvitation(userId: $u) { id } }',
      variables: { u: await newInvitee(f) },
    }),
  },
  revokeInvitation: {
    allowed: ['manager'],
    call: async (f) => ({
      query: 'mutation($u: ID!) { revokeInvitation(userId: $u) { id } }',
      variables: { u: await newInvitee(f) },
    }),
  },
  deactivateUser: {
    allowed: ['manager'],
    call: async (f) => ({
      query: 'mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { id } }',
      variables: { i: { userId: await newColleague(f) } },
    }),
  },
  transferClient: {
    allowed: ['manager'],
    // To the therapist the client already has: access is checked, nothing moves.
    call: async (f) => ({
      query: 'mutation($i: TransferClientInput!) { transferClient(input: $i) { clientId } }',
      variables: { i: { clientId: clientA(f), therapistId: f.a.therapistIds[0] } },
    }),
  },
  portalAccess: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'query($c: ID!) { portalAccess(clientId: $c) { status } }',
      variables: { c: clientA(f) },
    }),
  },
  setClientContact: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'mutation($i: SetClientContactInput!) { setClientContact(input: $i) { status } }',
      variables: { i: { clientId: await newPortalClient(f), email: 'contact@test.cairn' } },
    }),
  },
  inviteClient: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'mutation($i: InviteClientInput!) { inviteClient(input: $i) { status } }',
      variables: { i: { clientId: await newPortalClient(f), email: `portal-${++codeSeq}@test.cairn` } },
    }),
  },
  revokePortalAccess: {
    allowed: ['manager', 'therapist'],
    call: async (f) => ({
      query: 'mutation($c: ID!) { revokePortalAccess(clientId: $c) { status } }',
      variables: { c: await newPortalClient(f) },
    }),
  },
  practiceSettings: {
    // Each staff member reads their own practice's settings.
    allowed: ['manager', 'therapist', 'otherTherapist', 'otherPractice'],
    call: async () => ({ query: '{ practiceSettings { name defaultTimeZone } }' }),
  },
  updatePracticeSettings: {
    allowed: ['manager'],
    call: async () => ({
      query: 'mutation($i: UpdatePracticeSettingsInput!) { updatePracticeSettings(input: $i) { name } }',
      variables: { i: { name: 'mxa practice' } },
    }),
  },
};

describe('tenant and role isolation matrix', () => {
  let app: TestApp;
  let world: World;
  const agents = {} as Record<Who, ReturnType<typeof request.agent>>;

  beforeAll(async () => {
    // Each case signs in afresh, far more often than the per-account limit allows a person.
    app = await startTestApp({ loginLimitPerAccount: 100_000 });
    const a = await createPractice(app.db.owner, 'mxa', { therapists: 2, clientsPerTherapist: 1 });
    const b = await createPractice(app.db.owner, 'mxb', { therapists: 1, clientsPerTherapist: 1 });
    world = { a, b, owner: app.db.owner };
  });
  afterAll(() => app.close());

  async function agentFor(who: Who) {
    const emails: Record<Exclude<Who, 'anonymous'>, string> = {
      manager: world.a.emails.manager,
      therapist: world.a.emails.therapists[0],
      otherTherapist: world.a.emails.therapists[1],
      client: world.a.emails.clients[0],
      otherClient: world.a.emails.clients[1],
      otherPractice: world.b.emails.therapists[0],
    };
    // logout ends a session, so every call gets a freshly signed-in agent.
    return who === 'anonymous' ? request.agent(app.server) : signIn(app, emails[who], TEST_PASSWORD);
  }

  it('lists every query and mutation the server exposes', () => {
    const schema = app.cairn.app.get(GraphQLSchemaHost).schema;
    const served = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ].sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(served);
  });

  const cases = Object.entries(OPERATIONS).flatMap(([name, op]) =>
    EVERYONE.map((who) => {
      const expected: Outcome =
        op.except?.[who] ??
        (op.allowed.includes(who)
          ? (op.allowedOutcome ?? 'ok')
          : who === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'NOT_FOUND');
      return [name, who, expected] as const;
    }),
  );

  it.each(cases)('%s as %s -> %s', async (name, who, expected) => {
    agents[who] = await agentFor(who);
    const { query, variables } = await OPERATIONS[name].call(world);
    const deniedBefore = await countRows(app.db.owner, 'audit_event', `outcome = 'DENIED'`);
    const res = await gql(agents[who], query, variables);
    const outcome = res.errors ? res.errors[0].extensions?.code : 'ok';
    expect({ name, who, outcome }).toEqual({ name, who, outcome: expected });
    if ((expected === 'NOT_FOUND' || expected === 'UNAUTHENTICATED') && name !== 'login') {
      expect(await countRows(app.db.owner, 'audit_event', `outcome = 'DENIED'`)).toBeGreaterThan(deniedBefore);
    }
  });
});
