import type { MailboxMessage } from '../../backend/src/modules/mail/mail.types.js';
import { gql, LOGIN, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NEW_PASSWORD = 'granite orchard lantern 42';

const INVITE_STAFF = `mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { id email role status invitationExpiresAt } }`;
const ACCEPT = `mutation($i: ChoosePasswordInput!) { acceptInvitation(input: $i) { id email role practiceId clientId } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($i: ChoosePasswordInput!) { resetPassword(input: $i) { id role } }`;
const STAFF = `{ staff { id email role status activeClients invitationExpiresAt } }`;
const ME = `{ me { id role clientId } }`;
const INVITE_CLIENT = `mutation($i: InviteClientInput!) { inviteClient(input: $i) { clientId status contactEmail invitationExpiresAt } }`;
const DEACTIVATE = `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { id status } }`;
const TRANSFER = `mutation($i: TransferClientInput!) { transferClient(input: $i) { clientId fromTherapistId therapistId } }`;

type Agent = ReturnType<typeof request.agent>;

async function mailbox(app: TestApp): Promise<MailboxMessage[]> {
  const res = await request(app.server).get('/dev/mailbox');
  expect(res.status).toBe(200);
  return res.body as MailboxMessage[];
}

/** The newest e-mail to `to` that arrives after `after` earlier ones to that address. */
async function mailTo(app: TestApp, to: string, after = 0): Promise<MailboxMessage> {
  for (let i = 0; i < 150; i++) {
    const found = (await mailbox(app)).filter((m) => m.to.toLowerCase().includes(to.toLowerCase()));
    if (found.length > after) return found.sort((x, y) => x.sentAt.localeCompare(y.sentAt))[found.length - 1];
    await sleep(100);
  }
  throw new Error(`no e-mail to ${to} within 15 s`);
}

async function mailCount(app: TestApp, to: string): Promise<number> {
  return (await mailbox(app)).filter((m) => m.to.toLowerCase().includes(to.toLowerCase())).length;
}

function linkToken(mail: MailboxMessage, path: 'invitation' | 'reset-password'): string {
  const m = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return m[1];
}

function code(res: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

describe('staff and client accounts: invitations, passwords, deactivation, transfers', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let other: PracticeFixture;
  let manager: Agent;

  beforeAll(async () => {
    app = await startTestApp({ sweepIntervalMinutes: 0, mailRetrySeconds: 0.2 });
    p = await createPractice(app.db.owner, 'acc', { therapists: 2, clientsPerTherapist: 2 });
    other = await createPractice(app.db.owner, 'accx', { therapists: 1, clientsPerTherapist: 1 });
    manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
  });
  afterAll(() => app.close());

  async function invite(email: string, role = 'THERAPIST') {
    const res = await gql<{ inviteStaff: { id: string; status: string } }>(manager, INVITE_STAFF, {
      i: { email, displayName: `New ${role.toLowerCase()}`, role },
    });
    expect(res.errors).toBeUndefined();
    const before = 0;
    const mail = await mailTo(app, email, before);
    return { id: res.data!.inviteStaff.id, token: linkToken(mail, 'invitation'), mail };
  }

  async function accept(token: string, password = NEW_PASSWORD, agent: Agent = request.agent(app.server)) {
    return {
      agent,
      res: await gql<{ acceptInvitation: { role: string; clientId: string | null } }>(agent, ACCEPT, {
        i: { token, password },
      }),
    };
  }

  describe('staff invitation', () => {
    it('e-mails a one-time link with no clinical content; the invitee chooses a password and is signed in', async () => {
      const email = 'ana.silva@clinic.example';
      const { id, token, mail } = await invite(email);
      expect(token).toHaveLength(22); // 128 random bits, base64url
      expect(mail.subject).toBe('You are invited to acc practice on Cairn');
      expect(mail.html).toContain(`/invitation/${token}`);
      // The token itself is never stored, only its hash.
      const stored = await app.db.owner.query(`SELECT token_hash FROM account_token WHERE user_id = $1`, [id]);
      expect(stored.rows[0].token_hash.toString('hex')).not.toContain(Buffer.from(token).toString('hex'));

      const pending = await gql<{ staff: { id: string; status: string; invitationExpiresAt: string }[] }>(
        manager,
        STAFF,
      );
      const row = pending.data!.staff.find((s) => s.id === id)!;
      expect(row.status).toBe('INVITED');
      const days = (Date.parse(row.invitationExpiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);

      const { agent, res } = await accept(token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.acceptInvitation.role).toBe('THERAPIST');
      // The use is audited, by the person the link was for.
      const used = await app.db.owner.query(
        `SELECT a.actor_id, a.outcome FROM audit_event a JOIN account_token t ON t.id = a.subject_id
          WHERE a.action = 'acceptInvitation' AND t.user_id = $1`,
        [id],
      );
      expect(used.rows).toEqual([{ actor_id: id, outcome: 'ALLOWED' }]);
      expect((await gql<{ me: { id: string } }>(agent, ME)).data!.me.id).toBe(id);
      const after = await gql<{ staff: { id: string; status: string; invitationExpiresAt: string | null }[] }>(
        manager,
        STAFF,
      );
      expect(after.data!.staff.find((s) => s.id === id)).toMatchObject({ status: 'ACTIVE', invitationExpiresAt: null });
      // And the password works for signing in later.
      expect((await gql(request.agent(app.server), LOGIN, { email, password: NEW_PASSWORD })).errors).toBeUndefined();
    });

    it('refuses a weak password with a reason the person can act on, and the link still works after', async () => {
      const { token } = await invite('weak.pass@clinic.example');
      const short = await accept(token, 'tiny-pass');
      expect(short.res.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'password' },
        message: expect.stringContaining('at least 12 characters'),
      });
      const common = await accept(token, 'password1234');
      expect(common.res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'password' } });
      expect(common.res.errors?.[0].message).toMatch(/common|guess/i);
      const personal = await accept(token, 'weak.pass.clinic');
      expect(code(personal.res)).toBe('BAD_USER_INPUT');
      expect(code((await accept(token)).res)).toBeUndefined();
    });

    it('refuses an address that already signs in', async () => {
      const res = await gql(manager, INVITE_STAFF, {
        i: { email: p.emails.therapists[0].toUpperCase(), displayName: 'Again', role: 'THERAPIST' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      const elsewhere = await gql(manager, INVITE_STAFF, {
        i: { email: other.emails.manager, displayName: 'Elsewhere', role: 'MANAGER' },
      });
      expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      const bad = await gql(manager, INVITE_STAFF, {
        i: { email: 'not an address', displayName: 'X', role: 'THERAPIST' },
      });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    });
  });

  describe('token misuse: every unusable link gets the same NOT_FOUND, and is audited', () => {
    async function expectRefused(token: string) {
      const denied = await countRows(app.db.owner, 'audit_event', `outcome = 'DENIED' AND action = 'acceptInvitation'`);
      const { res } = await accept(token);
      expect(res.errors?.[0]).toMatchObject({ message: 'Link not found', extensions: { code: 'NOT_FOUND' } });
      expect(res.data).toBeNull();
      expect(await countRows(app.db.owner, 'audit_event', `outcome = 'DENIED' AND action = 'acceptInvitation'`)).toBe(
        denied + 1,
      );
    }

    it('reuse', async () => {
      const { token } = await invite('reuse@clinic.example');
      expect((await accept(token)).res.errors).toBeUndefined();
      await expectRefused(token);
    });

    it('expiry (7 days)', async () => {
      const { id, token } = await invite('late@clinic.example');
      await app.db.owner.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        id,
      ]);
      await expectRefused(token);
    });

    it('tampering', async () => {
      const { token } = await invite('tamper@clinic.example');
      const last = token.at(-1) === 'A' ? 'B' : 'A';
      await expectRefused(token.slice(0, -1) + last);
      await expectRefused(`${token}x`);
      await expectRefused('');
      await expectRefused('../../etc/passwd');
      expect((await accept(token)).res.errors).toBeUndefined();
    });

    it('revoked, and replaced by a resend', async () => {
      const { id, token } = await invite('revoked@clinic.example');
      const resent = await gql(manager, `mutation($u: ID!) { resendInvitation(userId: $u) { id status } }`, { u: id });
      expect(resent.errors).toBeUndefined();
      const second = linkToken(await mailTo(app, 'revoked@clinic.example', 1), 'invitation');
      await expectRefused(token); // the first link stopped working when the second was sent
      const revoked = await gql(manager, `mutation($u: ID!) { revokeInvitation(userId: $u) { id status } }`, { u: id });
      expect(revoked.errors).toBeUndefined();
      await expectRefused(second);
      const list = await gql<{ staff: { id: string }[] }>(manager, STAFF);
      expect(list.data!.staff.map((s) => s.id)).not.toContain(id);
    });

    it('wrong practice and wrong kind: another practice cannot touch the invitation; a reset link is no invitation', async () => {
      const { id, token } = await invite('cross@clinic.example');
      const otherManager = await signIn(app, other.emails.manager, TEST_PASSWORD);
      for (const op of ['resendInvitation', 'revokeInvitation']) {
        const res = await gql(otherManager, `mutation($u: ID!) { ${op}(userId: $u) { id } }`, { u: id });
        expect(code(res)).toBe('NOT_FOUND');
      }
      const deactivate = await gql(otherManager, DEACTIVATE, { i: { userId: p.therapistIds[0] } });
      expect(code(deactivate)).toBe('NOT_FOUND');
      const transfer = await gql(otherManager, TRANSFER, {
        i: { clientId: p.clientIds[0], therapistId: other.therapistIds[0] },
      });
      expect(code(transfer)).toBe('NOT_FOUND');

      // A password-reset token presented as an invitation.
      await gql(request.agent(app.server), REQUEST_RESET, { e: other.emails.therapists[0] });
      const resetToken = linkToken(await mailTo(app, other.emails.therapists[0]), 'reset-password');
      await expectRefused(resetToken);
      // The other practice's token does not open this practice's account, and vice versa.
      const { res } = await accept(token);
      expect(res.data?.acceptInvitation).toMatchObject({ role: 'THERAPIST' });
      expect(res.data && (res.data.acceptInvitation as unknown as { practiceId: string }).practiceId).toBe(
        p.practiceId,
      );
    });

    it('rate limits link attempts per IP', async () => {
      const limited = await startTestApp({ sweepIntervalMinutes: 0, loginLimitPerIp: 3 });
      try {
        const codes: (string | undefined)[] = [];
        for (let i = 0; i < 5; i++) {
          codes.push(
            code(
              await gql(request.agent(limited.server), ACCEPT, {
                i: { token: `guess${i}guessguessguess`, password: NEW_PASSWORD },
              }),
            ),
          );
        }
        expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED', 'RATE_LIMITED']);
      } finally {
        await limited.close();
      }
    });
    it('rate limits attempts on one account’s links', async () => {
      const limited = await startTestApp({ sweepIntervalMinutes: 0, loginLimitPerAccount: 2 });
      try {
        const q = await createPractice(limited.db.owner, 'acclim', { therapists: 1, clientsPerTherapist: 0 });
        const boss = await signIn(limited, q.emails.manager, TEST_PASSWORD);
        await gql(boss, INVITE_STAFF, { i: { email: 'limited@clinic.example', displayName: 'L', role: 'THERAPIST' } });
        const token = linkToken(await mailTo(limited, 'limited@clinic.example'), 'invitation');
        const codes: (string | undefined)[] = [];
        for (const password of ['short', 'still short', NEW_PASSWORD]) {
          codes.push(code(await gql(request.agent(limited.server), ACCEPT, { i: { token, password } })));
        }
        expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
      } finally {
        await limited.close();
      }
    });
  });

  describe('password reset', () => {
    it('answers the same for an unknown address as for a known one, and mails only the account', async () => {
      const known = await gql(request.agent(app.server), REQUEST_RESET, { e: p.emails.therapists[1] });
      const unknown = await gql(request.agent(app.server), REQUEST_RESET, { e: 'nobody-here@clinic.example' });
      expect(known.status).toBe(unknown.status);
      expect(known.data).toEqual({ requestPasswordReset: true });
      expect(unknown.data).toEqual(known.data);
      expect(unknown.errors).toEqual(known.errors);
      await mailTo(app, p.emails.therapists[1]);
      await sleep(300);
      expect(await mailCount(app, 'nobody-here@clinic.example')).toBe(0);
      expect(await countRows(app.db.owner, 'outbox_message', `recipient = 'nobody-here@clinic.example'`)).toBe(0);
    });

    it('works once, for one hour, and ends every other session of the person', async () => {
      const email = p.emails.clients[3];
      const phone = await signIn(app, email, TEST_PASSWORD);
      const laptop = await signIn(app, email, TEST_PASSWORD);
      const before = await mailCount(app, email);
      await gql(request.agent(app.server), REQUEST_RESET, { e: email.toUpperCase() });
      const mail = await mailTo(app, email, before);
      expect(mail.subject).toBe('Reset your Cairn password');
      expect(mail.text).not.toMatch(/acc practice|PHQ|mood|therap/i);
      const token = linkToken(mail, 'reset-password');
      const row = await app.db.owner.query<{ minutes: number }>(
        `SELECT extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM account_token WHERE kind = 'PASSWORD_RESET' ORDER BY created_at DESC LIMIT 1`,
      );
      expect(Number(row.rows[0].minutes)).toBe(60);

      const weak = await gql(request.agent(app.server), RESET, { i: { token, password: 'short' } });
      expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

      const fresh = request.agent(app.server);
      const ok = await gql<{ resetPassword: { role: string } }>(fresh, RESET, { i: { token, password: NEW_PASSWORD } });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.resetPassword.role).toBe('CLIENT');
      expect((await gql<{ me: unknown }>(phone, ME)).data!.me).toBeNull();
      expect((await gql<{ me: unknown }>(laptop, ME)).data!.me).toBeNull();
      expect((await gql<{ me: { role: string } }>(fresh, ME)).data!.me.role).toBe('CLIENT');
      expect(code(await gql(request.agent(app.server), LOGIN, { email, password: TEST_PASSWORD }))).toBe(
        'UNAUTHENTICATED',
      );

      const again = await gql(request.agent(app.server), RESET, { i: { token, password: 'another fine password 9' } });
      expect(again.errors?.[0]).toMatchObject({ message: 'Link not found', extensions: { code: 'NOT_FOUND' } });

      // A second link, past its hour.
      await gql(request.agent(app.server), REQUEST_RESET, { e: email });
      const late = linkToken(await mailTo(app, email, before + 1), 'reset-password');
      await app.db.owner.query(
        `UPDATE account_token SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND kind = 'PASSWORD_RESET'`,
      );
      expect(code(await gql(request.agent(app.server), RESET, { i: { token: late, password: NEW_PASSWORD } }))).toBe(
        'NOT_FOUND',
      );
    });

    it('limits reset e-mails per address, identically for addresses without an account', async () => {
      const results: Record<string, (string | undefined)[]> = { known: [], unknown: [] };
      for (let i = 0; i < 4; i++) {
        results.known.push(code(await gql(request.agent(app.server), REQUEST_RESET, { e: p.emails.clients[2] })));
        results.unknown.push(code(await gql(request.agent(app.server), REQUEST_RESET, { e: 'ghost@clinic.example' })));
      }
      expect(results.known).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
      expect(results.unknown).toEqual(results.known);
    });
  });

  describe('client portal access', () => {
    it('the therapist invites a client, who sets a password and lands in the portal; revoking ends their sessions', async () => {
      const therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
      const created = await gql<{ createClient: { id: string } }>(
        therapist,
        `mutation($i: CreateClientInput!) { createClient(input: $i) { id } }`,
        { i: { code: `NEW-${newKey().slice(-6)}`, displayName: 'Sam', timezone: 'Europe/London' } },
      );
      const clientId = created.data!.createClient.id;
      const email = 'sam.portal@mail.example';

      const noEmail = await gql(therapist, INVITE_CLIENT, { i: { clientId } });
      expect(noEmail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });

      const invited = await gql<{ inviteClient: { status: string; contactEmail: string } }>(therapist, INVITE_CLIENT, {
        i: { clientId, email },
      });
      expect(invited.errors).toBeUndefined();
      expect(invited.data!.inviteClient).toMatchObject({ status: 'INVITED', contactEmail: email });
      const mail = await mailTo(app, email);
      expect(mail.subject).toBe('Your Cairn sign-in');
      expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toMatch(/acc practice|Sam|NEW-|therap/i);

      const { agent, res } = await accept(linkToken(mail, 'invitation'));
      expect(res.errors).toBeUndefined();
      expect(res.data!.acceptInvitation).toMatchObject({ role: 'CLIENT', clientId });
      const portal = await gql<{ portal: { clientId: string } }>(agent, `{ portal { clientId } }`);
      expect(portal.data!.portal.clientId).toBe(clientId);

      // Contact details: the client's therapist and managers only, and each read is audited.
      const reads = await countRows(app.db.owner, 'audit_event', `action = 'portalAccess' AND subject_id = $1`, [
        clientId,
      ]);
      const Q = `query($c: ID!) { portalAccess(clientId: $c) { status contactEmail } }`;
      expect(
        (await gql<{ portalAccess: { status: string } }>(therapist, Q, { c: clientId })).data!.portalAccess.status,
      ).toBe('ACTIVE');
      expect(
        (await gql<{ portalAccess: { contactEmail: string } }>(manager, Q, { c: clientId })).data!.portalAccess
          .contactEmail,
      ).toBe(email);
      const otherTherapist = await signIn(app, p.emails.therapists[1], TEST_PASSWORD);
      expect(code(await gql(otherTherapist, Q, { c: clientId }))).toBe('NOT_FOUND');
      expect(code(await gql(agent, Q, { c: clientId }))).toBe('NOT_FOUND');
      // Two reads allowed, the other therapist's denied (the client never reaches it: wrong role).
      expect(
        await countRows(app.db.owner, 'audit_event', `action = 'portalAccess' AND subject_id = $1`, [clientId]),
      ).toBe(reads + 3);

      const revoked = await gql<{ revokePortalAccess: { status: string } }>(
        therapist,
        `mutation($c: ID!) { revokePortalAccess(clientId: $c) { status } }`,
        { c: clientId },
      );
      expect(revoked.data!.revokePortalAccess.status).toBe('REVOKED');
      expect((await gql<{ me: unknown }>(agent, ME)).data!.me).toBeNull();
      expect(code(await gql(request.agent(app.server), LOGIN, { email, password: NEW_PASSWORD }))).toBe(
        'UNAUTHENTICATED',
      );

      // Re-invited: a new link restores access.
      await gql(therapist, INVITE_CLIENT, { i: { clientId } });
      const again = await accept(linkToken(await mailTo(app, email, 1), 'invitation'), 'river stones hold 31 songs');
      expect(again.res.data!.acceptInvitation).toMatchObject({ role: 'CLIENT', clientId });
    });

    it('keeps contact e-mails out of de-identified exports', async () => {
      const rows = await app.db.owner.query(`SELECT count(*)::int AS n FROM client_contact`);
      expect(rows.rows[0].n).toBeGreaterThan(0);
      for (const format of ['CSV', 'FHIR']) {
        const res = await gql<{ createExport: { url: string } }>(
          manager,
          `mutation { createExport(input: { format: ${format}, from: "2024-01-01", to: "2028-12-31" }) { url } }`,
        );
        expect(res.errors).toBeUndefined();
        const file = await manager
          .get(res.data!.createExport.url)
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect(file.status).toBe(200);
        const body = (file.body as Buffer).toString('latin1');
        expect(body.length).toBeGreaterThan(0);
        expect(body).not.toContain('mail.example');
      }
    });
  });

  describe('deactivation and transfers', () => {
    it('a transferred client: the new therapist sees the whole history, the old one gets NOT_FOUND', async () => {
      const clientId = p.clientIds[0];
      await app.db.owner.query(
        `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) SELECT $1, $2, current_date - d, 5 FROM generate_series(1, 20) d`,
        [p.practiceId, clientId],
      );
      const oldT = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
      const newT = await signIn(app, p.emails.therapists[1], TEST_PASSWORD);
      const Q = `query($id: ID!) { client(id: $id) { id moods { localDate } } }`;
      expect(code(await gql(newT, Q, { id: clientId }))).toBe('NOT_FOUND');

      const asTherapist = await gql(oldT, TRANSFER, { i: { clientId, therapistId: p.therapistIds[1] } });
      expect(code(asTherapist)).toBe('NOT_FOUND');
      const moved = await gql(manager, TRANSFER, { i: { clientId, therapistId: p.therapistIds[1] } });
      expect(moved.data).toEqual({
        transferClient: { clientId, fromTherapistId: p.therapistIds[0], therapistId: p.therapistIds[1] },
      });
      const seen = await gql<{ client: { moods: unknown[] } }>(newT, Q, { id: clientId });
      expect(seen.data!.client.moods).toHaveLength(20);
      expect(code(await gql(oldT, Q, { id: clientId }))).toBe('NOT_FOUND');
      const caseload = await gql<{ caseload: { clientId: string }[] }>(newT, `{ caseload { clientId } }`);
      expect(caseload.data!.caseload.map((c) => c.clientId)).toContain(clientId);

      const toNobody = await gql(manager, TRANSFER, { i: { clientId, therapistId: p.managerId } });
      expect(toNobody.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'therapistId' });
    });

    it('a deactivated therapist: clients must move in the same step, sessions end, sign-in and resets refused', async () => {
      const email = p.emails.therapists[0];
      const session = await signIn(app, email, TEST_PASSWORD);
      const refused = await gql(manager, DEACTIVATE, { i: { userId: p.therapistIds[0] } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'transferToTherapistId' });
      expect(refused.errors?.[0].message).toMatch(/still has \d+ active client/);
      expect((await gql<{ me: unknown }>(session, ME)).data!.me).not.toBeNull();

      const done = await gql<{ deactivateUser: { status: string } }>(manager, DEACTIVATE, {
        i: { userId: p.therapistIds[0], transferToTherapistId: p.therapistIds[1] },
      });
      expect(done.errors).toBeUndefined();
      expect(done.data!.deactivateUser.status).toBe('DEACTIVATED');
      expect(await countRows(app.db.owner, 'client', 'therapist_id = $1', [p.therapistIds[0]])).toBe(0);
      expect((await gql<{ me: unknown }>(session, ME)).data!.me).toBeNull();
      expect(code(await gql(request.agent(app.server), LOGIN, { email, password: TEST_PASSWORD }))).toBe(
        'UNAUTHENTICATED',
      );

      const mails = await mailCount(app, email);
      const reset = await gql(request.agent(app.server), REQUEST_RESET, { e: email });
      expect(reset.data).toEqual({ requestPasswordReset: true });
      await sleep(500);
      expect(await mailCount(app, email)).toBe(mails);

      const self = await gql(manager, DEACTIVATE, { i: { userId: p.managerId } });
      expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
      const twice = await gql(manager, DEACTIVATE, { i: { userId: p.therapistIds[0] } });
      expect(code(twice)).toBe('NOT_FOUND');
    });
  });

  describe('managers', () => {
    it('keeps at least one active manager, and re-invites an address whose invitation was revoked', async () => {
      const email = 'second.manager@clinic.example';
      const first = await invite(email, 'MANAGER');
      await gql(manager, `mutation($u: ID!) { revokeInvitation(userId: $u) { id } }`, { u: first.id });
      const before = await mailCount(app, email);
      const again = await gql<{ inviteStaff: { id: string; status: string } }>(manager, INVITE_STAFF, {
        i: { email, displayName: 'Second manager', role: 'MANAGER' },
      });
      expect(again.data!.inviteStaff).toMatchObject({ id: first.id, status: 'INVITED' });
      const { agent, res } = await accept(linkToken(await mailTo(app, email, before), 'invitation'));
      expect(res.data!.acceptInvitation.role).toBe('MANAGER');

      // The new manager deactivates the first; no one can deactivate themselves, so one always remains.
      const done = await gql<{ deactivateUser: { status: string } }>(agent, DEACTIVATE, { i: { userId: p.managerId } });
      expect(done.data!.deactivateUser.status).toBe('DEACTIVATED');
      expect((await gql<{ me: unknown }>(manager, ME)).data!.me).toBeNull();
      const self = await gql(agent, DEACTIVATE, { i: { userId: first.id } });
      expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
      manager = agent;
    });
  });

  describe('practice settings', () => {
    const Q = `{ practiceSettings { name defaultTimeZone crisisRegion flagThresholds { key value defaultValue } } }`;
    const U = `mutation($i: UpdatePracticeSettingsInput!) { updatePracticeSettings(input: $i) { name defaultTimeZone crisisRegion flagThresholds { key value defaultValue } } }`;

    it('saves name, default time zone, crisis region and flag thresholds', async () => {
      const res = await gql<{
        updatePracticeSettings: {
          name: string;
          defaultTimeZone: string;
          crisisRegion: string;
          flagThresholds: { key: string; value: number; defaultValue: number }[];
        };
      }>(manager, U, {
        i: {
          name: 'Riverside Therapy',
          defaultTimeZone: 'Europe/London',
          crisisRegion: 'GB',
          flagThresholds: [{ key: 'allianceTotalBelow', value: 34 }],
        },
      });
      expect(res.errors).toBeUndefined();
      const s = res.data!.updatePracticeSettings;
      expect(s).toMatchObject({ name: 'Riverside Therapy', defaultTimeZone: 'Europe/London', crisisRegion: 'GB' });
      expect(s.flagThresholds.find((t) => t.key === 'allianceTotalBelow')).toEqual({
        key: 'allianceTotalBelow',
        value: 34,
        defaultValue: 36,
      });
      const stored = await app.db.owner.query(`SELECT settings, country FROM practice WHERE id = $1`, [p.practiceId]);
      expect(stored.rows[0].settings.flags).toEqual({ allianceTotalBelow: 34 });
      expect(stored.rows[0].country).toBe('GB');
      const therapist = await signIn(app, p.emails.therapists[1], TEST_PASSWORD);
      expect(
        (await gql<{ practiceSettings: { defaultTimeZone: string } }>(therapist, Q)).data!.practiceSettings
          .defaultTimeZone,
      ).toBe('Europe/London');
      expect(code(await gql(therapist, U, { i: { name: 'Mine now' } }))).toBe('NOT_FOUND');
    });

    it('refuses bad settings naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ flagThresholds: [{ key: 'homeworkAdherenceBelow', value: 1.5 }] }, 'flagThresholds.homeworkAdherenceBelow'],
        [{ flagThresholds: [{ key: 'noSuchRule', value: 1 }] }, 'flagThresholds.noSuchRule'],
        [{ defaultTimeZone: 'Mars/Olympus' }, 'defaultTimeZone'],
        [{ crisisRegion: 'usa' }, 'crisisRegion'],
        [{ name: '' }, 'name'],
      ];
      for (const [input, field] of cases) {
        const res = await gql(manager, U, { i: input });
        expect({ field: res.errors?.[0].extensions?.field, code: code(res) }).toEqual({
          field,
          code: 'BAD_USER_INPUT',
        });
      }
    });
  });
});
