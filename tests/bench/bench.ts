// `npm run bench -- --size S|M|L [--seed 1] [--iterations 300] [--only ...] [--statements]`
// Generates (or reuses) a synthetic practice in an embedded PostgreSQL under .data/bench-<size>-<seed>,
// then measures each workload twice in the same run: through our full path (HTTP + GraphQL + auth +
// RLS, the built server in a child process) and as the raw-SQL floor (hand-written SQL through pg
// with the same set_config tenant call). Prints p50/p95 and ratios; writes results/latest.json and .md.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  PRACTICE_SIZES,
  appRoleUrl,
  freePort,
  generatePractice,
  migrate,
  refreshClientSummaries,
  startEmbeddedPostgres,
  type EmbeddedServer,
  type PracticeSize,
} from '../../db/dist/index.js';
import { CASELOAD_SQL } from '../../backend/dist/modules/caseload/caseload.service.js';
import { FLAG_COLUMNS, FLAG_FROM } from '../../backend/dist/modules/flag/flag.sql.js';
import { ENDED_EPISODES_SQL, REFERRALS_AND_THERAPISTS_SQL } from '../../backend/dist/modules/report/report.sql.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '1' },
    // p95 of 300 samples rests on its 15 slowest; 100 left it to 5, and this VM's noise swung it widely.
    iterations: { type: 'string', default: '300' },
    'submit-seconds': { type: 'string', default: '15' },
    'skip-growth': { type: 'boolean', default: false },
    // A comma list of overhead,caseload,timeline,report,submissions: for profiling one workload.
    only: { type: 'string', default: 'overhead,caseload,timeline,report,submissions' },
    // Prints where PostgreSQL spent its time during our submissions (pg_stat_statements, nested too).
    statements: { type: 'boolean', default: false },
  },
});
const SIZE = values.size.toUpperCase();
if (!(SIZE in PRACTICE_SIZES)) throw new Error(`--size must be one of ${Object.keys(PRACTICE_SIZES).join(', ')}`);
const PRACTICE_SIZE = SIZE as PracticeSize;
const SEED = Number(values.seed);
const N = Number(values.iterations);
const SUBMIT_SECONDS = Number(values['submit-seconds']);
const ONLY = new Set(values.only.split(','));
if (values.statements) {
  process.env.CAIRN_PG_SETTINGS =
    'shared_preload_libraries=pg_stat_statements pg_stat_statements.track=all pg_stat_statements.track_planning=on';
}
const APP_PASSWORD = 'cairn-bench-app';
const PASSWORD = 'cairn-demo';

/** One printed line of results: our full path against the raw-SQL floor. */
interface ResultRow {
  workload: string;
  size: string;
  months: number;
  ours_p50_ms: number;
  ours_p95_ms: number;
  floor_p50_ms: number;
  floor_p95_ms: number;
  ratio_p95: number;
  extra: Record<string, string | number>;
}
interface Dataset {
  url: string;
  practiceId: string;
  months: number;
}
interface BenchClient {
  id: string;
  assignmentId: string;
  cookie: string;
}
interface BenchContext {
  url: string;
  practiceId: string;
  therapistId: string;
  caseloadSize: number;
  therapistCookie: string;
  managerCookie: string;
  managerId: string;
  timelineCookie: string;
  timelineClientId: string;
  timelineTherapistId: string;
  timelineMoods: number;
  clients: BenchClient[];
}
interface CpuSeconds {
  server: number;
  postgres: number;
  bench: number;
}
type Role = 'THERAPIST' | 'MANAGER' | 'CLIENT';

const results: ResultRow[] = [];
let BASE = ''; // the running server's origin
let lastShown = -1;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r2 = (x: number): number => Math.round(x * 100) / 100;
const log = (m: string): void => {
  process.stderr.write(`${m}\n`);
};

