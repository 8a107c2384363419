import { gql, request, startTestApp, type TestApp } from '../support/app.js';

describe('GraphQL hardening', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('refuses a query deeper than the limit with a clear error', async () => {
    const deep = `{ __schema { types { fields { type { ${'ofType { '.repeat(10)}name${' }'.repeat(10)} } } } } }`;
    const res = await gql(request.agent(app.server), deep);
    expect(res.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await gql(request.agent(app.server), `{ ${aliases} }`);
    expect(res.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses batched (array) requests', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
  });

  it('blocks a simple cross-site GET or form POST (CSRF prevention)', async () => {
    const get = await request(app.server).get('/graphql').query({ query: '{ me { id } }' });
    expect(get.status).toBe(400);
    const form = await request(app.server).post('/graphql').type('form').send({ query: '{ me { id } }' });
    expect([400, 415]).toContain(form.status);
  });

  it('answers a malformed document with 400 and no stack trace', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": "{ me { ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('Request body is not valid JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    const parse = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ me { ' });
    expect(parse.status).toBe(400);
    expect(parse.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(parse.body.errors[0].extensions.stacktrace).toBeUndefined();
  });
});

describe('GraphQL token limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('refuses a document with more than 3000 tokens', async () => {
    const fields = Array.from({ length: 3100 }, () => '__typename').join(' ');
    const res = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('Query has more than 3000 tokens');
  });
});

describe('HTTP security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sends a strict CSP and the usual helmet headers', async () => {
    const res = await request(app.server).get('/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
