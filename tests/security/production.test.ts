import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, TEST_PASSWORD } from '../support/fixtures.js';

describe('in production mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      nodeEnv: 'production',
      appDbPassword: 'production-test-password',
      // Production requires SMTP; nothing is sent in this file (discard port).
      smtpUrl: 'smtp://127.0.0.1:9',
      mailFrom: 'Cairn <no-reply@practice.example>',
    });
  });
  afterAll(() => app.close());

  it('refuses introspection and does not suggest field names', async () => {
    const intro = await gql(request.agent(app.server), '{ __schema { types { name } } }');
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const typo = await gql(request.agent(app.server), '{ mee { id } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('never signs in the published demo accounts, and marks the session cookie Secure', async () => {
    const f = await createPractice(app.db.owner, 'prod', { therapists: 1, clientsPerTherapist: 0 });
    await app.db.owner.query(`UPDATE app_user SET email = 'therapist9@demo.cairn.test' WHERE email = $1`, [
      f.emails.therapists[0],
    ]);
    const demo = await gql(
      request.agent(app.server),
      `mutation { login(email: "therapist9@demo.cairn.test", password: "${TEST_PASSWORD}") { id } }`,
    );
    expect(demo.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const res = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `mutation { login(email: "${f.emails.manager}", password: "${TEST_PASSWORD}") { id } }` });
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]).toMatch(/Secure/);
  });
});

describe('audit trail', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("lets a manager list who read a client's record, including denied attempts", async () => {
    const f = await createPractice(app.db.owner, 'trail', { therapists: 2, clientsPerTherapist: 1 });
    const own = await signIn(app, f.emails.therapists[0], TEST_PASSWORD);
    const other = await signIn(app, f.emails.therapists[1], TEST_PASSWORD);
    await gql(own, 'query($id: ID!) { client(id: $id) { id } }', { id: f.clientIds[0] });
    await gql(other, 'query($id: ID!) { client(id: $id) { id } }', { id: f.clientIds[0] });
    const manager = await signIn(app, f.emails.manager, TEST_PASSWORD);
    const trail = await gql<{ auditTrail: { action: string; outcome: string; actorName: string }[] }>(
      manager,
      'query($c: ID!) { auditTrail(clientId: $c) { action outcome actorName } }',
      { c: f.clientIds[0] },
    );
    expect(trail.data?.auditTrail).toEqual(
      expect.arrayContaining([
        { action: 'client', outcome: 'ALLOWED', actorName: 'Dr trail 1' },
        { action: 'client', outcome: 'DENIED', actorName: 'Dr trail 2' },
      ]),
    );
  });
});
