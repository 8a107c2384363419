import { gql, LOGIN, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const ME = `{ me { id email role practiceName } }`;

describe('sign-in', () => {
  let app: TestApp;
  let practice: PracticeFixture;

  beforeAll(async () => {
    app = await startTestApp();
    practice = await createPractice(app.db.owner, 'auth', { therapists: 2, clientsPerTherapist: 1 });
  });
  afterAll(() => app.close());

  it('signs a therapist in and answers me with their email', async () => {
    const agent = await signIn(app, practice.emails.therapists[0], TEST_PASSWORD);
    const res = await gql<{ me: { email: string; role: string; practiceName: string } }>(agent, ME);
    expect(res.data?.me).toEqual(
      expect.objectContaining({
        email: practice.emails.therapists[0],
        role: 'THERAPIST',
        practiceName: 'auth practice',
      }),
    );
  });

  it('sets an httpOnly SameSite=Lax cookie and stores only a hash of the token', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: LOGIN, variables: { email: practice.emails.manager, password: TEST_PASSWORD } });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
    expect(cookie).toMatch(/^cairn_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = decodeURIComponent(cookie.split(';')[0].split('=')[1]);
    const { rows } = await app.db.owner.query(
      `SELECT count(*)::int AS n FROM auth_session WHERE token_hash = convert_to($1, 'UTF8')`,
      [token],
    );
    expect(rows[0].n).toBe(0);
    const hashed = await app.db.owner.query(
      `SELECT count(*)::int AS n FROM auth_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [token],
    );
    expect(hashed.rows[0].n).toBe(1);
  });

  it('gives the same error for a wrong password and an unknown email', async () => {
    const wrong = await gql(request.agent(app.server), LOGIN, {
      email: practice.emails.therapists[1],
      password: 'nope-nope',
    });
    const unknown = await gql(request.agent(app.server), LOGIN, { email: 'nobody@test.cairn', password: 'nope-nope' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
    expect(wrong.data).toBeNull();
  });

  it('answers me with null when signed out', async () => {
    const agent = request.agent(app.server);
    expect((await gql(agent, ME)).data).toEqual({ me: null });
  });

  it('logout invalidates the token even if the cookie is replayed', async () => {
    const agent = await signIn(app, practice.emails.therapists[1], TEST_PASSWORD);
    const login = await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: LOGIN, variables: { email: practice.emails.therapists[1], password: TEST_PASSWORD } });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0].split(';')[0];
    const replay = () =>
      request(app.server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('cookie', cookie)
        .send({ query: ME });
    expect((await replay()).body.data.me.email).toBe(practice.emails.therapists[1]);
    await request(app.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', cookie)
      .send({ query: 'mutation { logout }' });
    expect((await replay()).body.data.me).toBeNull();
    // The other session of the same user is unaffected.
    expect((await gql<{ me: { email: string } }>(agent, ME)).data?.me.email).toBe(practice.emails.therapists[1]);
  });

  it('rejects a session idle for more than 15 minutes, and one past its absolute expiry', async () => {
    const agent = await signIn(app, practice.emails.clients[0], TEST_PASSWORD);
    expect((await gql<{ me: { email: string } | null }>(agent, ME)).data?.me?.email).toBe(practice.emails.clients[0]);
    await app.db.owner.query(
      `UPDATE auth_session SET last_seen_at = now() - interval '16 minutes' WHERE user_id = $1`,
      [practice.clientUserIds[0]],
    );
    expect((await gql(agent, ME)).data).toEqual({ me: null });

    const agent2 = await signIn(app, practice.emails.clients[1], TEST_PASSWORD);
    await app.db.owner.query(`UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      practice.clientUserIds[1],
    ]);
    expect((await gql(agent2, ME)).data).toEqual({ me: null });
  });

  it('keeps a session alive while it is used within the idle window', async () => {
    const agent = await signIn(app, practice.emails.manager, TEST_PASSWORD);
    await app.db.owner.query(
      `UPDATE auth_session SET last_seen_at = now() - interval '14 minutes' WHERE user_id = $1`,
      [practice.managerId],
    );
    expect((await gql<{ me: { email: string } }>(agent, ME)).data?.me.email).toBe(practice.emails.manager);
    const { rows } = await app.db.owner.query(
      `SELECT max(last_seen_at) > now() - interval '1 minute' AS touched FROM auth_session WHERE user_id = $1`,
      [practice.managerId],
    );
    expect(rows[0].touched).toBe(true);
  });

  it('locks an account after 5 wrong passwords, even with the right one', async () => {
    const fixture = await createPractice(app.db.owner, 'lockout', { therapists: 1, clientsPerTherapist: 0 });
    const email = fixture.emails.therapists[0];
    for (let i = 0; i < 5; i++) {
      const r = await gql(request.agent(app.server), LOGIN, { email, password: `wrong-${i}` });
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await gql(request.agent(app.server), LOGIN, { email, password: TEST_PASSWORD });
    expect(locked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const { rows } = await app.db.owner.query(
      `SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE email = $1`,
      [email],
    );
    expect(rows[0]).toEqual({ failed_logins: 5, locked: true });
  });

  it('rate limits login attempts per account', async () => {
    const fixture = await createPractice(app.db.owner, 'ratelimit', { therapists: 1, clientsPerTherapist: 0 });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await gql(request.agent(app.server), LOGIN, { email: fixture.emails.manager, password: TEST_PASSWORD });
      codes.push(r.errors?.[0].extensions?.code);
    }
    expect(codes.slice(0, 10).every((c) => c === undefined)).toBe(true);
    expect(codes[10]).toBe('RATE_LIMITED');
  });

  it('rate limits login attempts per IP address across accounts', async () => {
    const strict = await startTestApp({ loginLimitPerIp: 3 });
    try {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await gql(request.agent(strict.server), LOGIN, {
          email: `someone${i}@test.cairn`,
          password: 'x-wrong',
        });
        codes.push(r.errors?.[0].extensions?.code);
      }
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    } finally {
      await strict.close();
    }
  });

  it('reports health with the database up', async () => {
    const res = await request(app.server).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });
});
