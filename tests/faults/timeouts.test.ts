import pg from 'pg';
import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const CASELOAD = '{ caseload { clientId } }';
const LOG_MOOD = 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { rating } } }';

/** Holds an exclusive lock on `table` (a frozen database, as far as its readers can tell) until released. */
async function holdLock(app: TestApp, table: string): Promise<() => Promise<void>> {
  const c = new pg.Client({ connectionString: app.db.ownerUrl });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await c.query('ROLLBACK');
    await c.end();
  };
}

describe('bounded waits', () => {
  let app: TestApp;
  let p: PracticeFixture;
  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'frozen', { therapists: 1, clientsPerTherapist: 2 });
  });
  afterAll(() => app.close());

  it('gives the app role statement, lock and idle-in-transaction timeouts', async () => {
    const c = new pg.Client({ connectionString: app.db.appUrl });
    await c.connect();
    const { rows } = await c.query(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    await c.end();
    expect(rows[0]).toEqual({ statement: '10s', lock: '3s', idle: '1min' });
  });

  it('answers "try again" within seconds while a lock is held, and every pooled connection recovers', async () => {
    const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    const release = await holdLock(app, 'client_summary');
    const started = Date.now();
    let answers;
    try {
      // More requests at once than a lock wait could serve one by one.
      answers = await Promise.all(Array.from({ length: 8 }, () => gql(therapist, CASELOAD)));
    } finally {
      await release();
    }
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(8000);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.errors?.[0].extensions).toEqual({ code: 'TRY_AGAIN', retryAfterSeconds: 5 });
      expect(res.errors?.[0].message).toMatch(/try again/);
      expect(JSON.stringify(res)).not.toMatch(/lock|canceling|statement/i);
    }
    // The pool is whole again: as many requests as the pool has connections all succeed.
    const after = await Promise.all(Array.from({ length: app.config.dbPoolSize }, () => gql(therapist, CASELOAD)));
    expect(after.map((r) => r.errors)).toEqual(after.map(() => undefined));
  });

  it('rolls back a submission that waited too long, and the same key then records it once', async () => {
    const client = await signIn(app, p.emails.clients[0], TEST_PASSWORD);
    const key = newKey();
    const release = await holdLock(app, 'mood_entry');
    let res;
    try {
      res = await gql(client, LOG_MOOD, { i: { rating: 3, idempotencyKey: key } });
    } finally {
      await release();
    }
    expect(res.errors?.[0].extensions?.code).toBe('TRY_AGAIN');
    expect(await countRows(app.db.owner, 'mood_entry', 'client_id = $1', [p.clientIds[0]])).toBe(0);
    const retry = await gql(client, LOG_MOOD, { i: { rating: 3, idempotencyKey: key } });
    expect(retry.data).toEqual({ logMood: { entry: { rating: 3 } } });
    expect(await countRows(app.db.owner, 'mood_entry', 'client_id = $1', [p.clientIds[0]])).toBe(1);
  });

  it('gives a practice report the longer budget it needs, for its own transaction only', async () => {
    const manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
    const res = await manager
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: 'query($i: PracticeReportInput!) { practiceReport(input: $i) { practice { finishedEpisodes } } }',
        variables: { i: { from: '2025-01-01', to: '2025-12-31' } },
      });
    expect(res.body.errors).toBeUndefined();
    const statements = app.statements.get(res.headers['x-request-id'] as string) ?? [];
    expect(statements.some((s) => /set_config\('statement_timeout'/.test(s))).toBe(true);
  });
});
