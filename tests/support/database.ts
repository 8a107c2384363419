import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { appRoleUrl } from '@cairn/db';
import { TEMPLATE_DB, TEST_APP_PASSWORD } from './cluster.js';

export interface TestDatabase {
  /** Schema owner (superuser): for arranging data and inspecting what was written. */
  ownerUrl: string;
  /** The RLS-bound application role, as the server connects. */
  appUrl: string;
  appPassword: string;
  owner: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.CAIRN_TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('CAIRN_TEST_PG_ADMIN_URL is not set: the jest global setup did not run');
  const name = `cairn_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 4 });
  // pool.end() does not wait for its sockets to close; DROP ... WITH (FORCE) may terminate one that
  // is still closing, which the pool reports as an idle client's error.
  owner.on('error', () => undefined);
  return {
    ownerUrl,
    appUrl: appRoleUrl(ownerUrl, TEST_APP_PASSWORD),
    appPassword: TEST_APP_PASSWORD,
    owner,
    async drop() {
      await owner.end();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
