import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts a practice can run on: one-time tokens for invitations and password resets (only their
 * hash is stored; single use, expiring, revocable), and a client's contact e-mail, which is
 * identifiable and so lives in a table of its own that no de-identified read or export touches.
 */
export class Accounts1765700000000 implements MigrationInterface {
  name = 'Accounts1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_token (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        kind text NOT NULL CHECK (kind IN ('INVITATION', 'PASSWORD_RESET')),
        user_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, user_id) REFERENCES app_user(practice_id, id),
        FOREIGN KEY (practice_id, created_by) REFERENCES app_user(practice_id, id)
      );
      CREATE UNIQUE INDEX account_token_hash_key ON account_token (token_hash);
      CREATE INDEX account_token_live_idx ON account_token (practice_id, user_id, kind)
        WHERE used_at IS NULL AND revoked_at IS NULL;

      CREATE TABLE client_contact (
        practice_id uuid NOT NULL,
        client_id uuid NOT NULL,
        email text NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, client_id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, updated_by) REFERENCES app_user(practice_id, id)
      );
    `);
    for (const table of ['account_token', 'client_contact']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (practice_id = cairn_current_practice())
        WITH CHECK (practice_id = cairn_current_practice())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON account_token TO cairn_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON client_contact TO cairn_app`);

    // A token arrives before its practice is known: found by exact hash only, as sessions are.
    await q.query(`GRANT SELECT ON account_token TO cairn_lookup`);
    await q.query(`CREATE POLICY lookup_by_secret ON account_token FOR SELECT TO cairn_lookup USING (true)`);
    await q.query(`
      CREATE FUNCTION cairn_find_account_token(p_token_hash bytea)
        RETURNS TABLE (practice_id uuid, token_id uuid, kind text, user_id uuid, role text,
                       expires_at timestamptz, used_at timestamptz, revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT t.practice_id, t.id, t.kind, t.user_id, u.role, t.expires_at, t.used_at, t.revoked_at
             FROM account_token t JOIN app_user u ON u.practice_id = t.practice_id AND u.id = t.user_id
            WHERE t.token_hash = p_token_hash $$;
      ALTER FUNCTION cairn_find_account_token(bytea) OWNER TO cairn_lookup;
      REVOKE ALL ON FUNCTION cairn_find_account_token(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_find_account_token(bytea) TO cairn_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS cairn_find_account_token(bytea)`);
    await q.query(`DROP TABLE IF EXISTS client_contact`);
    await q.query(`DROP TABLE IF EXISTS account_token`);
  }
}
