import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { appRoleUrl, migrate, startEmbeddedPostgres, type EmbeddedServer } from '@cairn/db';
import { createCairnApp, type CairnApp } from '../../backend/src/bootstrap.js';
import { CairnLogger } from '../../backend/src/common/logger.js';
import { loadConfig } from '../../backend/src/config/app-config.js';
import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD } from '../support/fixtures.js';

describe('a submission that fails mid-transaction', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('leaves nothing behind: the response, summary and idempotency key all roll back', async () => {
    const f = await createPractice(app.db.owner, 'midtx', { therapists: 1, clientsPerTherapist: 1 });
    // The last write of the submission (opening the RISK flag) fails inside the database.
    await app.db.owner.query(
      `CREATE FUNCTION fail_flag() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await app.db.owner.query(
      `CREATE TRIGGER fail_flag BEFORE INSERT ON flag FOR EACH ROW EXECUTE FUNCTION fail_flag()`,
    );
    const client = await signIn(app, f.emails.clients[0], TEST_PASSWORD);
    const res = await gql(
      client,
      'mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }',
      {
        i: { instrumentCode: 'PHQ9', answers: [2, 2, 2, 2, 2, 2, 2, 2, 1], idempotencyKey: newKey() },
      },
    );
    expect(res.errors?.[0]).toEqual(
      expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    );
    expect(JSON.stringify(res.errors)).not.toMatch(/disk full|\.ts:\d+/);
    expect(await countRows(app.db.owner, 'measure_response')).toBe(0);
    expect(await countRows(app.db.owner, 'idempotency_key')).toBe(0);
    const { rows } = await app.db.owner.query(`SELECT phq9_count FROM client_summary WHERE client_id = $1`, [
      f.clientIds[0],
    ]);
    expect(rows[0].phq9_count).toBe(0);
    await app.db.owner.query(`DROP TRIGGER fail_flag ON flag`);
  });

  it('finishes in-flight requests on graceful shutdown', async () => {
    const other = await startTestApp();
    const f = await createPractice(other.db.owner, 'drain', { therapists: 1, clientsPerTherapist: 1 });
    await other.db.owner.query(
      `CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.7); RETURN NEW; END $$`,
    );
    await other.db.owner.query(`CREATE TRIGGER slow BEFORE INSERT ON mood_entry FOR EACH ROW EXECUTE FUNCTION slow()`);
    const client = await signIn(other, f.emails.clients[0], TEST_PASSWORD);
    const inFlight = gql(client, 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { rating } } }', {
      i: { rating: 8, idempotencyKey: newKey() },
    });
    await new Promise((r) => setTimeout(r, 200));
    const closing = other.cairn.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ logMood: { entry: { rating: 8 } } });
    expect(await countRows(other.db.owner, 'mood_entry')).toBe(1);
    await other.db.drop();
  });
});

describe('the database going away', () => {
  let dataDir: string;
  let server: EmbeddedServer;
  let cairn: CairnApp;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cairn-outage-'));
    server = await startEmbeddedPostgres({ dataDir });
    port = server.port;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE outage');
    await admin.end();
    const owner = server.urlFor('outage');
    await migrate(owner, 'outage-app-pw');
    const pool = new pg.Pool({ connectionString: owner });
    await createPractice(pool, 'out', { therapists: 1, clientsPerTherapist: 1 });
    await pool.end();
    const config = loadConfig({ NODE_ENV: 'test' });
    cairn = await createCairnApp(config, appRoleUrl(owner, 'outage-app-pw'), {
      logger: new CairnLogger({ write: () => undefined }),
    });
  });
  afterAll(async () => {
    await cairn.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers with a clean error while PostgreSQL is down and recovers when it returns', async () => {
    const http = cairn.app.getHttpServer();
    const agent = request.agent(http);
    await gql(
      agent,
      'mutation { login(email: "out-therapist1@test.cairn", password: "correct horse battery") { id } }',
    );
    expect((await gql<{ me: { email: string } }>(agent, '{ me { email } }')).data?.me.email).toBe(
      'out-therapist1@test.cairn',
    );

    await server.stop();
    const down = await gql(agent, '{ caseload { clientId } }');
    expect(down.errors?.[0].message).toMatch(/Internal server error|try again/);
    expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|\.ts:\d+|stack/);
    const health = await request(http).get('/health');
    expect(health.status).toBe(503);

    server = await startEmbeddedPostgres({ dataDir, port });
    let recovered = false;
    for (let i = 0; i < 20 && !recovered; i++) {
      const res = await gql<{ caseload: unknown[] }>(agent, '{ caseload { clientId } }');
      recovered = Array.isArray(res.data?.caseload);
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);
    expect((await request(http).get('/health')).status).toBe(200);
  });
});
