// `node tests/bench/export-memory.ts [--rows 1000000] [--format CSV|XLSX|FHIR] [--dataset MEASURES|EPISODES]`
// after `npx tsc -b`. Not part of npm test. Loads --rows measure responses into a throwaway embedded
// PostgreSQL, starts the built app in this process, downloads one export through GET /exports/:id and
// prints rows, seconds and the process's peak RSS (sampled every 50 ms). Exits 1 if the peak reaches 300 MB.
import { hash } from '@node-rs/argon2';
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import pg from 'pg';
import { appRoleUrl, migrate, startEmbeddedPostgres } from '../../db/dist/index.js';
import { createCairnApp, type CairnApp } from '../../backend/dist/bootstrap.js';
import { CairnLogger } from '../../backend/dist/common/logger.js';
import { loadConfig } from '../../backend/dist/config/app-config.js';

// The app runs in this process, so it gets the heap limit `npm start` and the Dockerfile give the
// server; without it V8 grows the heap lazily toward its machine default and peak RSS says little.
const HEAP_FLAG = '--max-old-space-size=256';
if (!process.execArgv.includes(HEAP_FLAG)) {
  const rerun = spawn(process.execPath, [HEAP_FLAG, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  rerun.on('exit', (code) => process.exit(code ?? 1));
  await new Promise(() => undefined);
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    format: { type: 'string', default: 'CSV' },
    dataset: { type: 'string', default: 'MEASURES' },
  },
});
const ROWS = Number(values.rows);
const CLIENTS = 2000;
const PER_CLIENT = Math.ceil(ROWS / CLIENTS);
const LIMIT_MB = 300;
const APP_PASSWORD = 'cairn-bench-app';
const EMAIL = 'bench-manager@export.cairn';
const PASSWORD = 'export benchmark password';
const log = (m: string): void => {
  process.stderr.write(`${m}\n`);
};
const mb = (bytes: number): number => Math.round(bytes / 1048576);