async function dataset(months: number): Promise<Dataset> {
  const name = `cairn_bench_${SIZE.toLowerCase()}_${SEED}${months === 24 ? '' : `_${months}m`}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const exists = ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.urlFor(name);
  await migrate(url, APP_PASSWORD);
  const owner = new pg.Pool({ connectionString: url, max: 2 });
  const practices = Number((await owner.query<{ n: string }>('SELECT count(*) AS n FROM practice')).rows[0].n);
  if (practices === 0) {
    log(`generating size ${SIZE}, seed ${SEED}, ${months} months into ${name} (reused on later runs)`);
    const now = new Date();
    const result = await generatePractice(url, {
      size: PRACTICE_SIZE,
      seed: SEED,
      months,
      now,
      onProgress: (done, total, label) => {
        // Redraw in place on a terminal; in a log, one line per 10%.
        const percent = Math.round((100 * done) / total);
        const step = process.stderr.isTTY ? percent : Math.floor(percent / 10) * 10;
        if (step === lastShown && done !== total) return;
        lastShown = step;
        process.stderr.write(
          `${process.stderr.isTTY ? '\r' : ''}  [${bar(done / total)}] ${percent}% ${label} ${done}/${total}   ${process.stderr.isTTY ? '' : '\n'}`,
        );
      },
    });
    process.stderr.write('\n');
    log(`  generated in ${(result.elapsedMs / 1000).toFixed(1)} s: ${JSON.stringify(result.counts)}`);
    await owner.query('VACUUM ANALYZE');
  }
  const {
    rows: [p],
  } = await owner.query<{ id: string }>(`SELECT id FROM practice ORDER BY created_at LIMIT 1`);
  await owner.end();
  return { url, practiceId: p.id, months };
}

function bar(f: number): string {
  const n = Math.round(f * 30);
  return '#'.repeat(n) + '-'.repeat(30 - n);
}

async function startApp(url: string): Promise<{ base: string }> {
  const port = await freePort();
  // CAIRN_BENCH_SERVER_ARGS passes node flags to the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  // The heap limit is the one `npm start` and the Dockerfile run the server with.
  const nodeArgs = [
    '--max-old-space-size=256',
    ...(process.env.CAIRN_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const app = spawn(process.execPath, [...nodeArgs, 'backend/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NODE_ENV: 'production',
      CAIRN_APP_DB_PASSWORD: APP_PASSWORD,
      CAIRN_SWEEP_INTERVAL_MINUTES: '0',
      CAIRN_LOGIN_LIMIT_PER_IP: '1000000',
      CAIRN_LOGIN_LIMIT_PER_ACCOUNT: '1000000',
      CAIRN_SUBMISSION_LIMIT_PER_MINUTE: '1000000',
      // Production requires an SMTP server; the workloads send no e-mail, so none listens there.
      CAIRN_SMTP_URL: 'smtp://127.0.0.1:9',
      CAIRN_MAIL_FROM: 'Cairn bench <no-reply@bench.synthetic.cairn.test>',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = app;
  let out = '';
  await new Promise<void>((resolve, reject) => {
    app.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Cairn is running')) resolve();
    });
    app.on('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-2000)}`)));
  });
  return { base: `http://127.0.0.1:${port}` };
}

async function stopApp(): Promise<void> {
  if (!child) return;
  const c = child;
  child = undefined;
  await new Promise<void>((resolve) => {
    c.on('exit', () => resolve());
    c.kill('SIGTERM');
  });
}

// One kept-alive connection per concurrent request, through node:http: fetch costs the load generator
// about 1 ms of CPU per request, which on a shared 2-core machine is taken from the server under test.
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

interface GqlResult {
  body: { data?: unknown; errors?: { message: string }[] };
  setCookie: string | null;
}

