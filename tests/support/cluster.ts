/** Must match global-setup.mjs, which creates the template database and the app role's password. */
export const TEST_APP_PASSWORD = 'cairn-test-app';
export const TEMPLATE_DB = 'cairn_template';
