import pg from 'pg';
import { DataSource } from 'typeorm';
import { installJobQueue } from './job-queue.js';
import { migrations } from './migrations/index.js';

// A DATE is a calendar day (often a client's local day): keep it as 'YYYY-MM-DD', never a Date at
// the server's midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DataSourceConfig {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** TypeORM data source; the schema comes from migrations only (never synchronize). */
export function createDataSource({ url, poolSize = 20, applicationName = 'cairn' }: DataSourceConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'cairn_migrations',
    logging: false,
    poolSize,
    applicationName,
    extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  });
}

/** The same server, as the RLS-bound application role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = 'cairn_app';
  url.password = password;
  return url.toString();
}

/** Runs pending migrations as the schema owner and sets the application role's password. */
export async function migrate(ownerUrl: string, appPassword: string): Promise<string[]> {
  const ds = createDataSource({ url: ownerUrl, poolSize: 2, applicationName: 'cairn-migrate' });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    await installJobQueue(ownerUrl);
    await ds.query(`ALTER ROLE cairn_app PASSWORD ${quoteLiteral(appPassword)}`);
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