function gql(cookie: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResult> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${BASE}/graphql`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GqlResult['body'];
            if (parsed.errors) throw new Error(parsed.errors[0].message);
            resolve({ body: parsed, setCookie: res.headers['set-cookie']?.[0] ?? null });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function login(email: string): Promise<string> {
  const r = await gql(null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', {
    e: email,
    p: PASSWORD,
  });
  if (!r.setCookie) throw new Error(`login ${email}: no session cookie`);
  return r.setCookie.split(';')[0];
}

const BENCH_DOMAIN = '@bench.synthetic.cairn.test';
const benchEmail = (clientId: string): string => `bench-${clientId}${BENCH_DOMAIN}`;

/**
 * Deletes what earlier submission runs wrote for the bench's sign-in clients (everything stamped after
 * their sign-ins were made; generated history is older), so the dataset does not grow run after run.
 */
async function forgetBenchWrites(owner: pg.Pool, practiceId: string): Promise<number> {
  const bench = `SELECT c.id AS client_id, u.id AS user_id, min(u.created_at) OVER () AS since
                   FROM client c JOIN app_user u ON u.id = c.user_id
                  WHERE c.practice_id = $1 AND u.email LIKE '%${BENCH_DOMAIN}'`;
  let deleted = 0;
  for (const [table, stamp] of [
    ['measure_response', 'submitted_at'],
    ['homework_report', 'created_at'],
    ['mood_entry', 'created_at'],
    ['flag', 'opened_at'],
  ]) {
    const r = await owner.query(
      `DELETE FROM ${table} t USING (${bench}) b WHERE t.practice_id = $1 AND t.client_id = b.client_id AND t.${stamp} >= b.since`,
      [practiceId],
    );
    deleted += r.rowCount ?? 0;
  }
  await owner.query(
    `DELETE FROM idempotency_key k USING (${bench}) b WHERE k.practice_id = $1 AND k.actor = 'user:' || b.user_id`,
    [practiceId],
  );
  if (deleted > 0) await refreshClientSummaries(owner, practiceId);
  return deleted;
}

/** DESIGN.md states the caseload budget for a 60-client therapist. */
const CASELOAD_SIZE = 60;

/**
 * Picks the largest caseload (topped up to 60 clients by transferring clients from colleagues, as a
 * practice would, when the generator made none that large), the longest timeline, and gives 64
 * clients a sign-in for submissions.
 */
async function prepare(ds: Dataset, app: { base: string }): Promise<BenchContext> {
  BASE = app.base;
  const owner = new pg.Pool({ connectionString: ds.url, max: 2 });
  const largest = () =>
    owner.query<{ id: string; email: string; clients: number }>(
      `SELECT u.id, u.email, count(*)::int AS clients FROM app_user u JOIN client c ON c.therapist_id = u.id AND c.status <> 'DISCHARGED'
        WHERE u.practice_id = $1 GROUP BY u.id, u.email ORDER BY clients DESC, u.id LIMIT 1`,
      [ds.practiceId],
    );
  let {
    rows: [t],
  } = await largest();
  if (t.clients < CASELOAD_SIZE) {
    await owner.query(
      `WITH moved AS (
         UPDATE client SET therapist_id = $2 WHERE practice_id = $1 AND id IN (
           SELECT id FROM client WHERE practice_id = $1 AND status <> 'DISCHARGED' AND therapist_id <> $2 ORDER BY id LIMIT $3)
         RETURNING practice_id, id)
       UPDATE client_summary s SET therapist_id = $2 FROM moved WHERE s.practice_id = moved.practice_id AND s.client_id = moved.id`,
      [ds.practiceId, t.id, CASELOAD_SIZE - t.clients],
    );
    ({
      rows: [t],
    } = await largest());
  }
  const {
    rows: [longest],
  } = await owner.query<{ id: string; therapist_id: string; moods: number }>(
    `SELECT c.id, c.therapist_id, count(m.*)::int AS moods FROM client c JOIN mood_entry m ON m.client_id = c.id
      WHERE c.practice_id = $1 GROUP BY c.id, c.therapist_id ORDER BY moods DESC, c.id LIMIT 1`,
    [ds.practiceId],
  );
  const {
    rows: [timelineTherapist],
  } = await owner.query<{ email: string }>(`SELECT email FROM app_user WHERE id = $1`, [longest.therapist_id]);
  const hash = (
    await owner.query<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE id = $1`, [t.id])
  ).rows[0].password_hash;
  const { rows: clients } = await owner.query<{ id: string; assignment_id: string }>(
    `SELECT c.id, a.id AS assignment_id FROM client c
       JOIN LATERAL (SELECT id FROM homework_assignment WHERE client_id = c.id ORDER BY assigned_on DESC LIMIT 1) a ON true
      WHERE c.practice_id = $1 AND c.status = 'ACTIVE' ORDER BY c.id LIMIT 64`,
    [ds.practiceId],
  );
  for (const c of clients) {
    await owner.query(
      `WITH u AS (INSERT INTO app_user (practice_id, email, password_hash, role, display_name)
                  VALUES ($1, $2, $3, 'CLIENT', 'Bench client') ON CONFLICT DO NOTHING RETURNING id)
       UPDATE client SET user_id = u.id FROM u WHERE client.id = $4`,
      [ds.practiceId, benchEmail(c.id), hash, c.id],
    );
  }
  const forgotten = await forgetBenchWrites(owner, ds.practiceId);
  if (forgotten > 0) log(`  removed ${forgotten} rows left by earlier submission runs`);
  const {
    rows: [m],
  } = await owner.query<{ id: string; email: string }>(
    `SELECT id, email FROM app_user WHERE practice_id = $1 AND role = 'MANAGER' LIMIT 1`,
    [ds.practiceId],
  );
  await owner.end();
  const therapistCookie = await login(t.email);
  const managerCookie = await login(m.email);
  const timelineCookie = longest.therapist_id === t.id ? therapistCookie : await login(timelineTherapist.email);
  const clientCookies: string[] = [];
  for (const c of clients) clientCookies.push(await login(benchEmail(c.id)));
  return {
    url: ds.url,
    practiceId: ds.practiceId,
    therapistId: t.id,
    caseloadSize: t.clients,
    therapistCookie,
    managerCookie,
    managerId: m.id,
    timelineCookie,
    timelineClientId: longest.id,
    timelineTherapistId: longest.therapist_id,
    timelineMoods: longest.moods,
    clients: clients.map((c, i) => ({ id: c.id, assignmentId: c.assignment_id, cookie: clientCookies[i] })),
  };
}

