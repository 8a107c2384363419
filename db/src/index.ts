export { createDataSource, migrate, appRoleUrl } from './data-source.js';
export type { DataSourceConfig } from './data-source.js';
export { startEmbeddedPostgres, freePort, SUPERUSER_PASSWORD_FILE } from './embedded.js';
export { JOB_QUEUE_SCHEMA } from './job-queue.js';
export type { EmbeddedServer } from './embedded.js';
export { migrations } from './migrations/index.js';
export { refreshClientSummaries, refreshEpisodeOutcomes } from './rollups.js';
export { seedDemo, DEMO_ACCOUNTS } from './seed/demo.js';
export { DEMO_PASSWORD } from './seed/password.js';
export { generatePractice, PRACTICE_SIZES, CRITERIA, RELIABLE_CHANGE } from './generate/index.js';
export type {
  GenerateOptions,
  GenerateResult,
  PracticeSize,
  Criterion,
  FlagKind,
  GroundTruthEvent,
} from './generate/index.js';
