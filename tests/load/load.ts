// Bounded loopback load test: mixed client submissions and therapist caseload reads against the
// built app on its own embedded PostgreSQL, then a row count to prove no submission was lost.
// Usage: node tests/load/load.ts [--seconds 60] [--concurrency 16]   (after `npx tsc -b`)
// Exits non-zero on any error or lost submission. Traffic goes to 127.0.0.1 only.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appRoleUrl, migrate, startEmbeddedPostgres } from '../../db/dist/index.js';
import { createCairnApp } from '../../backend/dist/bootstrap.js';
import { CairnLogger } from '../../backend/dist/common/logger.js';
import { loadConfig } from '../../backend/dist/config/app-config.js';
import { createPractice, TEST_PASSWORD } from '../support/fixtures.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, concurrency: { type: 'string', default: '16' } },
});
const SECONDS = Math.min(600, Number(values.seconds));
const CONCURRENCY = Math.min(64, Number(values.concurrency));
const CLIENTS = 64;
const THERAPISTS = 4;

const dataDir = mkdtempSync(join(tmpdir(), 'cairn-load-'));
const server = await startEmbeddedPostgres({ dataDir, persistent: false });
try {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE load');
  await admin.end();
  const ownerUrl = server.urlFor('load');
  await migrate(ownerUrl, 'load-app-password');
  const seeded = await seed(ownerUrl);

  const config = loadConfig({
    NODE_ENV: 'production',
    CAIRN_APP_DB_PASSWORD: 'load-app-password',
    CAIRN_LOGIN_LIMIT_PER_IP: '100000',
    CAIRN_SUBMISSION_LIMIT_PER_MINUTE: '100000',
    CAIRN_SWEEP_INTERVAL_MINUTES: '0',
    // Production requires an SMTP server; this workload sends no e-mail, so none listens there.
    CAIRN_SMTP_URL: 'smtp://127.0.0.1:9',
    CAIRN_MAIL_FROM: 'Cairn load test <no-reply@load.test>',
  });
  const cairn = await createCairnApp(config, appRoleUrl(ownerUrl, 'load-app-password'), {
    logger: new CairnLogger({ write: () => {} }),
  });
  await cairn.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(cairn.app.getHttpServer().address() as AddressInfo).port}`;

  const post = async (cookie: string | null, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    return { status: res.status, body, setCookie: res.headers.get('set-cookie') };
  };
  const login = async (email: string): Promise<string> => {
    const r = await post(null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', {
      e: email,
      p: TEST_PASSWORD,
    });
    if (r.body.errors) throw new Error(`login ${email}: ${r.body.errors[0].message}`);
    if (!r.setCookie) throw new Error(`login ${email}: no session cookie`);
    return r.setCookie.split(';')[0];
  };
  const clientCookies = await Promise.all(seeded.clients.map((c) => login(c.email)));
  const therapistCookies = await Promise.all(seeded.therapists.map((t) => login(t)));

  const ok = { reportHomework: 0, submitQuestionnaire: 0, logMood: 0, caseload: 0 };
  const errors: { op: keyof typeof ok; status: number; error?: string }[] = [];
  let requests = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const pick = (n: number): number => Math.floor(Math.random() * n);
  async function worker(): Promise<void> {
    while (Date.now() < deadline) {
      const roll = Math.random();
      const i = pick(CLIENTS);
      let op: keyof typeof ok;
      let r: Awaited<ReturnType<typeof post>>;
      if (process.env.LOAD_ONLY_ME) {
        op = 'caseload';
        r = await post(clientCookies[i], '{ me { id } }');
      } else if (roll < 0.4) {
        op = 'reportHomework';
        r = await post(clientCookies[i], 'mutation($i: ReportHomeworkInput!) { reportHomework(input: $i) { id } }', {
          i: { assignmentId: seeded.clients[i].assignmentId, status: 'DONE', effort: 5, idempotencyKey: randomUUID() },
        });
      } else if (roll < 0.7) {
        op = 'submitQuestionnaire';
        r = await post(
          clientCookies[i],
          'mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }',
          {
            i: { instrumentCode: 'GAD7', answers: [1, 1, 2, 1, 0, 1, 1], idempotencyKey: randomUUID() },
          },
        );
      } else if (roll < 0.9) {
        op = 'logMood';
        r = await post(clientCookies[i], 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }', {
          i: { rating: 1 + pick(10), idempotencyKey: randomUUID() },
        });
      } else {
        op = 'caseload';
        r = await post(therapistCookies[pick(THERAPISTS)], '{ caseload { clientId priority mood { mean7 } } }');
      }
      requests++;
      if (r.status !== 200 || r.body.errors) errors.push({ op, status: r.status, error: r.body.errors?.[0]?.message });
      else ok[op]++;
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (Date.now() - started) / 1000;

  const owner = new pg.Pool({ connectionString: ownerUrl });
  const count = async (sql: string): Promise<number> => Number((await owner.query<{ n: string }>(sql)).rows[0].n);
  const homeworkRows = await count(`SELECT count(*) AS n FROM homework_report`);
  const questionnaireRows = await count(`SELECT count(*) AS n FROM measure_response WHERE instrument_code = 'GAD7'`);
  const keys = await count(`SELECT count(*) AS n FROM idempotency_key`);
  await owner.end();
  const submissions = ok.reportHomework + ok.submitQuestionnaire + ok.logMood;
  const lost = ok.reportHomework - homeworkRows + (ok.submitQuestionnaire - questionnaireRows) + (submissions - keys);
  const result = {
    seconds: Number(elapsed.toFixed(1)),
    concurrency: CONCURRENCY,
    requests,
    requestsPerSecond: Math.round(requests / elapsed),
    submissionsPerSecond: Math.round(submissions / elapsed),
    ok,
    errors: errors.length,
    rowsLost: lost,
  };
  console.log(JSON.stringify(result, null, 2));
  if (errors.length) console.log('first errors:', errors.slice(0, 5));
  console.log(`requests=${requests} errors=${errors.length} rows_lost=${lost} rps=${result.requestsPerSecond}`);
  await cairn.close();
  process.exitCode = errors.length === 0 && lost === 0 ? 0 : 1;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** One practice: therapists, clients with sign-ins and open episodes (the tests' fixture), and one daily homework each. */
async function seed(
  url: string,
): Promise<{ therapists: string[]; clients: { email: string; assignmentId: string }[] }> {
  const pool = new pg.Pool({ connectionString: url });
  const practice = await createPractice(pool, 'load', {
    therapists: THERAPISTS,
    clientsPerTherapist: CLIENTS / THERAPISTS,
    timezone: 'Europe/London',
  });
  const { rows } = await pool.query<{ client_id: string; id: string }>(
    `INSERT INTO homework_assignment (practice_id, client_id, title, frequency, assigned_on, created_by)
     SELECT c.practice_id, c.id, 'Daily practice', 'DAILY', current_date - 7, c.therapist_id FROM client c
      WHERE c.practice_id = $1
     RETURNING client_id, id`,
    [practice.practiceId],
  );
  await pool.end();
  const assignment = new Map(rows.map((row) => [row.client_id, row.id]));
  return {
    therapists: practice.emails.therapists,
    clients: practice.clientIds.map((id, i) => {
      const assignmentId = assignment.get(id);
      if (!assignmentId) throw new Error(`no homework assigned to client ${id}`);
      return { email: practice.emails.clients[i], assignmentId };
    }),
  };
}