const CASELOAD_QUERY = `{ caseload { clientId code priority trajectorySignal homeworkAdherence28 lastActivityAt
  phq9 { baseline latest change changeClass band points { at total sessionNumber } }
  gad7 { baseline latest change changeClass band points { at total sessionNumber } }
  alliance { latest previousMean trend } mood { mean7 mean28 slope28 rmssd28 adherence28 points { date rating } }
  openFlags { id kind severity description openedAt } } }`;
const TIMELINE_QUERY = `query($id: ID!) { client(id: $id) { id code therapistName phq9 { baseline latest changeClass }
  gad7 { baseline latest } expectedPhq9 { sessionNumber expected lower upper } trajectorySignal
  measures { id instrumentCode total submittedAt answers } alliance { id total answers sessionNumber }
  moods { localDate rating note } sessions { id number status scheduledAt alliance { total } }
  homework { id title reports { localDate status } } weeklyHomeworkAdherence { weekStart adherence }
  goals { id title ratings { rating ratedAt } } flags { id kind status openedAt } episodes { startedOn endedOn } } }`;

async function inTenant<T>(
  floor: pg.Pool,
  practiceId: string,
  userId: string,
  role: Role,
  work: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const c = await floor.connect();
  try {
    await c.query('BEGIN');
    await c.query(
      `SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true), set_config('app.role', $3, true)`,
      [practiceId, userId, role],
    );
    const r = await work(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

function floorCaseload(floor: pg.Pool, ctx: BenchContext): Promise<void> {
  return inTenant(floor, ctx.practiceId, ctx.therapistId, 'THERAPIST', async (c) => {
    await c.query(CASELOAD_SQL, [ctx.therapistId]);
    await c.query(`SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE f.status <> 'RESOLVED' AND c.therapist_id = $1`, [
      ctx.therapistId,
    ]);
  });
}

/** The whole timeline as one hand-written statement. */
function floorTimeline(floor: pg.Pool, ctx: BenchContext): Promise<pg.QueryResult> {
  return inTenant(floor, ctx.practiceId, ctx.timelineTherapistId, 'THERAPIST', (c) =>
    c.query(
      `SELECT json_build_object(
         'client', (SELECT row_to_json(x) FROM (SELECT c.id, c.code, u.display_name FROM client c JOIN app_user u ON u.id = c.therapist_id WHERE c.id = $1) x),
         'episodes', (SELECT json_agg(e ORDER BY started_on) FROM episode e WHERE client_id = $1),
         'measures', (SELECT json_agg(m ORDER BY submitted_at) FROM measure_response m WHERE client_id = $1),
         'moods', (SELECT json_agg(json_build_object('d', local_date, 'r', rating, 'n', note) ORDER BY local_date) FROM mood_entry WHERE client_id = $1),
         'sessions', (SELECT json_agg(s ORDER BY scheduled_at) FROM therapy_session s WHERE client_id = $1),
         'homework', (SELECT json_agg(a) FROM homework_assignment a WHERE client_id = $1),
         'reports', (SELECT json_agg(r ORDER BY local_date) FROM homework_report r WHERE client_id = $1),
         'goals', (SELECT json_agg(g) FROM goal g WHERE client_id = $1),
         'goalRatings', (SELECT json_agg(gr) FROM goal_rating gr WHERE client_id = $1),
         'flags', (SELECT json_agg(f) FROM flag f WHERE client_id = $1))`,
      [ctx.timelineClientId],
    ),
  );
}

const REPORT_QUERY = `query($i: PracticeReportInput!) { practiceReport(input: $i) {
  practice { finishedCourses finishedEpisodes atCaseness recovery { numerator denominator rate lower upper } reliableImprovement { rate }
    reliableDeterioration { rate } effectSize meanChange }
  therapists { therapistId insufficientData figures { recovery { rate lower upper } } }
  funnel { practiceRate points { therapistId n rate } limits { n lower95 upper95 lower998 upper998 } } } }`;

/** The report's own two statements through pg: the database part of the work. */
function floorReport(floor: pg.Pool, ctx: BenchContext, from: string, to: string): Promise<void> {
  return inTenant(floor, ctx.practiceId, ctx.managerId, 'MANAGER', async (c) => {
    const { rows } = await c.query<{ therapistId: string }>(ENDED_EPISODES_SQL, [from, to, false]);
    const therapists = [...new Set(rows.map((r) => r.therapistId))];
    await c.query(REFERRALS_AND_THERAPISTS_SQL, [from, to, therapists]);
  });
}

/**
 * CPU seconds used so far by the server, by PostgreSQL, and by this process (Linux /proc). PostgreSQL's
 * is every live postgres process's own time plus the time of the backends that already exited (the
 * postmaster's reaped-children counters): pooled connections come and go during a run.
 */
function cpuSnapshot(): CpuSeconds {
  const fields = (pid: number | string | undefined): number[] | null => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
    } catch {
      return null; // the process ended between the listing and the read
    }
  };
  // utime, stime, cutime, cstime: fields 14-17 of stat, in clock ticks of 1/100 s.
  const own = (f: number[] | null): number => (f ? (f[11] + f[12]) / 100 : 0);
  const reaped = (f: number[] | null): number => (f ? (f[13] + f[14]) / 100 : 0);
  let postgres = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let comm;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    const f = fields(pid);
    postgres += own(f) + reaped(f);
  }
  const self = process.cpuUsage();
  return { server: child ? own(fields(child.pid)) : 0, postgres, bench: (self.user + self.system) / 1e6 };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function measure(
  workload: string,
  months: number,
  ours: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  extra: Record<string, string | number> = {},
  iterations = N,
): Promise<void> {
  for (let i = 0; i < Math.min(5, iterations); i++) {
    await ours();
    await floor();
  }
  const a: number[] = [];
  const b: number[] = [];
  const before = cpuSnapshot();
  for (let i = 0; i < iterations; i++) {
    // Interleaved, so both see the same cache and machine state.
    a.push(await timed(ours));
    b.push(await timed(floor));
  }
  // Only our path uses the server, so its CPU over the loop is ours alone.
  const serverCpuMs = ((cpuSnapshot().server - before.server) * 1000) / iterations;
  const row: ResultRow = {
    workload,
    size: SIZE,
    months,
    ours_p50_ms: r2(pct(a, 50)),
    ours_p95_ms: r2(pct(a, 95)),
    floor_p50_ms: r2(pct(b, 50)),
    floor_p95_ms: r2(pct(b, 95)),
    ratio_p95: r2(pct(a, 95) / pct(b, 95)),
    extra: { iterations, ratio_p50: r2(pct(a, 50) / pct(b, 50)), server_cpu_ms_per_request: r2(serverCpuMs), ...extra },
  };
  results.push(row);
  log(
    `  ${workload} (${months} mo): ours p50 ${row.ours_p50_ms} p95 ${row.ours_p95_ms} ms | floor p50 ${row.floor_p50_ms} p95 ${row.floor_p95_ms} ms | ratio ${row.ratio_p95}`,
  );
}

/** Mixed submissions (alliance via homework/mood/questionnaire) at concurrency 16, ours vs raw inserts. */
async function submissions(ctx: BenchContext, floor: pg.Pool): Promise<void> {
  const CONCURRENCY = 16;
  type Submit = (c: BenchClient) => Promise<unknown>;
  const ops: Submit[] = [
    (c) =>
      gql(c.cookie, 'mutation($i: ReportHomeworkInput!) { reportHomework(input: $i) { id } }', {
        i: { assignmentId: c.assignmentId, status: 'DONE', idempotencyKey: randomUUID() },
      }),
    (c) =>
      gql(c.cookie, 'mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }', {
        i: { instrumentCode: 'GAD7', answers: [1, 1, 1, 1, 1, 1, 1], idempotencyKey: randomUUID() },
      }),
    (c) =>
      gql(c.cookie, 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }', {
        i: { rating: 6, idempotencyKey: randomUUID() },
      }),
  ];
  const floorOps: Submit[] = [
    (c) =>
      inTenant(floor, ctx.practiceId, c.id, 'CLIENT', (db) =>
        db.query(
          `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES ($1, $2, $3, current_date, 'DONE')`,
          [ctx.practiceId, c.id, c.assignmentId],
        ),
      ),
    (c) =>
      inTenant(floor, ctx.practiceId, c.id, 'CLIENT', (db) =>
        db.query(
          `INSERT INTO measure_response (practice_id, client_id, instrument_code, instrument_version, answers, total, source) VALUES ($1, $2, 'GAD7', '1', '{1,1,1,1,1,1,1}', 7, 'CLIENT')`,
          [ctx.practiceId, c.id],
        ),
      ),
    (c) =>
      inTenant(floor, ctx.practiceId, c.id, 'CLIENT', (db) =>
        db.query(
          `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, current_date, 6) ON CONFLICT (practice_id, client_id, local_date) DO UPDATE SET rating = 6`,
          [ctx.practiceId, c.id],
        ),
      ),
  ];
  const run = async (list: Submit[]) => {
    const lat: number[] = [];
    let n = 0;
    const deadline = Date.now() + SUBMIT_SECONDS * 1000;
    const started = Date.now();
    const before = cpuSnapshot();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        // Each worker submits for its own clients: one person does not submit twice at once.
        const own = Math.floor(ctx.clients.length / CONCURRENCY);
        while (Date.now() < deadline) {
          const c = ctx.clients[w + CONCURRENCY * (n % own)];
          const op = list[n % list.length];
          n++;
          lat.push(await timed(() => op(c)));
        }
      }),
    );
    const after = cpuSnapshot();
    // CPU milliseconds per submission in each process: on a shared 2-core machine they compete.
    const perSubmission = (k: keyof CpuSeconds) => r2((1000 * (after[k] - before[k])) / n);
    const cpu = { server: perSubmission('server'), postgres: perSubmission('postgres'), bench: perSubmission('bench') };
    return { lat, perSecond: n / ((Date.now() - started) / 1000), cpu };
  };
  const stats = values.statements ? await statementStats(ctx.url) : undefined;
  await stats?.reset();
  const ours = await run(ops);
  await stats?.print(ours.lat.length);
  const raw = await run(floorOps);
  const owner = new pg.Pool({ connectionString: ctx.url, max: 1 });
  await forgetBenchWrites(owner, ctx.practiceId);
  await owner.end();
  const extra = {
    ours_per_second: Math.round(ours.perSecond),
    floor_per_second: Math.round(raw.perSecond),
    seconds: SUBMIT_SECONDS,
    cpu_ms_per_submission_server: ours.cpu.server,
    cpu_ms_per_submission_postgres: ours.cpu.postgres,
    cpu_ms_per_submission_bench: ours.cpu.bench,
    floor_cpu_ms_per_submission_postgres: raw.cpu.postgres,
    floor_cpu_ms_per_submission_bench: raw.cpu.bench,
  };
  const row: ResultRow = {
    workload: 'mixed submissions (c=16)',
    size: SIZE,
    months: 24,
    ours_p50_ms: r2(pct(ours.lat, 50)),
    ours_p95_ms: r2(pct(ours.lat, 95)),
    floor_p50_ms: r2(pct(raw.lat, 50)),
    floor_p95_ms: r2(pct(raw.lat, 95)),
    ratio_p95: r2(pct(ours.lat, 95) / pct(raw.lat, 95)),
    extra,
  };
  results.push(row);
  log(
    `  submissions: ours ${extra.ours_per_second}/s (p95 ${row.ours_p95_ms} ms) | floor ${extra.floor_per_second}/s (p95 ${row.floor_p95_ms} ms)`,
  );
}

