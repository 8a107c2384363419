import 'reflect-metadata';
import { CairnLogger } from './common/logger.js';
import { loadConfig } from './config/app-config.js';
import { startServer, startupBanner } from './server.js';

const logger = new CairnLogger();
try {
  const config = loadConfig();
  logger.event('info', 'starting Cairn', { config: config.describe() });
  const server = await startServer(config, logger);
  process.stdout.write(
    `\n${startupBanner(server.url, !config.isProduction, !config.isProduction && !config.smtpUrl)}\n\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'shutting down');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  process.stderr.write(`Cairn failed to start: ${(error as Error).message}\n`);
  process.exit(1);
}
