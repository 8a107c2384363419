// Starts one throwaway embedded PostgreSQL for the whole jest run and migrates a template database;
// each test file clones its own database from it (database.ts). Plain ESM on the built db package,
// because jest loads global setup outside its module transform.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, startEmbeddedPostgres } from '../../db/dist/index.js';

export const TEST_APP_PASSWORD = 'cairn-test-app';
export const TEMPLATE_DB = 'cairn_template';

export default async function globalSetup() {
  if (process.env.CAIRN_TEST_NO_DB === '1') return;
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  globalThis.__cairnCluster = server;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await migrate(server.urlFor(TEMPLATE_DB), TEST_APP_PASSWORD);
  process.env.CAIRN_TEST_PG_ADMIN_URL = server.adminUrl;
}