async function statementStats(url: string) {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  await owner.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return {
    reset: () => owner.query('SELECT pg_stat_statements_reset()'),
    async print(requests: number): Promise<void> {
      const { rows } = await owner.query<{
        calls: string;
        ms: number;
        plan_ms: number;
        toplevel: boolean;
        query: string;
      }>(
        `SELECT calls, total_exec_time AS ms, total_plan_time AS plan_ms, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
           FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 30`,
      );
      log(`  PostgreSQL time per submission (${requests} submissions), by statement:`);
      for (const r of rows) {
        log(
          `    ${((1000 * r.ms) / requests).toFixed(0).padStart(5)} us exec ${((1000 * r.plan_ms) / requests).toFixed(0).padStart(5)} us plan ${String(r.calls).padStart(6)} calls ${r.toplevel ? ' ' : 'n'} ${r.query}`,
        );
      }
      await owner.end();
    },
  };
}

function report(): void {
  const growth: { workload: string; ratio_p95: number }[] = [];
  for (const w of ['caseload', 'client timeline']) {
    const full = results.find((r) => r.workload === w && r.months === 24);
    const short = results.find((r) => r.workload === w && r.months === 6);
    if (!full || !short) continue;
    const ratio = r2(full.ours_p95_ms / short.ours_p95_ms);
    growth.push({ workload: `${w} growth 6 -> 24 months`, ratio_p95: ratio });
    full.extra.growth_ratio_p95 = ratio;
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const lines = [
    `Size ${SIZE}, seed ${SEED}, ${N} iterations per read workload, ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| workload | history | ours p50 ms | ours p95 ms | floor p50 ms | floor p95 ms | ratio p95 | extra |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.workload} | ${r.months} mo | ${r.ours_p50_ms} | ${r.ours_p95_ms} | ${r.floor_p50_ms} | ${r.floor_p95_ms} | ${r.ratio_p95} | ${Object.entries(
          r.extra,
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')} |`,
    ),
    '',
    ...growth.map((g) => `- ${g.workload}: ours p95 ratio ${g.ratio_p95}`),
  ];
  writeFileSync(join(out, 'latest.md'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

// The same cluster and database names as `node db/dist/generate/cli.js`, so either can create them.
let server: EmbeddedServer;
let child: ChildProcess | undefined;
const dataDir = join(ROOT, '.data', `bench-${SIZE}-${SEED}`, 'pg');
async function main(): Promise<void> {
  server = await startEmbeddedPostgres({ dataDir });
  try {
    // The full history first: the fixed-cost, report and submission workloads run on it only.
    const datasets = [await dataset(24)];
    if (!values['skip-growth']) datasets.push(await dataset(6));

    for (const ds of datasets) {
      const { months } = ds;
      const full = months === 24;
      const app = await startApp(ds.url);
      const floor = new pg.Pool({ connectionString: appRoleUrl(ds.url, APP_PASSWORD), max: 20 });
      floor.on('error', () => undefined); // idle clients see the server stop at the end
      const ctx = await prepare(ds, app);
      log(`measuring ${SIZE} (${months} months of history)`);
      if (ONLY.has('overhead') && full) {
        // The fixed cost of one request (HTTP, GraphQL, session check, RLS-bound transaction) against
        // a one-row read in a tenant transaction: what every other ratio carries on top of its SQL.
        await measure(
          'request overhead (me)',
          months,
          () => gql(ctx.therapistCookie, '{ me { id role } }'),
          () =>
            inTenant(floor, ctx.practiceId, ctx.therapistId, 'THERAPIST', (c) =>
              c.query('SELECT id, role FROM app_user WHERE id = $1', [ctx.therapistId]),
            ),
        );
      }
      if (ONLY.has('caseload'))
        await measure(
          `caseload`,
          months,
          () => gql(ctx.therapistCookie, CASELOAD_QUERY),
          () => floorCaseload(floor, ctx),
          {
            clients: ctx.caseloadSize,
          },
        );
      if (ONLY.has('timeline'))
        await measure(
          `client timeline`,
          months,
          () => gql(ctx.timelineCookie, TIMELINE_QUERY, { id: ctx.timelineClientId }),
          () => floorTimeline(floor, ctx),
          { moodEntries: ctx.timelineMoods },
        );
      if (full) {
        const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
        const to = new Date().toISOString().slice(0, 10);
        if (ONLY.has('report'))
          await measure(
            'practice report (12 months)',
            months,
            () => gql(ctx.managerCookie, REPORT_QUERY, { i: { from, to } }),
            () => floorReport(floor, ctx, from, to),
            { from, to },
            Math.max(5, Math.round(N / 4)),
          );
        if (ONLY.has('submissions')) await submissions(ctx, floor);
      }
      await floor.end();
      await stopApp();
    }
    report();
  } finally {
    await stopApp();
    await server.stop();
  }
}

await main();
