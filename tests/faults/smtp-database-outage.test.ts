import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { appRoleUrl, migrate, startEmbeddedPostgres, type EmbeddedServer } from '@cairn/db';
import { createCairnApp, type CairnApp } from '../../backend/src/bootstrap.js';
import { CairnLogger } from '../../backend/src/common/logger.js';
import { loadConfig } from '../../backend/src/config/app-config.js';
import { RequestDb } from '../../backend/src/database/request-db.js';
import type { MailboxMessage } from '../../backend/src/modules/mail/mail.types.js';
import { OutboxService } from '../../backend/src/modules/outbox/outbox.service.js';
import { request } from '../support/app.js';
import { createPractice } from '../support/fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PostgreSQL restarts under a running app: the job queue must come back by itself and send mail. */
describe('e-mail after the database went away', () => {
  let dataDir: string;
  let server: EmbeddedServer;
  let cairn: CairnApp;
  let practiceId: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cairn-mail-outage-'));
    server = await startEmbeddedPostgres({ dataDir, persistent: true });
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE mail_outage');
    await admin.end();
    const owner = server.urlFor('mail_outage');
    await migrate(owner, 'mail-outage-app-pw');
    const pool = new pg.Pool({ connectionString: owner });
    practiceId = (await createPractice(pool, 'mailout', { therapists: 1, clientsPerTherapist: 0 })).practiceId;
    await pool.end();
    cairn = await createCairnApp(
      loadConfig({ NODE_ENV: 'test' }, { sweepIntervalMinutes: 0 }),
      appRoleUrl(owner, 'mail-outage-app-pw'),
      { logger: new CairnLogger({ write: (line) => void logLines.push(line) }) },
    );
  });
  afterAll(async () => {
    await cairn?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a message written after PostgreSQL came back', async () => {
    const port = server.port;
    await server.stop();
    await sleep(3000); // the queue's workers fail their polls meanwhile
    server = await startEmbeddedPostgres({ dataDir, port });

    const subject = 'Reset your Cairn password';
    for (let written = false, tries = 0; !written; tries++) {
      const db = new RequestDb(cairn.dataSource, 'outage');
      await db.setTenant({ practiceId, userId: null, role: 'SYSTEM' });
      try {
        await cairn.app.get(OutboxService).enqueue(db, {
          kind: 'PASSWORD_RESET',
          to: 'someone@mailout.example',
          subject,
          text: 'Choose a new password: https://cairn.example/reset-password/x',
          html: '<p><a href="https://cairn.example/reset-password/x">Choose a new password</a></p>',
          dedupeKey: 'password-reset:outage',
        });
        await db.finish(true);
        written = true;
      } catch (error) {
        await db.finish(false).catch(() => undefined);
        if (tries > 40) throw error;
        await sleep(250); // the pool's old connections fail once each
      }
    }

    // The worker is restarted by the queue's 10 s watch at the latest; a loaded machine (the whole
    // suite in parallel) can take several watch rounds, so wait up to a minute for the delivery.
    let delivered: MailboxMessage[] = [];
    for (let i = 0; i < 300 && delivered.length === 0; i++) {
      const res = await request(cairn.app.getHttpServer()).get('/dev/mailbox').set('accept', 'application/json');
      delivered = (res.body as MailboxMessage[]).filter((m) => m.subject === subject);
      if (delivered.length === 0) await sleep(200);
    }
    expect(delivered).toHaveLength(1);
  }, 120_000);
});
