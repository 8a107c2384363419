import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '@cairn/db';

const OLD_FIXED_PASSWORD = 'cairn-embedded';
const PASSWORD_FILE = 'cairn-superuser-password';

/** Signs in as the superuser with `password`, over the cluster's socket or TCP; the error message if refused. */
async function signIn(server: EmbeddedServer, password: string, via: 'socket' | 'tcp' = 'socket'): Promise<string> {
  const url = new URL(server.adminUrl);
  url.password = encodeURIComponent(password);
  if (via === 'tcp') {
    url.searchParams.delete('host');
    url.hostname = '127.0.0.1';
  }
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'signed in';
  } catch (error) {
    return (error as Error).message || (error as NodeJS.ErrnoException).code || 'refused';
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('the embedded PostgreSQL superuser', () => {
  const dirs: string[] = [];
  const servers: EmbeddedServer[] = [];
  const start = async (opts: { listenAddresses?: string; dataDir?: string } = {}) => {
    const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cairn-cred-'));
    if (!opts.dataDir) dirs.push(dataDir);
    const server = await startEmbeddedPostgres({ dataDir, listenAddresses: opts.listenAddresses });
    servers.push(server);
    return { server, dataDir };
  };
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  let a: { server: EmbeddedServer; dataDir: string };
  let b: { server: EmbeddedServer; dataDir: string };
  beforeAll(async () => {
    a = await start();
    b = await start();
  });

  it('has a random password per cluster, kept in the data directory for the app user only; the old fixed one fails', async () => {
    const file = join(a.dataDir, PASSWORD_FILE);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toHaveLength(43);
    expect(password).not.toBe(OLD_FIXED_PASSWORD);
    expect(readFileSync(join(b.dataDir, PASSWORD_FILE), 'utf8').trim()).not.toBe(password);
    const stat = statSync(file);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(stat.uid).toBe(process.getuid?.());

    expect(await signIn(a.server, password)).toBe('signed in');
    expect(await signIn(a.server, OLD_FIXED_PASSWORD)).toMatch(/password authentication failed/);
    expect(await signIn(a.server, readFileSync(join(b.dataDir, PASSWORD_FILE), 'utf8').trim())).toMatch(
      /password authentication failed/,
    );
  });

  it('listens on its Unix socket only, unless TCP is asked for', async () => {
    const password = readFileSync(join(a.dataDir, PASSWORD_FILE), 'utf8').trim();
    expect(await signIn(a.server, password, 'tcp')).toMatch(/ECONNREFUSED/);

    const withTcp = await start({ listenAddresses: '127.0.0.1' });
    const tcpPassword = readFileSync(join(withTcp.dataDir, PASSWORD_FILE), 'utf8').trim();
    expect(await signIn(withTcp.server, tcpPassword, 'tcp')).toBe('signed in');
    expect(await signIn(withTcp.server, OLD_FIXED_PASSWORD, 'tcp')).toMatch(/password authentication failed/);
    await withTcp.server.stop();
  });

  it('replaces the old fixed password of a cluster made before, and keeps its password across restarts', async () => {
    const { server, dataDir } = b;
    // Turn it into a cluster as the old code left it: the fixed password and no password file.
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`ALTER ROLE postgres PASSWORD '${OLD_FIXED_PASSWORD}'`);
    await admin.end();
    rmSync(join(dataDir, PASSWORD_FILE));
    await server.stop();

    const again = await start({ dataDir });
    const password = readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim();
    expect(await signIn(again.server, OLD_FIXED_PASSWORD)).toMatch(/password authentication failed/);
    expect(await signIn(again.server, password)).toBe('signed in');
    await again.server.stop();

    const third = await start({ dataDir });
    expect(readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim()).toBe(password);
    expect(await signIn(third.server, password)).toBe('signed in');
  });
});
