import { createCairnApp, type CairnApp } from '../../backend/src/bootstrap.js';
import { CairnLogger } from '../../backend/src/common/logger.js';
import { loadConfig } from '../../backend/src/config/app-config.js';
import { gql, LOGIN, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const REPORT_INPUT = { from: '2025-01-01', to: '2025-12-31' };

describe('responses', () => {
  let app: TestApp;
  let p: PracticeFixture;
  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'resp', { therapists: 1, clientsPerTherapist: 2 });
  });
  afterAll(() => app.close());

  describe('caching', () => {
    it('marks no GraphQL or API response cacheable: Cache-Control no-store and no ETag, whatever the outcome', async () => {
      const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
      const client = await signIn(app, p.emails.clients[0], TEST_PASSWORD);
      const responses = [
        await therapist
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: '{ caseload { clientId displayName } }' }),
        await therapist
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: 'query($id: ID!) { client(id: $id) { id displayName } }', variables: { id: p.clientIds[0] } }),
        await client
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({
            query: 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { rating } } }',
            variables: { i: { rating: 6, idempotencyKey: newKey() } },
          }),
        await therapist.get('/graphql').query({ query: '{ me { id email } }' }).set('apollo-require-preflight', 'true'),
        await request(app.server)
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: '{ caseload { clientId } }' }),
        await request(app.server).post('/graphql').set('content-type', 'application/json').send({ query: '{ nope' }),
        await request(app.server).get('/health'),
        await therapist.get('/exports/0b9c3e2a-6f51-4a3e-9a87-2f1d3c4b5a69'),
      ];
      for (const [n, res] of responses.entries()) {
        expect({ n, status: res.status, cacheControl: res.headers['cache-control'], etag: res.headers.etag }).toEqual({
          n,
          status: res.status,
          cacheControl: 'no-store',
          etag: undefined,
        });
      }
      expect(JSON.parse(responses[0].text).data.caseload).toHaveLength(2);
    });
  });

  describe('login lockout', () => {
    it('answers attempts 1-11 the same for a real account and an unknown e-mail', async () => {
      const answers = async (email: string) => {
        const out: string[] = [];
        for (let i = 1; i <= 11; i++) {
          const res = await gql(request.agent(app.server), LOGIN, { email, password: 'wrong password' });
          const e = res.errors?.[0];
          // Seconds to wait may differ by one between two runs a moment apart.
          out.push(`${i} ${e?.extensions?.code} ${e?.message.replace(/\d+ s$/, 'N s')}`);
        }
        return out;
      };
      const real = await answers(p.emails.therapists[0]);
      const unknown = await answers('nobody-at-all@test.cairn');
      expect(unknown).toEqual(real);
      expect(real[0]).toBe('1 UNAUTHENTICATED Email or password is incorrect');
      expect(real.slice(5, 10).every((a) => a.includes('RATE_LIMITED'))).toBe(true);
    });
  });

  describe('idempotency keys', () => {
    const LOG_MOOD = 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id rating } } }';
    it('returns the original result for the same key and payload, and refuses the same key with a different payload', async () => {
      const client = await signIn(app, p.emails.clients[1], TEST_PASSWORD);
      const key = newKey();
      const first = await gql<{ logMood: { entry: { id: string; rating: number } } }>(client, LOG_MOOD, {
        i: { rating: 4, note: 'tired', idempotencyKey: key },
      });
      expect(first.errors).toBeUndefined();
      // A retry with the fields in another order is the same payload.
      const retry = await gql(client, LOG_MOOD, { i: { idempotencyKey: key, note: 'tired', rating: 4 } });
      expect(retry.data).toEqual(first.data);

      const reused = await gql(client, LOG_MOOD, { i: { rating: 9, note: 'tired', idempotencyKey: key } });
      expect(reused.data).toBeNull();
      expect(reused.errors?.[0].extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
      expect(reused.errors?.[0].message).toMatch(/already used for a different submission/);
      const { rows } = await app.db.owner.query(`SELECT rating, note FROM mood_entry WHERE client_id = $1`, [
        p.clientIds[1],
      ]);
      expect(rows).toEqual([{ rating: 4, note: 'tired' }]);
    });
  });

  describe('query cost', () => {
    const report = (alias: string) => `${alias}: practiceReport(input: $input) { practice { finishedEpisodes } }`;

    it('counts each aliased practiceReport in full: 15 in one request are refused before any runs', async () => {
      const manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
      const one = await gql(manager, `query($input: PracticeReportInput!) { ${report('r0')} }`, {
        input: REPORT_INPUT,
      });
      expect(one.errors).toBeUndefined();

      const fifteen = Array.from({ length: 15 }, (_, i) => report(`r${i}`)).join('\n');
      const many = await gql(manager, `query($input: PracticeReportInput!) { ${fifteen} }`, { input: REPORT_INPUT });
      expect(many.status).toBe(400);
      expect(many.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(many.errors?.[0].message).toMatch(/At most 2 reports or exports per request/);

      // Through a fragment spread three times, too.
      const spread = await gql(
        manager,
        `query($input: PracticeReportInput!) { ...R a: __typename ...R ...R }
         fragment R on Query { practiceReport(input: $input) { practice { finishedEpisodes } } }`,
        { input: REPORT_INPUT },
      );
      expect(spread.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('counts aliased createExport the same way', async () => {
      const manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
      const exports = Array.from(
        { length: 3 },
        (_, i) => `e${i}: createExport(input: { format: CSV, from: "2025-01-01", to: "2025-06-30" }) { id }`,
      ).join('\n');
      const res = await gql(manager, `mutation { ${exports} }`);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await countRows(app.db.owner, 'audit_event', `action = 'export'`)).toBe(0);
    });
  });
});

describe('rate limits', () => {
  it('are shared by every app instance: two instances on one database allow the limit once', async () => {
    const app = await startTestApp({ loginLimitPerAccount: 4 });
    let second: CairnApp | undefined;
    try {
      const config = loadConfig({ NODE_ENV: 'test', CAIRN_LOGIN_LIMIT_PER_IP: '100000' }, { loginLimitPerAccount: 4 });
      second = await createCairnApp(config, app.db.appUrl, { logger: new CairnLogger({ write: () => undefined }) });
      const instances = [app.server, second.app.getHttpServer()];
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await gql(request.agent(instances[i % 2]), LOGIN, {
          email: 'shared-limit@test.cairn',
          password: 'wrong password',
        });
        codes.push(res.errors?.[0].extensions?.code);
      }
      // In-memory counters would let each instance allow 4 (8 in all): the 5th attempt would pass.
      expect(codes).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
      const { rows } = await app.db.owner.query(`SELECT count(*)::int AS n FROM rate_limit`);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await second?.close();
      await app.close();
    }
  });

  it('read the client address from X-Forwarded-For only from the proxies CAIRN_TRUST_PROXY names', async () => {
    const attempts = async (app: TestApp) => {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await request(app.server)
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('x-forwarded-for', `203.0.113.${i + 1}`)
          .send({ query: LOGIN, variables: { email: `xff-${i}@test.cairn`, password: 'wrong password' } });
        codes.push((res.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code);
      }
      return codes;
    };
    // Default (loopback): the test's requests come from loopback, so each forwarded address counts alone.
    const trusted = await startTestApp({ loginLimitPerIp: 3 });
    try {
      expect(await attempts(trusted)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
      ]);
    } finally {
      await trusted.close();
    }
    // No trusted proxy: the header is ignored and every attempt comes from the same address.
    const untrusted = await startTestApp({ loginLimitPerIp: 3, trustProxy: 'false' });
    try {
      expect(await attempts(untrusted)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
      ]);
    } finally {
      await untrusted.close();
    }
    expect(loadConfig({ CAIRN_TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).expressTrustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
    ]);
    expect(() => loadConfig({ CAIRN_TRUST_PROXY: 'anything; drop' })).toThrow(/CAIRN_TRUST_PROXY/);
  });
});
