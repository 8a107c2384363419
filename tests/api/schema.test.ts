import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../support/app.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../backend/schema.graphql', import.meta.url));

describe('GraphQL contract', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  // `npm run schema` rewrites the file; otherwise a schema change without it fails here.
  it('backend/schema.graphql is the schema the server serves', () => {
    const printed = `${printSchema(app.cairn.app.get(GraphQLSchemaHost).schema)}\n`;
    if (process.env.CAIRN_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });
});
