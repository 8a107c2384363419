import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput } from '../../common/errors.js';
import { CairnLogger } from '../../common/logger.js';
import { AppConfig } from '../../config/app-config.js';
import { inTenantTransaction, type RequestDb, type Tenant } from '../../database/request-db.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { MailTransport } from '../mail/mail-transport.service.js';
import { MailDeliveryError } from '../mail/mail.types.js';
import type { EnqueuedMessage, OutboxFailure, OutboxMessageInput } from './outbox.types.js';

const SEND_JOB = 'outbox:send';
const REPAIR_JOB = 'outbox:repair';
/** Every minute, each practice's outbox is checked for messages whose job went missing. */
const REPAIR_EVERY_MS = 60_000;
/** A message still "sending" this long after it was claimed belongs to an instance that died mid-send. */
const SENDING_LEASE_MINUTES = 10;
/** A due message whose job has not run within this long is taken to have lost it. */
const REPAIR_OVERDUE_MINUTES = 1;
const MAX_RETRY_DELAY_SECONDS = 3600;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

interface SendPayload {
  practiceId: string;
  messageId: string;
}

interface Claimed {
  recipient: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/**
 * The transactional outbox for e-mail. A change that causes a message writes it with `enqueue` in
 * its own transaction; a job sends it after commit, retrying refusals with backoff. Each message is
 * sent at most once: a send first claims the row (PENDING -> SENDING) in a committed transaction,
 * so a second job or instance finds nothing to claim; a message left SENDING by a crash is marked
 * failed, not resent, since the SMTP server may already have accepted it.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly logger: CairnLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.define<SendPayload>(SEND_JOB, (payload) => this.send(payload));
    this.jobs.every(REPAIR_JOB, REPAIR_EVERY_MS, () => this.repair());
  }

  /**
   * Writes a message in the caller's transaction (its practice must be bound) and queues its
   * sending there too: if the transaction rolls back, nothing is sent.
   */
  async enqueue(db: RequestDb, message: OutboxMessageInput): Promise<EnqueuedMessage> {
    validate(message);
    // The practice comes from the transaction (RLS), never from the caller's arguments.
    if (!db.currentTenant) throw new Error('outbox: enqueue needs a transaction bound to a practice');
    const inserted = await db.one<{ id: string; practiceId: string }>(
      `INSERT INTO outbox_message (practice_id, kind, dedupe_key, recipient, subject, body_text, body_html, created_by)
       VALUES (cairn_current_practice(), $1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (practice_id, dedupe_key) DO NOTHING
       RETURNING id, practice_id AS "practiceId"`,
      [
        message.kind,
        message.dedupeKey,
        message.to,
        message.subject,
        message.text,
        message.html,
        message.createdBy ?? null,
      ],
    );
    if (!inserted) {
      const existing = await db.one<{ id: string }>(`SELECT id FROM outbox_message WHERE dedupe_key = $1`, [
        message.dedupeKey,
      ]);
      if (!existing) throw new Error('outbox: the message with this dedupeKey is not visible');
      return { id: existing.id, created: false };
    }
    await this.queueSend(db, { practiceId: inserted.practiceId, messageId: inserted.id });
    return { id: inserted.id, created: true };
  }

  /** Messages of the caller's practice that were given up, newest first, with why. */
  failures(db: RequestDb, take: number): Promise<OutboxFailure[]> {
    return db.query<OutboxFailure>(
      `SELECT id, kind, attempts, created_at AS "createdAt", failed_at AS "failedAt",
              coalesce(last_error, 'unknown') AS reason,
              left(recipient, 1) || '…@' || split_part(recipient, '@', 2) AS "recipientHint"
         FROM outbox_message WHERE status = 'FAILED' ORDER BY failed_at DESC LIMIT $1`,
      [take],
    );
  }

