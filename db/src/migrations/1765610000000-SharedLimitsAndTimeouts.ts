import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bounded waits for the app role; reports and exports raise them for their own transaction. */
export const APP_ROLE_TIMEOUTS = {
  statement_timeout: '10s',
  lock_timeout: '3s',
  idle_in_transaction_session_timeout: '60s',
} as const;

/**
 * Limits every app instance shares, kept in PostgreSQL rather than in one process's memory:
 * - rate_limit: fixed-window counters per key (an IP, an account, an actor), through one definer
 *   function; keys are stored as SHA-256, so no e-mail or IP address sits in the table;
 * - login_lockout: the failed sign-ins of an e-mail that has no usable account, locked on the same
 *   schedule as a real account's, so a lockout does not tell the two apart;
 * - idempotency_key.payload_hash: what a key was first used for, so a reused key is refused;
 * - statement, lock and idle-in-transaction timeouts on the app role.
 */
export class SharedLimitsAndTimeouts1765610000000 implements MigrationInterface {
  name = 'SharedLimitsAndTimeouts1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit (
        key bytea PRIMARY KEY,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX rate_limit_expires_idx ON rate_limit (expires_at);

      -- Counts one hit for p_key; returns 0 when within p_limit hits per p_window_seconds, else the
      -- seconds until the window ends.
      CREATE FUNCTION cairn_rate_limit_hit(p_key text, p_limit integer, p_window_seconds integer) RETURNS integer
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        t timestamptz := clock_timestamp();
        r rate_limit;
      BEGIN
        INSERT INTO rate_limit AS l (key, window_start, hits, expires_at)
        VALUES (sha256(convert_to(p_key, 'UTF8')), t, 1, t + make_interval(secs => p_window_seconds))
        ON CONFLICT (key) DO UPDATE SET
          window_start = CASE WHEN l.expires_at <= t THEN t ELSE l.window_start END,
          hits = CASE WHEN l.expires_at <= t THEN 1 ELSE l.hits + 1 END,
          expires_at = CASE WHEN l.expires_at <= t THEN t + make_interval(secs => p_window_seconds) ELSE l.expires_at END
        RETURNING * INTO r;
        -- Now and then, forget windows that ended an hour ago.
        IF random() < 0.01 THEN
          DELETE FROM rate_limit WHERE key IN (
            SELECT key FROM rate_limit WHERE expires_at < t - interval '1 hour' LIMIT 1000 FOR UPDATE SKIP LOCKED);
        END IF;
        IF r.hits <= p_limit THEN
          RETURN 0;
        END IF;
        RETURN greatest(1, ceil(extract(epoch FROM r.expires_at - t)))::integer;
      END $$;

      CREATE TABLE login_lockout (
        email_hash bytea PRIMARY KEY,
        failures integer NOT NULL,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX login_lockout_updated_idx ON login_lockout (updated_at);
      CREATE FUNCTION cairn_unknown_login_locked_until(p_email text) RETURNS timestamptz
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT locked_until FROM login_lockout WHERE email_hash = sha256(convert_to(lower(p_email), 'UTF8'))
      $$;
      -- The same schedule as a real account's failed_logins: locked for 1, 2, 4 ... 60 minutes from
      -- the p_lock_after-th failure on.
      CREATE FUNCTION cairn_unknown_login_failed(p_email text, p_lock_after integer) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        INSERT INTO login_lockout AS l (email_hash, failures, locked_until, updated_at)
        VALUES (sha256(convert_to(lower(p_email), 'UTF8')), 1,
                CASE WHEN 1 >= p_lock_after THEN now() + interval '1 minute' END, now())
        ON CONFLICT (email_hash) DO UPDATE SET
          failures = l.failures + 1,
          locked_until = CASE WHEN l.failures + 1 >= p_lock_after
            THEN now() + make_interval(mins => LEAST(60, power(2, l.failures + 1 - p_lock_after))::int) END,
          updated_at = now();
        DELETE FROM login_lockout WHERE updated_at < now() - interval '1 day';
      $$;
      REVOKE ALL ON FUNCTION cairn_rate_limit_hit(text, integer, integer) FROM PUBLIC;
      REVOKE ALL ON FUNCTION cairn_unknown_login_locked_until(text) FROM PUBLIC;
      REVOKE ALL ON FUNCTION cairn_unknown_login_failed(text, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_rate_limit_hit(text, integer, integer) TO cairn_app;
      GRANT EXECUTE ON FUNCTION cairn_unknown_login_locked_until(text) TO cairn_app;
      GRANT EXECUTE ON FUNCTION cairn_unknown_login_failed(text, integer) TO cairn_app;

      ALTER TABLE idempotency_key ADD COLUMN payload_hash bytea;
    `);
    for (const [setting, value] of Object.entries(APP_ROLE_TIMEOUTS)) {
      await q.query(`ALTER ROLE cairn_app SET ${setting} = '${value}'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const setting of Object.keys(APP_ROLE_TIMEOUTS)) await q.query(`ALTER ROLE cairn_app RESET ${setting}`);
    await q.query(`
      ALTER TABLE idempotency_key DROP COLUMN payload_hash;
      DROP FUNCTION cairn_unknown_login_failed(text, integer);
      DROP FUNCTION cairn_unknown_login_locked_until(text);
      DROP TABLE login_lockout;
      DROP FUNCTION cairn_rate_limit_hit(text, integer, integer);
      DROP TABLE rate_limit;
    `);
  }
}
