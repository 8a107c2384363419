import { appRoleUrl, migrate, seedDemo, startEmbeddedPostgres, type EmbeddedServer } from '@cairn/db';
import { createCairnApp, type CairnApp } from './bootstrap.js';
import { CairnLogger } from './common/logger.js';
import type { AppConfig } from './config/app-config.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './modules/auth/demo.js';
import { FlagSweepService } from './modules/flag/flag-sweep.service.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface RunningServer extends CairnApp {
  url: string;
  embedded?: EmbeddedServer;
  stop(): Promise<void>;
}

/**
 * The whole start-up: database (embedded unless DATABASE_URL), migrations, demo data on an empty
 * database (never in production), then API and web app on one port.
 */
export async function startServer(config: AppConfig, logger = new CairnLogger()): Promise<RunningServer> {
  let embedded: EmbeddedServer | undefined;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      listenAddresses: config.embeddedListenAddresses,
    });
    ownerUrl = embedded.urlFor('cairn');
    await ensureDatabase(embedded.adminUrl, 'cairn');
  }
  // No fixed credential: with the embedded cluster only this process connects, so the app role gets
  // a fresh random password on every start.
  const appPassword = embedded ? randomBytes(24).toString('base64url') : config.appDbPassword;
  const ran = await migrate(ownerUrl, appPassword);
  logger.event('info', 'database ready', { migrations: ran.length });
  let seededDemo = false;
  if (!config.isProduction) {
    seededDemo = (await seedDemo(ownerUrl)).seeded;
    if (seededDemo) logger.event('info', 'demo practice created');
  }
  const cairn = await createCairnApp(config, appRoleUrl(ownerUrl, appPassword), { logger });
  if (seededDemo) await cairn.app.get(FlagSweepService).sweepAll('all');
  await cairn.app.listen(config.port, '0.0.0.0');
  const address = cairn.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  // With PORT=0 the real port is known only now; rating links must carry it.
  config.publicUrl = url;
  return {
    ...cairn,
    url,
    embedded,
    async stop() {
      await cairn.close();
      await embedded?.stop();
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export function startupBanner(url: string, withDemo: boolean, withMailbox = false): string {
  const lines = [`Cairn is running at ${url}`, `  GraphQL API: ${url}/graphql`];
  // Without CAIRN_SMTP_URL outside production, e-mail (invitations, password resets) lands here.
  if (withMailbox) lines.push(`  Development mailbox: ${url}/mailbox (JSON: ${url}/dev/mailbox)`);
  if (withDemo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const [role, email] of DEMO_LOGINS) lines.push(`    ${role.padEnd(10)} ${email}`);
  }
  return lines.join('\n');
}
