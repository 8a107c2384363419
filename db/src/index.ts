export { createDataSource, migrate, appRoleUrl } from './data-source.js';
export type { DataSourceConfig } from './data-source.js';
export { startEmbeddedPostgres, freePort } from './embedded.js';
export type { EmbeddedServer } from './embedded.js';
export { migrations } from './migrations/index.js';
