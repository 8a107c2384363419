import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CairnLogger } from '../../backend/src/common/logger.js';
import { loadConfig } from '../../backend/src/config/app-config.js';
import { startServer, type RunningServer } from '../../backend/src/server.js';

/** The whole product as `npm start` runs it (embedded PostgreSQL, demo data, web app), in-process. */
export async function startDemoServer(): Promise<RunningServer & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-demo-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    CAIRN_DATA_DIR: dataDir,
    CAIRN_SWEEP_INTERVAL_MINUTES: '0',
    CAIRN_LOGIN_LIMIT_PER_IP: '100000',
  });
  const server = await startServer(config, new CairnLogger({ write: () => undefined }));
  return {
    ...server,
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
