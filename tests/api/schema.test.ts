import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../support/app.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../backend/schema.graphql', import.meta.url));
const FRONTEND = fileURLToPath(new URL('../../frontend', import.meta.url));
const CODEGEN = fileURLToPath(new URL('../../node_modules/@graphql-codegen/cli/esm/bin.js', import.meta.url));

const update = process.env.CAIRN_UPDATE_SCHEMA === '1';

describe('GraphQL contract', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  // `npm run schema` rewrites both files; otherwise a schema change without it fails here.
  it('backend/schema.graphql is the schema the server serves', () => {
    const printed = `${printSchema(app.cairn.app.get(GraphQLSchemaHost).schema)}\n`;
    if (update) writeFileSync(SCHEMA_FILE, printed);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it("the web app's generated operation types (frontend/src/gql) match the schema and its documents", () => {
    const run = spawnSync(process.execPath, [CODEGEN, '--config', 'codegen.ts', ...(update ? [] : ['--check'])], {
      cwd: FRONTEND,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect({ status: run.status, stale: run.status === 0 ? '' : `${run.stdout}${run.stderr}`.slice(-2000) }).toEqual({
      status: 0,
      stale: '',
    });
  });
});