const dataDir = mkdtempSync(join(tmpdir(), 'cairn-export-bench-'));
const server = await startEmbeddedPostgres({ dataDir, persistent: false });
let cairn: CairnApp | undefined;
try {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE cairn_export_bench');
  await admin.end();
  const url = server.urlFor('cairn_export_bench');
  await migrate(url, APP_PASSWORD);

  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  let started = Date.now();
  log(`loading ${ROWS.toLocaleString('en-US')} measure responses for ${CLIENTS} clients...`);
  const {
    rows: [practice],
  } = await owner.query<{ id: string }>(`INSERT INTO practice (name) VALUES ('Export benchmark') RETURNING id`);
  const user = async (email: string, role: string, name: string, passwordHash: string | null): Promise<string> =>
    (
      await owner.query<{ id: string }>(
        `INSERT INTO app_user (practice_id, email, password_hash, role, display_name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [practice.id, email, passwordHash, role, name],
      )
    ).rows[0].id;
  await user(EMAIL, 'MANAGER', 'Bench Manager', await hash(PASSWORD));
  const therapistId = await user('bench-therapist@export.cairn', 'THERAPIST', 'Bench Therapist', null);
  await owner.query(
    `INSERT INTO client (practice_id, therapist_id, code, display_name, timezone)
     SELECT $1, $2, 'BX-' || lpad(i::text, 5, '0'), 'Bench Client ' || i, 'UTC' FROM generate_series(1, $3::int) i`,
    [practice.id, therapistId, CLIENTS],
  );
  await owner.query(
    `INSERT INTO episode (practice_id, client_id, started_on) SELECT practice_id, id, date '2025-01-01' FROM client WHERE practice_id = $1`,
    [practice.id],
  );
  // Alternating PHQ-9 and GAD-7, one every 6 hours per client, all within 2025; answers vary with k.
  await owner.query(
    `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, comment, source, submitted_at)
     SELECT e.practice_id, e.client_id, e.id, q.code, '1', q.answers, (SELECT sum(a) FROM unnest(q.answers) a), 'not exported', 'CLIENT',
            timestamptz '2025-01-01 00:00Z' + k * interval '6 hours'
       FROM episode e, generate_series(1, $2::int) k,
            LATERAL (SELECT CASE WHEN k % 2 = 0 THEN 'PHQ9' ELSE 'GAD7' END AS code,
                            CASE WHEN k % 2 = 0 THEN ARRAY[k % 4, (k + 1) % 4, (k + 2) % 4, 1, 0, 2, 1, 0, 0]::smallint[]
                                 ELSE ARRAY[k % 4, (k + 3) % 4, 2, 1, 0, 1, 1]::smallint[] END AS answers) q
      WHERE e.practice_id = $1
      LIMIT $3`,
    [practice.id, PER_CLIENT, ROWS],
  );
  await owner.query('VACUUM ANALYZE');
  const loaded = (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM measure_response`)).rows[0].n;
  await owner.end();
  log(`loaded ${loaded.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const config = loadConfig({ NODE_ENV: 'test', CAIRN_SWEEP_INTERVAL_MINUTES: '0' });
  cairn = await createCairnApp(config, appRoleUrl(url, APP_PASSWORD), {
    logger: new CairnLogger({ write: () => undefined }),
  });
  await cairn.app.listen(0, '127.0.0.1');
  const base = (await cairn.app.getUrl()).replace('[::1]', '127.0.0.1');
  const graphql = async <T>(query: string, variables: Record<string, unknown>, cookie?: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors[0].message);
    return { body, cookie: res.headers.get('set-cookie')?.split(';')[0] };
  };
  const { cookie } = await graphql<unknown>(
    `
      mutation ($e: String!, $p: String!) {
        login(email: $e, password: $p) {
          id
        }
      }
    `,
    { e: EMAIL, p: PASSWORD },
  );
  const { body } = await graphql<{ createExport: { id: string; url: string } }>(
    `
      mutation ($i: CreateExportInput!) {
        createExport(input: $i) {
          id
          url
        }
      }
    `,
    {
      i: {
        format: values.format,
        dataset: values.format === 'CSV' ? values.dataset : 'EPISODES',
        from: '2025-01-01',
        to: '2025-12-31',
      },
    },
    cookie,
  );

  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let ticks = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    if (process.env.DEBUG_MEM && ++ticks % 20 === 0)
      log(
        `rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)} ` +
          v8
            .getHeapSpaceStatistics()
            .map((x) => `${x.space_name.replace('_space', '')} ${mb(x.space_used_size)}`)
            .join(' '),
      );
  }, 50);
  started = Date.now();
  // The download runs in a curl child process, so only the server's memory is sampled here.
  const file = join(dataDir, 'export.out');
  const status = await new Promise<number>((resolve, reject) => {
    const curl = spawn('curl', [
      '-sS',
      '-o',
      file,
      '-w',
      '%{http_code}',
      '-H',
      `cookie: ${cookie}`,
      `${base}${body.data.createExport.url}`,
    ]);
    let out = '';
    curl.stdout.on('data', (d: Buffer) => (out += d.toString()));
    curl.on('error', reject);
    curl.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`curl exited ${code}`))));
  });
  if (status !== 200) throw new Error(`download answered ${status}`);
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
  }
  const { body: progress } = await graphql<{ exportProgress: { status: string; rowsWritten: number } }>(
    `
      query ($id: ID!) {
        exportProgress(id: $id) {
          status
          rowsWritten
        }
      }
    `,
    { id: body.data.createExport.id },
    cookie,
  );
  const { status: exportStatus, rowsWritten } = progress.data.exportProgress;
  const result = {
    format: values.format,
    dataset: values.format === 'CSV' ? values.dataset : 'ALL',
    rows: rowsWritten,
    lines: newlines,
    megabytes: mb(bytes),
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rowsWritten / seconds),
    baselineRssMb: mb(baseline),
    peakRssMb: mb(peak),
    limitMb: LIMIT_MB,
    status: exportStatus,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = peak < LIMIT_MB * 1048576 && exportStatus === 'COMPLETE' ? 0 : 1;
} finally {
  await cairn?.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
