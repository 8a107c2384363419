import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createCairnApp, type CairnApp } from '../../backend/src/bootstrap.js';
import { CairnLogger } from '../../backend/src/common/logger.js';
import { loadConfig } from '../../backend/src/config/app-config.js';
import { RequestDb } from '../../backend/src/database/request-db.js';
import { JobQueue } from '../../backend/src/modules/jobs/job-queue.service.js';
import { OutboxService } from '../../backend/src/modules/outbox/outbox.service.js';
import type { OutboxMessageInput } from '../../backend/src/modules/outbox/outbox.types.js';
import { gql, request, LOGIN } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const REFUSED_FOR_GOOD = 'no-such-person@refuse.example';

/**
 * A real SMTP server on loopback that refuses with 451 until `refuseUntil`, refuses one address
 * for good (550), and records each attempt and delivery by Message-ID.
 */
class FlakySmtp {
  refuseUntil = 0;
  readonly refusals = new Map<string, number[]>();
  readonly deliveries = new Map<string, number>();
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (address.address === REFUSED_FOR_GOOD) return callback(smtpError(550, 'No such user here'));
      callback();
    },
    onData: (stream, _session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? 'none';
        if (Date.now() < this.refuseUntil) {
          this.refusals.set(id, [...(this.refusals.get(id) ?? []), Date.now()]);
          return callback(smtpError(451, 'Try again later'));
        }
        this.deliveries.set(id, (this.deliveries.get(id) ?? 0) + 1);
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

interface Instance {
  cairn: CairnApp;
  logLines: string[];
  outbox: OutboxService;
}

async function enqueue(instance: Instance, practiceId: string, message: OutboxMessageInput) {
  const db = new RequestDb(instance.cairn.dataSource, 'smtp-fault');
  await db.setTenant({ practiceId, userId: null, role: 'SYSTEM' });
  try {
    const result = await instance.outbox.enqueue(db, message);
    await db.finish(true);
    return result;
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}

function reminder(n: number, to = `client${n}@mail.example`): OutboxMessageInput {
  return {
    kind: 'PORTAL_INVITATION',
    to,
    subject: `Your Cairn portal is ready (${n})`,
    text: `Open https://cairn.example/portal to set your password.`,
    html: `<p><a href="https://cairn.example/portal">Set your password</a></p>`,
    dedupeKey: `portal-invitation:${n}`,
  };
}

async function waitFor<T>(what: string, seconds: number, check: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('SMTP faults with two app instances on one database', () => {
  let db: TestDatabase;
  let smtp: FlakySmtp;
  let a: Instance;
  let b: Instance;
  let p: PracticeFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = new FlakySmtp();
    const smtpUrl = await smtp.start();
    // Sweep every hour: its first scheduled run is never due during this file; runs are added by hand.
    const config = loadConfig(
      { NODE_ENV: 'test', CAIRN_LOGIN_LIMIT_PER_IP: '100000' },
      { smtpUrl, mailRetrySeconds: 1, mailMaxAttempts: 10, sweepIntervalMinutes: 60 },
    );
    const instance = async (): Promise<Instance> => {
      const logLines: string[] = [];
      const cairn = await createCairnApp(config, db.appUrl, {
        logger: new CairnLogger({ write: (line) => void logLines.push(line) }, 'debug'),
      });
      return { cairn, logLines, outbox: cairn.app.get(OutboxService) };
    };
    a = await instance();
    b = await instance();
    p = await createPractice(db.owner, 'smtp', { therapists: 2, clientsPerTherapist: 10 });
  });
  afterAll(async () => {
    await a?.cairn.close();
    await b?.cairn.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('retries refused messages with growing delays and delivers each exactly once when the server accepts again', async () => {
    smtp.refuseUntil = Infinity;
    const ids: string[] = [];
    for (let n = 1; n <= 20; n++) ids.push((await enqueue(n % 2 ? a : b, p.practiceId, reminder(n))).id);
    // Refused from the first message until 4 s after the last was written.
    smtp.refuseUntil = Date.now() + 4000;
    // The same message enqueued again through the other instance is the same message.
    expect(await enqueue(b, p.practiceId, reminder(1))).toEqual({ id: ids[0], created: false });

    await waitFor('every message sent', 40, async () => {
      const { rows } = await db.owner.query(`SELECT count(*)::int AS n FROM outbox_message WHERE status = 'SENT'`);
      return rows[0].n === 20 ? true : undefined;
    });
    await sleep(1500); // anything doubled would arrive now

    const messageIds = ids.map((id) => `<${id}@cairn.outbox>`);
    expect([...smtp.deliveries.keys()].sort()).toEqual([...messageIds].sort());
    expect([...smtp.deliveries.values()].every((count) => count === 1)).toBe(true);

    const { rows } = await db.owner.query<{ id: string; attempts: number }>(
      `SELECT id, attempts FROM outbox_message WHERE id = ANY($1)`,
      [ids],
    );
    let backoffsSeen = 0;
    for (const row of rows) {
      const refused = smtp.refusals.get(`<${row.id}@cairn.outbox>`) ?? [];
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(row.attempts).toBe(refused.length + 1);
      // Backoff: each retry waits at least 1 s, then 2 s, then 4 s (longer on a busy machine, never shorter).
      const gaps = refused.slice(1).map((t, i) => t - refused[i]);
      gaps.forEach((gap, k) => expect(gap).toBeGreaterThanOrEqual(1000 * 2 ** k - 50));
      if (gaps.length >= 2) backoffsSeen++;
    }
    expect(backoffsSeen).toBeGreaterThan(0);

    const logs = a.logLines.join('') + b.logLines.join('');
    expect(logs).toContain('"msg":"e-mail refused, will retry"');
    expect(logs).not.toContain('mail.example');
    expect(logs).not.toContain('portal is ready');
  });

  it('does not retry a permanent refusal and shows it to managers with the reason, not the address', async () => {
    const { id } = await enqueue(a, p.practiceId, { ...reminder(99, REFUSED_FOR_GOOD), kind: 'PASSWORD_RESET' });
    await waitFor('the refusal recorded', 20, async () => {
      const { rows } = await db.owner.query(`SELECT status FROM outbox_message WHERE id = $1`, [id]);
      return rows[0].status === 'FAILED' ? true : undefined;
    });
    const { rows } = await db.owner.query(`SELECT attempts, last_error FROM outbox_message WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ attempts: 1, last_error: 'SMTP 550: refused permanently' });

    const manager = request.agent(a.cairn.app.getHttpServer());
    await gql(manager, LOGIN, { email: p.emails.manager, password: TEST_PASSWORD });
    const failures = await gql<{ outboxFailures: Record<string, unknown>[] }>(
      manager,
      '{ outboxFailures { id kind recipientHint reason attempts } }',
    );
    expect(failures.data?.outboxFailures).toEqual([
      {
        id,
        kind: 'PASSWORD_RESET',
        recipientHint: 'n…@refuse.example',
        reason: 'SMTP 550: refused permanently',
        attempts: 1,
      },
    ]);
    const therapist = request.agent(b.cairn.app.getHttpServer());
    await gql(therapist, LOGIN, { email: p.emails.therapists[0], password: TEST_PASSWORD });
    expect((await gql(therapist, '{ outboxFailures { id } }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(a.logLines.join('') + b.logLines.join('')).not.toContain('refuse.example');
  });

  it('repair: gives up on a message whose sender died mid-send, and sends a due message that lost its job', async () => {
    const { id: interrupted } = await enqueue(a, p.practiceId, reminder(200));
    const { id: orphan } = await enqueue(a, p.practiceId, reminder(201));
    await waitFor('both sent', 20, async () => {
      const { rows } = await db.owner.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE id IN ($1, $2) AND status = 'SENT'`,
        [interrupted, orphan],
      );
      return rows[0].n === 2 ? true : undefined;
    });
    // As if an instance had died after claiming one, and the other's job had been lost.
    await db.owner.query(
      `UPDATE outbox_message SET status = 'SENDING', sending_since = now() - interval '11 minutes', sent_at = NULL WHERE id = $1`,
      [interrupted],
    );
    await db.owner.query(
      `UPDATE outbox_message SET status = 'PENDING', next_attempt_at = now() - interval '5 minutes', sent_at = NULL WHERE id = $1`,
      [orphan],
    );
    const delivered = smtp.deliveries.get(`<${orphan}@cairn.outbox>`);
    await b.outbox.repair();
    const { rows } = await db.owner.query(`SELECT status, last_error FROM outbox_message WHERE id = $1`, [interrupted]);
    expect(rows[0]).toEqual({
      status: 'FAILED',
      last_error: 'interrupted while sending; delivery unknown, not resent',
    });
    await waitFor('the orphan resent', 20, async () =>
      smtp.deliveries.get(`<${orphan}@cairn.outbox>`) === (delivered ?? 0) + 1 ? true : undefined,
    );
    expect(smtp.deliveries.get(`<${interrupted}@cairn.outbox>`)).toBe(1);
  });

  it('keeps one scheduled flag sweep and runs sweeps one at a time across both instances', async () => {
    const pending = await db.owner.query(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'flag-sweep' AND key = 'flag-sweep'`,
    );
    expect(pending.rows[0].n).toBe(1);

    // Six sweeps asked for at once through both instances: their eight workers could take them all.
    await Promise.all([a, b, a, b, a, b].map((instance) => instance.cairn.app.get(JobQueue).runNow('flag-sweep')));
    await waitFor('the six sweeps', 60, async () => {
      const { rows } = await db.owner.query(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'flag-sweep'`,
      );
      return rows[0].n === 1 ? true : undefined;
    });

    const runs = [...a.logLines, ...b.logLines]
      .map((line) => JSON.parse(line) as { msg: string; time: string; durationMs?: number })
      .filter((line) => line.msg === 'flag sweep finished')
      .map((line) => ({ end: Date.parse(line.time), start: Date.parse(line.time) - (line.durationMs ?? 0) }))
      .sort((x, y) => x.start - y.start);
    expect(runs).toHaveLength(6);
    for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBeGreaterThanOrEqual(runs[i - 1].end);
    const after = await db.owner.query(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'flag-sweep' AND key = 'flag-sweep' AND run_at > now() + interval '59 minutes'`,
    );
    expect(after.rows[0].n).toBe(1);

    // A schedule that lost its next run (a run that could not add it) gets it back from a watching instance.
    await db.owner.query(`DELETE FROM graphile_worker._private_jobs WHERE key = 'flag-sweep'`);
    await waitFor('the schedule restored', 30, async () => {
      const { rows } = await db.owner.query(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = 'flag-sweep'`,
      );
      return rows[0].n === 1 ? true : undefined;
    });
  });
});
