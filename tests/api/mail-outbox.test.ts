import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../backend/src/config/app-config.js';
import { RequestDb } from '../../backend/src/database/request-db.js';
import type { MailboxMessage } from '../../backend/src/modules/mail/mail.types.js';
import { OutboxService } from '../../backend/src/modules/outbox/outbox.service.js';
import type { OutboxMessageInput } from '../../backend/src/modules/outbox/outbox.types.js';
import { request, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, type PracticeFixture } from '../support/fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function invitation(key: string): OutboxMessageInput {
  return {
    kind: 'STAFF_INVITATION',
    to: `new.colleague+${key}@example.org`,
    subject: `You are invited to Cairn (${key})`,
    text: `Open this link to choose a password: https://cairn.example/invite#${key}`,
    html: `<p><a href="https://cairn.example/invite#${key}">Choose a password</a></p>`,
    dedupeKey: `invitation:${key}`,
  };
}

/** Runs `work` in one app-role transaction bound to the practice, as a request would. */
async function inTransaction(
  app: TestApp,
  practiceId: string,
  commit: boolean,
  work: (db: RequestDb) => Promise<unknown>,
) {
  const db = new RequestDb(app.cairn.dataSource, 'mail-test');
  await db.setTenant({ practiceId, userId: null, role: 'SYSTEM' });
  try {
    await work(db);
  } finally {
    await db.finish(commit);
  }
}

async function mailbox(app: TestApp): Promise<MailboxMessage[]> {
  const res = await request(app.server).get('/dev/mailbox').set('accept', 'application/json');
  expect(res.status).toBe(200);
  return res.body as MailboxMessage[];
}

async function waitForMail(app: TestApp, subject: string): Promise<MailboxMessage[]> {
  for (let i = 0; i < 100; i++) {
    const found = (await mailbox(app)).filter((m) => m.subject === subject);
    if (found.length > 0) return found;
    await sleep(100);
  }
  throw new Error(`no e-mail "${subject}" within 10 s`);
}

describe('e-mail through the outbox (development mailbox)', () => {
  let app: TestApp;
  let p: PracticeFixture;

  beforeAll(async () => {
    app = await startTestApp({ sweepIntervalMinutes: 0 });
    p = await createPractice(app.db.owner, 'mail', { therapists: 1, clientsPerTherapist: 0 });
  });
  afterAll(() => app.close());

  it('sends nothing when the transaction that wrote the message rolls back', async () => {
    const outbox = app.cairn.app.get(OutboxService);
    await inTransaction(app, p.practiceId, false, (db) => outbox.enqueue(db, invitation('rolled-back')));
    await sleep(1500); // longer than the queue's poll interval
    expect(await countRows(app.db.owner, 'outbox_message')).toBe(0);
    expect(
      (
        await app.db.owner.query(
          `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'outbox:send'`,
        )
      ).rows[0].n,
    ).toBe(0);
    expect(await mailbox(app)).toEqual([]);
  });

  it('delivers a committed message once to the SMTP sink, readable at GET /dev/mailbox', async () => {
    const outbox = app.cairn.app.get(OutboxService);
    const message = invitation('committed');
    let first: { id: string; created: boolean } | undefined;
    await inTransaction(app, p.practiceId, true, async (db) => (first = await outbox.enqueue(db, message)));
    expect(first?.created).toBe(true);

    const [mail] = await waitForMail(app, message.subject);
    expect({ ...mail, text: mail.text.trim() }).toEqual({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      messageId: `<${first?.id}@cairn.outbox>`,
    });
    // The same key again (a retried request, another instance) writes and sends nothing new.
    let again: { id: string; created: boolean } | undefined;
    await inTransaction(app, p.practiceId, true, async (db) => (again = await outbox.enqueue(db, message)));
    expect(again).toEqual({ id: first?.id, created: false });
    await sleep(1500);
    expect((await mailbox(app)).filter((m) => m.subject === message.subject)).toHaveLength(1);

    const { rows } = await app.db.owner.query(
      `SELECT status, attempts, body_text, body_html, sent_at FROM outbox_message WHERE id = $1`,
      [first?.id],
    );
    // Sent once, and its body (which may hold a one-time link) is gone from the database.
    expect(rows[0]).toEqual(expect.objectContaining({ status: 'SENT', attempts: 1, body_text: null, body_html: null }));
    const logs = app.logLines.join('');
    expect(logs).toContain('"msg":"e-mail sent"');
    expect(logs).not.toContain('example.org');
    expect(logs).not.toContain('invited');
  });

  it('keeps each practice to its own outbox (row-level security)', async () => {
    const other = await createPractice(app.db.owner, 'mailother', { therapists: 1, clientsPerTherapist: 0 });
    await inTransaction(app, other.practiceId, true, async (db) => {
      expect(await db.query(`SELECT id FROM outbox_message`)).toEqual([]);
    });
  });

  it('refuses to write a message outside a practice-bound transaction', async () => {
    const db = new RequestDb(app.cairn.dataSource, 'mail-test');
    try {
      await expect(app.cairn.app.get(OutboxService).enqueue(db, invitation('nobody'))).rejects.toThrow(
        /bound to a practice/,
      );
    } finally {
      await db.finish(false);
    }
  });

  it('refuses an invalid recipient with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const outbox = app.cairn.app.get(OutboxService);
    const before = await countRows(app.db.owner, 'outbox_message');
    await expect(
      inTransaction(app, p.practiceId, true, (db) =>
        outbox.enqueue(db, { ...invitation('bad'), to: 'someone@example.org\r\nBcc: x@y.z' }),
      ),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
    expect(await countRows(app.db.owner, 'outbox_message')).toBe(before);
  });
});

describe('e-mail in production', () => {
  it('has no development mailbox: GET /dev/mailbox is 404, whatever the client accepts', async () => {
    const app = await startTestApp({
      nodeEnv: 'production',
      appDbPassword: 'production-test-password',
      smtpUrl: 'smtp://127.0.0.1:9',
      mailFrom: 'Cairn <no-reply@practice.example>',
      sweepIntervalMinutes: 0,
    });
    try {
      expect((await request(app.server).get('/dev/mailbox').set('accept', 'application/json')).status).toBe(404);
      expect((await request(app.server).get('/dev/mailbox').set('accept', 'text/html')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('refuses to start without SMTP, saying what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', CAIRN_APP_DB_PASSWORD: 'a-long-production-secret' })).toThrow(
      /CAIRN_SMTP_URL/,
    );
    // The real start command, before it touches any database.
    const run = spawnSync(process.execPath, ['backend/dist/main.js'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', CAIRN_APP_DB_PASSWORD: 'a-long-production-secret' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Cairn failed to start: .*e-mail is not configured.*CAIRN_SMTP_URL.*CAIRN_MAIL_FROM/);
  });
});
