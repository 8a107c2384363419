import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing e-mail, written in the same transaction as the change that causes it and sent later by
 * a job. One row per message: `dedupe_key` is unique per practice, so a retried request or a second
 * app instance cannot write (or send) the same message twice.
 */
export class Outbox1765500000000 implements MigrationInterface {
  name = 'Outbox1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_message (
        practice_id uuid NOT NULL REFERENCES practice(id),
        id uuid NOT NULL DEFAULT uuidv7(),
        kind text NOT NULL,
        dedupe_key text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        -- Emptied once sent: a body may carry a one-time link, which should not outlive delivery.
        body_text text,
        body_html text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sending_since timestamptz,
        -- Why the last attempt failed: an SMTP reply code and class, never an address or content.
        last_error text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz,
        PRIMARY KEY (practice_id, id),
        UNIQUE (practice_id, dedupe_key)
      );
      CREATE INDEX outbox_message_unsent_idx ON outbox_message (practice_id, next_attempt_at)
        WHERE status IN ('PENDING', 'SENDING');
      CREATE INDEX outbox_message_failed_idx ON outbox_message (practice_id, failed_at) WHERE status = 'FAILED';
      ALTER TABLE outbox_message ENABLE ROW LEVEL SECURITY;
      ALTER TABLE outbox_message FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON outbox_message
        USING (practice_id = cairn_current_practice())
        WITH CHECK (practice_id = cairn_current_practice());
      GRANT SELECT, INSERT, UPDATE ON outbox_message TO cairn_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS outbox_message`);
  }
}
