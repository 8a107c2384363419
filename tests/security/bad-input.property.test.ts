import fc from 'fast-check';
import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';
import { isTimeZone } from '../../backend/src/common/validation.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const TABLES = [
  'client',
  'episode',
  'therapy_session',
  'measure_response',
  'mood_entry',
  'homework_assignment',
  'homework_report',
  'goal',
  'goal_rating',
  'flag',
  'rating_link',
  'idempotency_key',
  'client_summary',
  'practice_instrument',
  'app_user',
  'account_token',
  'client_contact',
];

/** Whole numbers outside [min, max], fractions, and values of the wrong type. */
const outside = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: -1_000_000, max: min - 1 }),
    fc.integer({ min: max + 1, max: 1_000_000 }),
    fc.double({ min: min - 100, max: max + 100, noNaN: true }).filter((x) => !Number.isInteger(x)),
    fc.constantFrom(-2147483649, 2147483648, Number.MAX_SAFE_INTEGER),
    fc.string(),
    fc.constant(null),
  );
const badText = (max: number) =>
  fc.oneof(fc.string({ minLength: max + 1, maxLength: max + 50 }), fc.integer(), fc.boolean());
const badId = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('00000000-0000-0000-0000-00000000000g', "1' OR '1'='1", ''),
);
/** Text PostgreSQL cannot store: a NUL character or an unpaired UTF-16 surrogate somewhere in it. */
const unstorable = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
    fc.string({ maxLength: 20 }),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`);
/**
 * Names Node's Intl accepts and PostgreSQL's AT TIME ZONE refuses (ICU keeps aliases tzdata dropped,
 * and Java-style three-letter ids); beforeAll keeps those this Node still accepts.
 */
const NODE_ONLY_ZONES = [
  'US/Pacific-New',
  'Canada/East-Saskatchewan',
  'AET',
  'AGT',
  'BET',
  'CAT',
  'CNT',
  'CTT',
  'ECT',
  'IET',
  'MIT',
  'NET',
  'PLT',
  'PNT',
  'PRT',
  'SST',
  'VST',
];
const nodeOnlyZones: string[] = [];
const nodeOnlyZone = fc.constantFrom(...NODE_ONLY_ZONES).filter((z) => nodeOnlyZones.includes(z));

/** Date-times that do not exist or carry no offset (once read as server time), and numbers (once epoch ms). */
const badDateTime = fc.oneof(
  fc.constantFrom(
    '2026-02-30T10:00:00Z',
    '2026-04-31T00:00:00+01:00',
    '2026-05-01T24:00:00Z',
    '2026-05-01T14:60:00Z',
    '2026-05-01T14:00:00+25:00',
    '2026-05-01',
  ),
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, -1)),
  fc.integer(),
);
const badDate = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', 'yesterday', ''),
  fc.string({ maxLength: 12 }),
);

type Caller = 'therapist' | 'client' | 'manager';

interface Case {
  name: string;
  as: Caller;
  field: string;
  /** Variables are passed as `$i`; ids are known once the practice exists. */
  doc: string | ((ids: Record<string, string>) => string);
  input: (bad: unknown, f: PracticeFixture, ids: Record<string, string>) => unknown;
  bad: fc.Arbitrary<unknown>;
}

/** [operation, caller, text field, input type, selection, the rest of a valid input]. */
type TextCase = [
  string,
  Caller,
  string,
  string,
  string,
  (f: PracticeFixture, ids: Record<string, string>) => Record<string, unknown>,
];
const TEXT_CASES: TextCase[] = [
  ['logMood', 'client', 'note', 'LogMoodInput', 'entry { id }', () => ({ rating: 5, idempotencyKey: newKey() })],
  ['logMood', 'client', 'idempotencyKey', 'LogMoodInput', 'entry { id }', () => ({ rating: 5 })],
  [
    'submitQuestionnaire',
    'client',
    'instrumentCode',
    'SubmitQuestionnaireInput',
    'response { id }',
    () => ({ answers: [0, 0, 0, 0, 0, 0, 0], idempotencyKey: newKey() }),
  ],
  [
    'submitAllianceRating',
    'client',
    'comment',
    'SubmitAllianceRatingInput',
    'response { id }',
    (_f, ids) => ({ sessionId: ids.session, answers: [9, 9, 9, 9], idempotencyKey: newKey() }),
  ],
  [
    'reportHomework',
    'client',
    'note',
    'ReportHomeworkInput',
    'id',
    (_f, ids) => ({ assignmentId: ids.assignment, status: 'DONE', idempotencyKey: newKey() }),
  ],
  [
    'assignHomework',
    'therapist',
    'title',
    'AssignHomeworkInput',
    'id',
    (f) => ({ clientId: f.clientIds[0], frequency: 'DAILY' }),
  ],
  [
    'assignHomework',
    'therapist',
    'instructions',
    'AssignHomeworkInput',
    'id',
    (f) => ({ clientId: f.clientIds[0], title: 'x', frequency: 'DAILY' }),
  ],
  ['setGoal', 'therapist', 'title', 'SetGoalInput', 'id', (f) => ({ clientId: f.clientIds[0] })],
  ['createClient', 'therapist', 'displayName', 'CreateClientInput', 'id', () => ({ code: 'PB-NUL', timezone: 'UTC' })],
  ['createClient', 'therapist', 'code', 'CreateClientInput', 'id', () => ({ timezone: 'UTC' })],
  ['updateClient', 'therapist', 'displayName', 'UpdateClientInput', 'id', (f) => ({ clientId: f.clientIds[0] })],
  [
    'scheduleSession',
    'therapist',
    'clientId',
    'ScheduleSessionInput',
    'id',
    () => ({ scheduledAt: new Date().toISOString() }),
  ],
  ['scheduleSession', 'therapist', 'scheduledAt', 'ScheduleSessionInput', 'id', (f) => ({ clientId: f.clientIds[0] })],
  [
    'endEpisode',
    'therapist',
    'endedOn',
    'EndEpisodeInput',
    'id',
    (_f, ids) => ({ episodeId: ids.episode, endReason: 'OTHER' }),
  ],
];

const CASES: Case[] = [
  {
    name: 'logMood',
    as: 'client',
    field: 'rating',
    doc: 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }',
    input: (v) => ({ rating: v, idempotencyKey: newKey() }),
    bad: outside(1, 10),
  },
  {
    name: 'logMood',
    as: 'client',
    field: 'note',
    doc: 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }',
    input: (v) => ({ rating: 5, note: v, idempotencyKey: newKey() }),
    bad: badText(1000),
  },
  {
    name: 'logMood',
    as: 'client',
    field: 'idempotencyKey',
    doc: 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }',
    input: (v) => ({ rating: 5, idempotencyKey: v }),
    bad: fc.oneof(fc.string({ maxLength: 7 }), fc.constant('x'.repeat(101)), fc.constant('has spaces in it')),
  },
  {
    name: 'scheduleSession',
    as: 'therapist',
    field: 'durationMinutes',
    doc: 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }',
    input: (v, f) => ({ clientId: f.clientIds[0], scheduledAt: new Date().toISOString(), durationMinutes: v }),
    bad: outside(5, 480).filter((v) => v !== null),
  },
  {
    name: 'scheduleSession',
    as: 'therapist',
    field: 'clientId',
    doc: 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }',
    input: (v) => ({ clientId: v, scheduledAt: new Date().toISOString() }),
    bad: badId,
  },
  {
    name: 'submitQuestionnaire',
    as: 'client',
    field: 'answers',
    doc: 'mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }',
    input: (v) => ({ instrumentCode: 'PHQ9', answers: v, idempotencyKey: newKey() }),
    bad: fc.oneof(
      fc.array(fc.integer({ min: 4, max: 100 }), { minLength: 9, maxLength: 9 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 30 }),
      fc.array(fc.integer({ min: -50, max: -1 }), { minLength: 9, maxLength: 9 }),
    ),
  },
  {
    name: 'assignHomework',
    as: 'therapist',
    field: 'title',
    doc: 'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
    input: (v, f) => ({ clientId: f.clientIds[0], title: v, frequency: 'DAILY' }),
    bad: fc.oneof(badText(200), fc.constant('')),
  },
  {
    name: 'assignHomework',
    as: 'therapist',
    field: 'dueOn',
    doc: 'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
    input: (v, f) => ({ clientId: f.clientIds[0], title: 'x', frequency: 'ONCE', dueOn: v }),
    bad: badDate,
  },
  {
    name: 'reportHomework',
    as: 'client',
    field: 'effort',
    doc: 'mutation($i: ReportHomeworkInput!) { reportHomework(input: $i) { id } }',
    input: (v, _f, ids) => ({ assignmentId: ids.assignment, status: 'DONE', effort: v, idempotencyKey: newKey() }),
    bad: outside(0, 10).filter((v) => v !== null),
  },
  {
    name: 'rateGoal',
    as: 'client',
    field: 'rating',
    doc: 'mutation($i: RateGoalInput!) { rateGoal(input: $i) { id } }',
    input: (v, _f, ids) => ({ goalId: ids.goal, rating: v, idempotencyKey: newKey() }),
    bad: outside(0, 10),
  },
  {
    name: 'createClient',
    as: 'therapist',
    field: 'timezone',
    doc: 'mutation($i: CreateClientInput!) { createClient(input: $i) { id } }',
    input: (v) => ({ code: `PB-${newKey().slice(-8)}`, timezone: v }),
    bad: fc.oneof(
      fc.string({ maxLength: 30 }).filter((s) => !/^[A-Z]/.test(s)),
      fc.constantFrom('Mars/Base', 'UTC+25', 'x'.repeat(100)),
    ),
  },
  {
    name: 'createClient',
    as: 'therapist',
    field: 'timezone',
    doc: 'mutation($i: CreateClientInput!) { createClient(input: $i) { id } }',
    input: (v) => ({ code: `PB-${newKey().slice(-8)}`, timezone: v }),
    bad: nodeOnlyZone,
  },
  {
    name: 'updateClient',
    as: 'therapist',
    field: 'timezone',
    doc: 'mutation($i: UpdateClientInput!) { updateClient(input: $i) { id } }',
    input: (v, f) => ({ clientId: f.clientIds[0], timezone: v }),
    bad: fc.oneof(nodeOnlyZone, fc.constantFrom('Mars/Base', 'UTC+25', 'america/new_york')),
  },
  // NUL characters and lone surrogates: every kind of text argument, in every role's mutations.
  ...TEXT_CASES.map(([name, as, field, type, selection, rest]): Case => ({
    name,
    as,
    field,
    doc: `mutation($i: ${type}!) { ${name}(input: $i) { ${selection} } }`,
    input: (v, f, ids) => ({ ...rest(f, ids), [field]: v }),
    bad: unstorable,
  })),
  {
    name: 'acknowledgeFlag',
    as: 'therapist',
    field: 'note',
    doc: (ids) => `mutation($i: String!) { acknowledgeFlag(id: "${ids.flag}", note: $i) { id } }`,
    input: (v) => v,
    bad: unstorable,
  },
  {
    name: 'addPracticeInstrument',
    as: 'manager',
    field: 'definition',
    doc: 'mutation($i: String!) { addPracticeInstrument(definition: $i) { code } }',
    input: (v) => v,
    // The raw character inside the JSON text, as a careless client would send it.
    bad: unstorable.map((text) => `{"code": "NUL1", "version": "1", "title": "${text}"}`),
  },
  {
    name: 'login',
    as: 'client',
    field: 'email',
    doc: 'mutation($i: String!) { login(email: $i, password: "correct horse battery") { id } }',
    input: (v) => v,
    bad: unstorable,
  },
  {
    name: 'ratingLink',
    as: 'client',
    field: 'token',
    doc: 'query($i: String!) { ratingLink(token: $i) { therapistFirstName } }',
    input: (v) => v,
    bad: unstorable,
  },
  {
    name: 'scheduleSession',
    as: 'therapist',
    field: 'scheduledAt',
    doc: 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }',
    input: (v, f) => ({ clientId: f.clientIds[0], scheduledAt: v }),
    bad: badDateTime,
  },
  {
    name: 'submitAllianceRating',
    as: 'client',
    field: 'answers',
    doc: 'mutation($i: SubmitAllianceRatingInput!) { submitAllianceRating(input: $i) { response { id } } }',
    input: (v, _f, ids) => ({ sessionId: ids.session, answers: v, idempotencyKey: newKey() }),
    bad: fc.oneof(
      fc.array(fc.integer({ min: 11, max: 1000 }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 5, maxLength: 10 }),
    ),
  },
  {
    name: 'inviteStaff',
    as: 'manager',
    field: 'email',
    doc: 'mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { id } }',
    input: (v) => ({ email: v, displayName: 'New colleague', role: 'THERAPIST' }),
    bad: fc.oneof(
      fc.string({ maxLength: 30 }).filter((x) => !x.includes('@')),
      fc.constantFrom('a@', '@clinic.example', 'two@a.example, three@b.example', `${'x'.repeat(250)}@a.example`),
      fc.integer(),
    ),
  },
  {
    name: 'inviteStaff',
    as: 'manager',
    field: 'role',
    doc: 'mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { id } }',
    input: (v) => ({ email: `role-${newKey().slice(-8)}@clinic.example`, displayName: 'New colleague', role: v }),
    bad: fc.constantFrom('CLIENT', 'ADMIN', '', 'therapist', 1),
  },
  {
    name: 'inviteClient',
    as: 'therapist',
    field: 'email',
    doc: 'mutation($i: InviteClientInput!) { inviteClient(input: $i) { status } }',
    input: (v, f) => ({ clientId: f.clientIds[0], email: v }),
    bad: fc.oneof(
      fc.string({ maxLength: 30 }).filter((x) => !x.includes('@')),
      fc.constantFrom('a@b', 'x@y@z.example'),
    ),
  },
  {
    name: 'acceptInvitation',
    as: 'client',
    field: 'password',
    doc: 'mutation($i: ChoosePasswordInput!) { acceptInvitation(input: $i) { id } }',
    input: (v) => ({ token: 'AAAAAAAAAAAAAAAAAAAAAA', password: v }),
    bad: badText(1024),
  },
  {
    name: 'updatePracticeSettings',
    as: 'manager',
    field: 'flagThresholds',
    doc: 'mutation($i: UpdatePracticeSettingsInput!) { updatePracticeSettings(input: $i) { name } }',
    input: (v) => ({ flagThresholds: [{ key: 'homeworkAdherenceBelow', value: v }] }),
    bad: fc.oneof(
      fc.double({ min: 1.0001, max: 1e9, noNaN: true }),
      fc.double({ min: -1e9, max: -0.0001, noNaN: true }),
      fc.string(),
      fc.constant(null),
    ),
  },
  {
    name: 'updatePracticeSettings',
    as: 'manager',
    field: 'defaultTimeZone',
    doc: 'mutation($i: UpdatePracticeSettingsInput!) { updatePracticeSettings(input: $i) { name } }',
    input: (v) => ({ defaultTimeZone: v }),
    bad: fc.oneof(nodeOnlyZone, fc.constantFrom('Mars/Base', 'UTC+25', 'america/new_york')),
  },
];

describe('bad input never writes and never fails with a 500 (property-based)', () => {
  let app: TestApp;
  let f: PracticeFixture;
  const agents = {} as Record<Caller, Agent>;
  const ids: Record<string, string> = {};

  async function snapshot(): Promise<Record<string, number>> {
    const sql = TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ');
    return (await app.db.owner.query(`SELECT ${sql}`)).rows[0];
  }

  beforeAll(async () => {
    app = await startTestApp({ loginLimitPerAccount: 100_000 });
    f = await createPractice(app.db.owner, 'prop', { therapists: 1, clientsPerTherapist: 1 });
    agents.therapist = await signIn(app, f.emails.therapists[0], TEST_PASSWORD);
    agents.client = await signIn(app, f.emails.clients[0], TEST_PASSWORD);
    agents.manager = await signIn(app, f.emails.manager, TEST_PASSWORD);
    const { rows: zones } = await app.db.owner.query<{ name: string }>(`SELECT name FROM pg_timezone_names`);
    const postgres = new Set(zones.map((z) => z.name));
    for (const zone of NODE_ONLY_ZONES) {
      if (isTimeZone(zone) && !postgres.has(zone)) nodeOnlyZones.push(zone);
    }
    expect(nodeOnlyZones.length).toBeGreaterThanOrEqual(5);
    const q = (sql: string, p: unknown[]) => app.db.owner.query(sql, p).then((r) => r.rows[0].id as string);
    ids.assignment = await q(
      `INSERT INTO homework_assignment (practice_id, client_id, title, frequency, assigned_on, created_by) VALUES ($1,$2,'x','DAILY',current_date,$3) RETURNING id`,
      [f.practiceId, f.clientIds[0], f.therapistIds[0]],
    );
    ids.goal = await q(
      `INSERT INTO goal (practice_id, client_id, title, created_by) VALUES ($1,$2,'x',$3) RETURNING id`,
      [f.practiceId, f.clientIds[0], f.therapistIds[0]],
    );
    ids.flag = await q(
      `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version) VALUES ($1,$2,'STALLED','MEDIUM','{}','t') RETURNING id`,
      [f.practiceId, f.clientIds[0]],
    );
    ids.episode = await q(`SELECT id FROM episode WHERE client_id = $1`, [f.clientIds[0]]);
    ids.session = await q(
      `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number)
       SELECT $1, $2, id, $3, now(), 1 FROM episode WHERE client_id = $2 RETURNING id`,
      [f.practiceId, f.clientIds[0], f.therapistIds[0]],
    );
  });
  afterAll(() => app.close());

  it.each(CASES.map((c) => [c.name, c.field, c] as const))('%s rejects bad %s', async (_name, _field, c) => {
    await fc.assert(
      fc.asyncProperty(c.bad, async (bad) => {
        const before = await snapshot();
        const doc = typeof c.doc === 'string' ? c.doc : c.doc(ids);
        const res = await gql(agents[c.as], doc, { i: c.input(bad, f, ids) });
        expect(res.status).not.toBe(500);
        const error = res.errors?.[0];
        expect(error?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
        // Either our validation names the field, or GraphQL's coercion names the variable path.
        expect(`${error?.extensions?.field ?? ''} ${error?.message ?? ''}`).toContain(c.field);
        expect(error?.message).not.toMatch(/Internal server error/);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