  /** One attempt at one message (the job's handler). */
  async send({ practiceId, messageId }: SendPayload): Promise<void> {
    const tenant: Tenant = { practiceId, userId: null, role: 'SYSTEM' };
    const claimed = await inTenantTransaction(this.dataSource, tenant, (db) =>
      db.one<Claimed>(
        `UPDATE outbox_message SET status = 'SENDING', attempts = attempts + 1, sending_since = now()
          WHERE practice_id = $1 AND id = $2 AND status = 'PENDING'
          RETURNING recipient, subject, body_text AS text, body_html AS html, attempts`,
        [practiceId, messageId],
      ),
    );
    if (!claimed) return; // sent, failed or being sent by another job: nothing to do
    const fields = { practiceId, messageId, attempts: claimed.attempts };
    let failure: MailDeliveryError | undefined;
    try {
      const { recipient: to, subject, text, html } = claimed;
      await this.transport.send({ id: messageId, to, subject, text, html });
    } catch (error) {
      failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(true, 'unexpected sending error');
    }
    await inTenantTransaction(this.dataSource, tenant, async (db) => {
      if (!failure) {
        await db.query(
          `UPDATE outbox_message SET status = 'SENT', sent_at = now(), sending_since = NULL, last_error = NULL,
                  body_text = NULL, body_html = NULL
            WHERE practice_id = $1 AND id = $2`,
          [practiceId, messageId],
        );
        this.logger.event('info', 'e-mail sent', { ...fields, status: 'SENT' });
      } else if (failure.temporary && claimed.attempts < this.config.mailMaxAttempts) {
        const delay = Math.min(this.config.mailRetrySeconds * 2 ** (claimed.attempts - 1), MAX_RETRY_DELAY_SECONDS);
        const row = await db.one<{ nextAttemptAt: Date }>(
          `UPDATE outbox_message SET status = 'PENDING', sending_since = NULL, last_error = $3,
                  next_attempt_at = now() + make_interval(secs => $4)
            WHERE practice_id = $1 AND id = $2 RETURNING next_attempt_at AS "nextAttemptAt"`,
          [practiceId, messageId, failure.reason, delay],
        );
        await this.queueSend(db, { practiceId, messageId }, row?.nextAttemptAt);
        this.logger.event('warn', 'e-mail refused, will retry', { ...fields, status: 'PENDING', code: failure.reason });
      } else {
        await db.query(
          `UPDATE outbox_message SET status = 'FAILED', failed_at = now(), sending_since = NULL, last_error = $3
            WHERE practice_id = $1 AND id = $2`,
          [practiceId, messageId, failure.reason],
        );
        this.logger.event('warn', 'e-mail failed', { ...fields, status: 'FAILED', code: failure.reason });
      }
    });
  }

  /**
   * Queues a send for each due message that has no job (e.g. a queue restored from an older
   * backup), and gives up on messages whose sender died mid-send: at most once beats maybe twice.
   */
  async repair(): Promise<void> {
    const practices = (await this.dataSource.query(
      `SELECT cairn_outbox_attention(make_interval(mins => $1), make_interval(mins => $2)) AS id`,
      [REPAIR_OVERDUE_MINUTES, SENDING_LEASE_MINUTES],
    )) as { id: string }[];
    for (const { id: practiceId } of practices) {
      const tenant: Tenant = { practiceId, userId: null, role: 'SYSTEM' };
      const due = await inTenantTransaction(this.dataSource, tenant, async (db) => {
        await db.query(
          `UPDATE outbox_message SET status = 'FAILED', failed_at = now(), sending_since = NULL,
                  last_error = 'interrupted while sending; delivery unknown, not resent'
            WHERE status = 'SENDING' AND sending_since < now() - make_interval(mins => $1)`,
          [SENDING_LEASE_MINUTES],
        );
        return db.query<{ id: string }>(
          `SELECT id FROM outbox_message
            WHERE status = 'PENDING' AND next_attempt_at < now() - make_interval(mins => $1)
            ORDER BY next_attempt_at LIMIT 500`,
          [REPAIR_OVERDUE_MINUTES],
        );
      });
      for (const { id } of due) {
        await this.jobs.addIfAbsent(SEND_JOB, { practiceId, messageId: id }, sendJobKey(id), 3);
      }
    }
  }

  private queueSend(db: RequestDb, payload: SendPayload, runAt?: Date): Promise<void> {
    // A few queue-level attempts cover a database hiccup; SMTP refusals are retried by send itself.
    return this.jobs.addInTransaction(db, SEND_JOB, payload, {
      jobKey: sendJobKey(payload.messageId),
      runAt,
      maxAttempts: 3,
    });
  }
}

function sendJobKey(messageId: string): string {
  return `outbox:${messageId}`;
}

function validate(m: OutboxMessageInput): void {
  if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(m.kind)) throw new Error(`outbox: kind must be CAPITALS_WITH_UNDERSCORES`);
  if (m.to.length > 254 || !EMAIL.test(m.to)) throw badInput('to', 'Enter one valid e-mail address');
  if (!m.subject.trim() || /[\r\n]/.test(m.subject)) throw new Error('outbox: subject must be one non-empty line');
  if (!m.text.trim() || !m.html.trim()) throw new Error('outbox: both a plain-text and an HTML part are required');
  if (!m.dedupeKey || m.dedupeKey.length > 200)
    throw new Error('outbox: dedupeKey is required (at most 200 characters)');
}
