import { stopTestCluster } from './cluster.js';

export default async function globalTeardown(): Promise<void> {
  if (process.env.CAIRN_TEST_NO_DB === '1') return;
  await stopTestCluster();
}
