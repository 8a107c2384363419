import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, startEmbeddedPostgres, type EmbeddedServer } from '@cairn/db';

export const TEST_APP_PASSWORD = 'cairn-test-app';
export const TEMPLATE_DB = 'cairn_template';

const holder = globalThis as { __cairnCluster?: EmbeddedServer };

/** One throwaway cluster per jest run, with a migrated template database to clone per test file. */
export async function startTestCluster(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  holder.__cairnCluster = server;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await migrate(server.urlFor(TEMPLATE_DB), TEST_APP_PASSWORD);
  process.env.CAIRN_TEST_PG_ADMIN_URL = server.adminUrl;
}

export async function stopTestCluster(): Promise<void> {
  await holder.__cairnCluster?.stop();
}
