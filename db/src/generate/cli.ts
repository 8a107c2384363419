// Synthetic practice for benchmarks and flag evaluation:
//   node db/dist/generate/cli.js --size S|M|L --seed 1 [--database-url URL] [--months 24]
//        [--now ISO] [--ground-truth PATH] [--force]
// Without --database-url the data goes to a persistent embedded cluster in .data/bench-<size>-<seed>/pg.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../data-source.js';
import { startEmbeddedPostgres } from '../embedded.js';
import { PRACTICE_SIZES, generatePractice, type GenerateResult, type PracticeSize } from './practice.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    months: { type: 'string' },
    now: { type: 'string' },
    'ground-truth': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

const size = values.size.toUpperCase();
if (!(size in PRACTICE_SIZES)) fail(`--size must be S, M or L (got ${values.size})`);
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer (got ${values.seed})`);
const months = values.months === undefined ? undefined : Number(values.months);
if (months !== undefined && !(months > 0)) fail(`--months must be positive (got ${values.months})`);
const now = values.now === undefined ? undefined : new Date(values.now);
if (now && Number.isNaN(now.getTime())) fail(`--now must be an ISO date-time (got ${values.now})`);
const benchDir = resolve('.data', `bench-${size}-${seed}`);
const groundTruthPath = resolve(values['ground-truth'] ?? `${benchDir}/ground-truth.json`);
const appPassword = process.env.CAIRN_APP_DB_PASSWORD ?? 'cairn-dev-app';

await main();

async function main(): Promise<void> {
  const options = { size: size as PracticeSize, seed, months, now, groundTruthPath, onProgress: progressBar() };
  const url = values['database-url'];
  if (url) {
    await migrate(url, appPassword);
    report(await generatePractice(url, options), redact(url));
    return;
  }
  const server = await startEmbeddedPostgres({ dataDir: `${benchDir}/pg`, persistent: true });
  try {
    const database = `cairn_bench_${size.toLowerCase()}_${seed}`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      const existing = await admin.query<{ note: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`,
        [database],
      );
      const note = existing.rows[0]?.note;
      if (note?.includes('complete') && !values.force) {
        process.stderr.write(`${database} in ${benchDir}/pg is already generated (${note}); --force regenerates it\n`);
        return;
      }
      if (existing.rowCount) await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database}`);
      await migrate(server.urlFor(database), appPassword);
      const result = await generatePractice(server.urlFor(database), options);
      const comment = `cairn synthetic size=${size} seed=${seed} now=${(now ?? new Date()).toISOString()} complete`;
      await admin.query(`COMMENT ON DATABASE ${database} IS '${comment}'`);
      report(result, `${database} in ${benchDir}/pg`);
    } finally {
      await admin.end();
    }
  } finally {
    await server.stop();
  }
}

function progressBar(): (done: number, total: number, label: string) => void {
  let shown = '';
  return (done, total, label) => {
    const ratio = total ? done / total : 0;
    const filled = Math.round(ratio * 20);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${label} ${done}/${total}`;
    const key = process.stderr.isTTY ? line : `${label} ${Math.floor(ratio * 10)}`;
    if (key === shown) return;
    shown = key;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

function report(result: GenerateResult, where: string): void {
  const c = result.counts;
  const n = (x: number) => x.toLocaleString('en-US');
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(
    `${result.slug}: ${n(c.client)} clients, ${n(c.app_user)} staff, ${n(c.episode)} episodes, ` +
      `${n(c.therapy_session)} sessions, ${n(c.measure_response)} measures, ${n(c.mood_entry)} mood entries, ` +
      `${n(c.homework_assignment)} homework, ${n(c.homework_report)} homework reports, ${n(c.goal)} goals, ` +
      `${n(c.goal_rating)} goal ratings, ${n(result.groundTruthEvents)} ground-truth events; ` +
      `${(result.elapsedMs / 1000).toFixed(1)} s (summaries ${(result.summaryMs / 1000).toFixed(1)} s) -> ${where}; ` +
      `ground truth ${groundTruthPath}\n`,
  );
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
