import request from 'supertest';
import type { App } from 'supertest/types.js';
import { createCairnApp, type CairnApp } from '../../backend/src/bootstrap.js';
import { CairnLogger, type LogSink } from '../../backend/src/common/logger.js';
import { loadConfig, type AppConfig } from '../../backend/src/config/app-config.js';
import type { StatementObserver } from '../../backend/src/database/request-db.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  db: TestDatabase;
  cairn: CairnApp;
  server: App;
  config: AppConfig;
  logLines: string[];
  statements: Map<string, string[]>;
  close(): Promise<void>;
}

/** The real Nest app over HTTP (supertest) on a fresh database of its own. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // Many sign-ins come from 127.0.0.1 in one file; the per-IP limit has a test of its own.
  const config = loadConfig({ NODE_ENV: 'test', CAIRN_LOGIN_LIMIT_PER_IP: '100000' }, overrides);
  const logLines: string[] = [];
  const sink: LogSink = { write: (line) => void logLines.push(line) };
  const statements = new Map<string, string[]>();
  const observer: StatementObserver = {
    onStatement(requestId, sql) {
      const list = statements.get(requestId) ?? [];
      list.push(sql);
      statements.set(requestId, list);
    },
  };
  const cairn = await createCairnApp(config, db.appUrl, { logger: new CairnLogger(sink, 'debug'), observer });
  return {
    db,
    cairn,
    server: cairn.app.getHttpServer() as App,
    config,
    logLines,
    statements,
    async close() {
      await cairn.close();
      await db.drop();
    },
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: { code?: string; field?: string } }[] | undefined;
  headers: Record<string, string>;
}

/** POSTs a GraphQL document as the browser would (JSON, with the CSRF-safe content type). */
export async function gql<T = Record<string, unknown>>(
  agent: ReturnType<typeof request.agent>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const res = await agent.post('/graphql').set('content-type', 'application/json').send({ query, variables });
  const body = res.body as { data?: T | null; errors?: GqlResult['errors'] };
  return { status: res.status, data: body.data, errors: body.errors, headers: res.headers as Record<string, string> };
}

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { id email role practiceId }
}`;

/** A cookie-keeping agent signed in as the given user. */
export async function signIn(app: TestApp, email: string, password: string) {
  const agent = request.agent(app.server);
  const res = await gql(agent, LOGIN, { email, password });
  if (res.errors) throw new Error(`sign-in as ${email} failed: ${res.errors[0].message}`);
  return agent;
}

export { request };
