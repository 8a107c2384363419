import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox repair job runs outside any practice. Visiting every practice each minute would not
 * scale to thousands of them: this definer function names only the practices whose outbox needs a
 * look (a due message overdue, or one stuck "sending"), reading only the unsent rows' index.
 */
export class OutboxAttention1765500100000 implements MigrationInterface {
  name = 'OutboxAttention1765500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      GRANT SELECT ON outbox_message TO cairn_lookup;
      CREATE POLICY lookup_unsent ON outbox_message FOR SELECT TO cairn_lookup USING (status IN ('PENDING', 'SENDING'));
      CREATE FUNCTION cairn_outbox_attention(p_overdue interval, p_sending_lease interval) RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
          SELECT DISTINCT practice_id FROM outbox_message
           WHERE status IN ('PENDING', 'SENDING')
             AND ((status = 'PENDING' AND next_attempt_at < now() - p_overdue)
               OR (status = 'SENDING' AND sending_since < now() - p_sending_lease))
        $$;
      ALTER FUNCTION cairn_outbox_attention(interval, interval) OWNER TO cairn_lookup;
      REVOKE ALL ON FUNCTION cairn_outbox_attention(interval, interval) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_outbox_attention(interval, interval) TO cairn_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS cairn_outbox_attention(interval, interval)`);
    await q.query(`DROP POLICY IF EXISTS lookup_unsent ON outbox_message`);
    await q.query(`REVOKE SELECT ON outbox_message FROM cairn_lookup`);
  }
}
