import fc from 'fast-check';
import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

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
const badDate = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', 'yesterday', ''),
  fc.string({ maxLength: 12 }),
);

interface Case {
  name: string;
  as: 'therapist' | 'client';
  field: string;
  doc: string;
  input: (bad: unknown, f: PracticeFixture, ids: Record<string, string>) => Record<string, unknown>;
  bad: fc.Arbitrary<unknown>;
}

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
];

describe('bad input never writes and never fails with a 500 (property-based)', () => {
  let app: TestApp;
  let f: PracticeFixture;
  const agents = {} as Record<'therapist' | 'client', Agent>;
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
    const q = (sql: string, p: unknown[]) => app.db.owner.query(sql, p).then((r) => r.rows[0].id as string);
    ids.assignment = await q(
      `INSERT INTO homework_assignment (practice_id, client_id, title, frequency, assigned_on, created_by) VALUES ($1,$2,'x','DAILY',current_date,$3) RETURNING id`,
      [f.practiceId, f.clientIds[0], f.therapistIds[0]],
    );
    ids.goal = await q(
      `INSERT INTO goal (practice_id, client_id, title, created_by) VALUES ($1,$2,'x',$3) RETURNING id`,
      [f.practiceId, f.clientIds[0], f.therapistIds[0]],
    );
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
        const res = await gql(agents[c.as], c.doc, { i: c.input(bad, f, ids) });
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
