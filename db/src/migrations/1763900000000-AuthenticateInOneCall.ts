import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every request starts by resolving its session. One definer function does it in a single round
 * trip: finds the session by token hash, checks revocation, idle and absolute expiry, binds the
 * transaction to the user's practice (set_config, transaction-local), touches last_seen_at at most
 * once a minute, and for a client returns their own client record.
 */
export class AuthenticateInOneCall1763900000000 implements MigrationInterface {
  name = 'AuthenticateInOneCall1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // With the practice bound, the ordinary tenant policies let cairn_lookup see that practice only.
    await q.query(`GRANT UPDATE (last_seen_at) ON auth_session TO cairn_lookup`);
    await q.query(`GRANT SELECT ON client TO cairn_lookup`);
    await q.query(`
      CREATE FUNCTION cairn_authenticate(p_token_hash bytea, p_idle_seconds integer)
        RETURNS TABLE (practice_id uuid, session_id uuid, user_id uuid, role text, email text, display_name text,
                       country text, client json)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        s record;
      BEGIN
        SELECT a.practice_id, a.id, a.user_id, a.last_seen_at, u.role, u.email, u.display_name, p.country
          INTO s
          FROM auth_session a
          JOIN app_user u ON u.practice_id = a.practice_id AND u.id = a.user_id
          JOIN practice p ON p.id = a.practice_id
         WHERE a.token_hash = p_token_hash AND a.revoked_at IS NULL AND u.disabled_at IS NULL
           AND a.expires_at > now() AND a.last_seen_at >= now() - make_interval(secs => p_idle_seconds);
        IF NOT FOUND THEN
          RETURN;
        END IF;
        PERFORM set_config('app.practice_id', s.practice_id::text, true),
                set_config('app.user_id', s.user_id::text, true),
                set_config('app.role', s.role, true);
        IF s.last_seen_at < now() - interval '1 minute' THEN
          UPDATE auth_session SET last_seen_at = now() WHERE id = s.id;
        END IF;
        RETURN QUERY SELECT s.practice_id, s.id, s.user_id, s.role::text, s.email::text, s.display_name::text, s.country::text,
          (SELECT json_build_object('id', c.id, 'practiceId', c.practice_id, 'therapistId', c.therapist_id, 'userId', c.user_id,
                                    'code', c.code, 'timezone', c.timezone, 'status', c.status, 'country', s.country)
             FROM client c WHERE s.role = 'CLIENT' AND c.user_id = s.user_id);
      END $$;
      ALTER FUNCTION cairn_authenticate(bytea, integer) OWNER TO cairn_lookup;
      REVOKE ALL ON FUNCTION cairn_authenticate(bytea, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_authenticate(bytea, integer) TO cairn_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS cairn_authenticate(bytea, integer)`);
    await q.query(`REVOKE SELECT ON client FROM cairn_lookup`);
    await q.query(`REVOKE UPDATE (last_seen_at) ON auth_session FROM cairn_lookup`);
  }
}
