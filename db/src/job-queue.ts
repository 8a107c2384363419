import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';

/** The job queue's schema (graphile-worker's own tables and functions); it holds ids, never tenant data. */
export const JOB_QUEUE_SCHEMA = 'graphile_worker';

/**
 * Installs or upgrades the job queue's schema as the schema owner, then lets the application role
 * use it. The server connects as cairn_app, which may not create schemas; the worker only checks
 * at start that the schema is current. Run on every migrate, so a library upgrade migrates here.
 */
export async function installJobQueue(ownerUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await runMigrations({ pgPool: pool, schema: JOB_QUEUE_SCHEMA, logger: new Logger(() => () => undefined) });
    await pool.query(`
      GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO cairn_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO cairn_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO cairn_app;
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO cairn_app;
    `);
    // graphile-worker turns on row-level security without policies (only its owner may use the
    // tables). Its rows are jobs carrying ids, no tenant data: the app role may use them all.
    await pool.query(`DO $$ DECLARE t record; BEGIN
      FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '${JOB_QUEUE_SCHEMA}' AND c.relkind = 'r' AND c.relrowsecurity
                  AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = n.nspname
                                     AND p.tablename = c.relname AND p.policyname = 'cairn_app_queue') LOOP
        EXECUTE format('CREATE POLICY cairn_app_queue ON ${JOB_QUEUE_SCHEMA}.%I TO cairn_app USING (true) WITH CHECK (true)', t.relname);
      END LOOP;
    END $$`);
  } finally {
    await pool.end();
  }
}
