// Starts one throwaway embedded PostgreSQL for the whole jest run and migrates a template
// database; each test file clones its own database from the template (see database.ts).
import { startTestCluster } from './cluster.js';

export default async function globalSetup(): Promise<void> {
  if (process.env.CAIRN_TEST_NO_DB === '1') return;
  await startTestCluster();
}
