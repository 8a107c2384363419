import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every tenant table: practice_id first in the primary key and in every foreign key, so a
// cross-tenant reference cannot exist and the schema can be distributed by practice (Citus).
const TENANT_TABLES = [
  'app_user',
  'client',
  'episode',
  'therapy_session',
  'measure_response',
  'mood_entry',
  'homework_assignment',
  'homework_report',
  'goal',
  'goal_rating',
  'flag',
  'rating_link',
  'auth_session',
  'idempotency_key',
  'client_summary',
  'practice_instrument',
  'audit_event',
];

export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cairn_current_practice() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('app.practice_id', true), '')::uuid $$;

      CREATE TABLE instrument (
        code text NOT NULL,
        version text NOT NULL,
        definition jsonb NOT NULL,
        PRIMARY KEY (code, version)
      );

      CREATE TABLE practice (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        name text NOT NULL,
        country text NOT NULL DEFAULT 'US',
        settings jsonb NOT NULL DEFAULT '{}',
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE app_user (
        practice_id uuid NOT NULL REFERENCES practice(id),
        id uuid NOT NULL DEFAULT uuidv7(),
        email text NOT NULL,
        password_hash text,
        role text NOT NULL CHECK (role IN ('MANAGER', 'THERAPIST', 'CLIENT')),
        display_name text NOT NULL,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id)
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

      CREATE TABLE client (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        therapist_id uuid NOT NULL,
        user_id uuid,
        code text NOT NULL,
        display_name text,
        timezone text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'DISCHARGED')),
        share_alliance_with_client boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        UNIQUE (practice_id, code),
        FOREIGN KEY (practice_id, therapist_id) REFERENCES app_user(practice_id, id),
        FOREIGN KEY (practice_id, user_id) REFERENCES app_user(practice_id, id)
      );
      CREATE INDEX client_caseload_idx ON client (practice_id, therapist_id, status);
      CREATE UNIQUE INDEX client_user_idx ON client (practice_id, user_id) WHERE user_id IS NOT NULL;

      CREATE TABLE episode (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        started_on date NOT NULL,
        ended_on date,
        end_reason text CHECK (end_reason IN ('COMPLETED', 'DROPPED_OUT', 'REFERRED_ON', 'OTHER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      );
      CREATE UNIQUE INDEX episode_one_open_idx ON episode (practice_id, client_id) WHERE ended_on IS NULL;
      CREATE INDEX episode_client_idx ON episode (practice_id, client_id, started_on);
      CREATE INDEX episode_ended_idx ON episode (practice_id, ended_on) WHERE ended_on IS NOT NULL;

      CREATE TABLE therapy_session (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        episode_id uuid NOT NULL,
        therapist_id uuid NOT NULL,
        scheduled_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL DEFAULT 50 CHECK (duration_minutes BETWEEN 5 AND 480),
        number integer NOT NULL CHECK (number >= 1),
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'ATTENDED', 'CANCELLED', 'NO_SHOW')),
        status_recorded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, episode_id) REFERENCES episode(practice_id, id),
        FOREIGN KEY (practice_id, therapist_id) REFERENCES app_user(practice_id, id)
      );
      CREATE INDEX therapy_session_client_idx ON therapy_session (practice_id, client_id, scheduled_at);
      CREATE INDEX therapy_session_episode_idx ON therapy_session (practice_id, episode_id, number);
      CREATE INDEX therapy_session_therapist_idx ON therapy_session (practice_id, therapist_id, scheduled_at);

      CREATE TABLE measure_response (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        episode_id uuid,
        session_id uuid,
        instrument_code text NOT NULL,
        instrument_version text NOT NULL,
        answers smallint[] NOT NULL,
        total integer NOT NULL,
        comment text,
        help_now boolean NOT NULL DEFAULT false,
        source text NOT NULL CHECK (source IN ('CLIENT', 'RATING_LINK', 'THERAPIST', 'IMPORT')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, episode_id) REFERENCES episode(practice_id, id),
        FOREIGN KEY (practice_id, session_id) REFERENCES therapy_session(practice_id, id)
      );
      CREATE INDEX measure_response_timeline_idx
        ON measure_response (practice_id, client_id, instrument_code, submitted_at);
      CREATE INDEX measure_response_episode_idx ON measure_response (practice_id, episode_id, instrument_code);
      -- One alliance rating per session, enforced by the database so concurrent submissions record once.
      CREATE UNIQUE INDEX measure_response_one_alliance_per_session
        ON measure_response (practice_id, session_id) WHERE instrument_code = 'ALLIANCE4';

      CREATE TABLE mood_entry (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        local_date date NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 10),
        note text,
        help_now boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        UNIQUE (practice_id, client_id, local_date)
      );

      CREATE TABLE homework_assignment (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        episode_id uuid,
        title text NOT NULL,
        instructions text,
        frequency text NOT NULL CHECK (frequency IN ('ONCE', 'DAILY', 'WEEKLY')),
        assigned_on date NOT NULL,
        due_on date,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, episode_id) REFERENCES episode(practice_id, id),
        FOREIGN KEY (practice_id, created_by) REFERENCES app_user(practice_id, id)
      );
      CREATE INDEX homework_assignment_client_idx ON homework_assignment (practice_id, client_id, assigned_on);

      CREATE TABLE homework_report (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        local_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('DONE', 'PARTIAL', 'NOT_DONE')),
        effort smallint CHECK (effort BETWEEN 0 AND 10),
        helpfulness smallint CHECK (helpfulness BETWEEN 0 AND 10),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, assignment_id) REFERENCES homework_assignment(practice_id, id)
      );
      CREATE INDEX homework_report_client_idx ON homework_report (practice_id, client_id, local_date);
      CREATE INDEX homework_report_assignment_idx ON homework_report (practice_id, assignment_id, local_date);

      CREATE TABLE goal (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        episode_id uuid,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ACHIEVED', 'DROPPED')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, episode_id) REFERENCES episode(practice_id, id),
        FOREIGN KEY (practice_id, created_by) REFERENCES app_user(practice_id, id)
      );
      CREATE INDEX goal_client_idx ON goal (practice_id, client_id);

      CREATE TABLE goal_rating (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 0 AND 10),
        rated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, goal_id) REFERENCES goal(practice_id, id)
      );
      CREATE INDEX goal_rating_goal_idx ON goal_rating (practice_id, goal_id, rated_at);
      CREATE INDEX goal_rating_client_idx ON goal_rating (practice_id, client_id, rated_at);

      CREATE TABLE flag (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('RISK', 'ALLIANCE_RUPTURE', 'NOT_ON_TRACK', 'DETERIORATION', 'STALLED', 'DISENGAGING')),
        severity text NOT NULL CHECK (severity IN ('URGENT', 'HIGH', 'MEDIUM')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
        evidence jsonb NOT NULL,
        rule_version text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        acknowledge_note text,
        resolved_at timestamptz,
        resolved_by uuid,
        resolve_note text,
        repaired boolean,
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, acknowledged_by) REFERENCES app_user(practice_id, id),
        FOREIGN KEY (practice_id, resolved_by) REFERENCES app_user(practice_id, id)
      );
      -- Never two unresolved flags of one kind for a client.
      CREATE UNIQUE INDEX flag_one_unresolved_per_kind ON flag (practice_id, client_id, kind) WHERE status <> 'RESOLVED';
      CREATE INDEX flag_status_idx ON flag (practice_id, status, opened_at);
      CREATE INDEX flag_client_idx ON flag (practice_id, client_id, opened_at);

      CREATE TABLE rating_link (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        client_id uuid NOT NULL,
        session_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id),
        FOREIGN KEY (practice_id, session_id) REFERENCES therapy_session(practice_id, id),
        FOREIGN KEY (practice_id, created_by) REFERENCES app_user(practice_id, id)
      );
      CREATE UNIQUE INDEX rating_link_token_key ON rating_link (token_hash);
      CREATE INDEX rating_link_session_idx ON rating_link (practice_id, session_id);

      CREATE TABLE auth_session (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        user_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        PRIMARY KEY (practice_id, id),
        FOREIGN KEY (practice_id, user_id) REFERENCES app_user(practice_id, id)
      );
      CREATE UNIQUE INDEX auth_session_token_key ON auth_session (token_hash);

      -- A retried client submission returns the first result instead of recording again.
      CREATE TABLE idempotency_key (
        practice_id uuid NOT NULL,
        actor text NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, actor, key)
      );

      -- Rollup kept current on every write so caseload reads never scan history.
      CREATE TABLE client_summary (
        practice_id uuid NOT NULL,
        client_id uuid NOT NULL,
        therapist_id uuid NOT NULL,
        phq9_baseline integer,
        phq9_latest integer,
        phq9_latest_at timestamptz,
        phq9_count integer NOT NULL DEFAULT 0,
        gad7_baseline integer,
        gad7_latest integer,
        gad7_latest_at timestamptz,
        gad7_count integer NOT NULL DEFAULT 0,
        alliance_latest integer,
        alliance_latest_at timestamptz,
        alliance_previous integer[] NOT NULL DEFAULT '{}',
        mood_count integer NOT NULL DEFAULT 0,
        mood_last_date date,
        sessions_attended integer NOT NULL DEFAULT 0,
        sessions_missed integer NOT NULL DEFAULT 0,
        homework_reports integer NOT NULL DEFAULT 0,
        last_activity_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, client_id),
        FOREIGN KEY (practice_id, client_id) REFERENCES client(practice_id, id)
      );
      CREATE INDEX client_summary_therapist_idx ON client_summary (practice_id, therapist_id);

      -- Instruments a practice adds itself (e.g. a licensed ORS/SRS); never shipped by us.
      CREATE TABLE practice_instrument (
        practice_id uuid NOT NULL REFERENCES practice(id),
        code text NOT NULL,
        version text NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, code, version)
      );

      -- Append-only: the application role may insert and read, never update or delete.
      -- Events before sign-in (e.g. a denied anonymous access) carry the nil practice.
      CREATE TABLE audit_event (
        practice_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT uuidv7(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        subject_type text,
        subject_id uuid,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
        request_id text,
        PRIMARY KEY (practice_id, id)
      );
      CREATE INDEX audit_event_subject_idx ON audit_event (practice_id, subject_id, at);
    `);

    // Tenant isolation: enabled and forced, keyed on the transaction-local practice setting.
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (practice_id = cairn_current_practice())
        WITH CHECK (practice_id = cairn_current_practice())`);
    }
    await q.query(`ALTER TABLE practice ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE practice FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON practice
      USING (id = cairn_current_practice()) WITH CHECK (id = cairn_current_practice())`);
    // Anonymous denied accesses are audited under the nil practice.
    await q.query(`CREATE POLICY audit_anonymous ON audit_event FOR INSERT
      WITH CHECK (cairn_current_practice() IS NULL AND practice_id = '00000000-0000-0000-0000-000000000000')`);

    // Roles: cairn_app is what the server connects as (no table ownership, no BYPASSRLS);
    // cairn_lookup owns the few SECURITY DEFINER functions that find a row before the practice is
    // known (login by email, session by token hash, rating link by token hash).
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cairn_app') THEN
        CREATE ROLE cairn_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cairn_lookup') THEN
        CREATE ROLE cairn_lookup NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      END IF;
    END $$`);
    await q.query(
      `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO cairn_app', current_database()); END $$`,
    );
    await q.query(`GRANT USAGE ON SCHEMA public TO cairn_app, cairn_lookup`);
    await q.query(`GRANT SELECT ON instrument TO cairn_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON practice TO cairn_app`);
    for (const table of TENANT_TABLES.filter((t) => t !== 'audit_event')) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO cairn_app`);
    }
    await q.query(`GRANT SELECT, INSERT ON audit_event TO cairn_app`);

    for (const table of ['app_user', 'auth_session', 'rating_link']) {
      await q.query(`GRANT SELECT ON ${table} TO cairn_lookup`);
      await q.query(`CREATE POLICY lookup_by_secret ON ${table} FOR SELECT TO cairn_lookup USING (true)`);
    }
    await q.query(`
      CREATE FUNCTION cairn_find_login(p_email text)
        RETURNS TABLE (practice_id uuid, user_id uuid, role text, password_hash text,
                       locked_until timestamptz, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT practice_id, id, role, password_hash, locked_until, disabled_at
             FROM app_user WHERE lower(email) = lower(p_email) $$;
      CREATE FUNCTION cairn_find_session(p_token_hash bytea)
        RETURNS TABLE (practice_id uuid, session_id uuid, user_id uuid, role text, email text,
                       display_name text, last_seen_at timestamptz, expires_at timestamptz,
                       revoked_at timestamptz, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT s.practice_id, s.id, s.user_id, u.role, u.email, u.display_name, s.last_seen_at,
                  s.expires_at, s.revoked_at, u.disabled_at
             FROM auth_session s JOIN app_user u ON u.practice_id = s.practice_id AND u.id = s.user_id
            WHERE s.token_hash = p_token_hash $$;
      CREATE FUNCTION cairn_find_rating_link(p_token_hash bytea)
        RETURNS TABLE (practice_id uuid, link_id uuid, client_id uuid, session_id uuid,
                       expires_at timestamptz, used_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT practice_id, id, client_id, session_id, expires_at, used_at
             FROM rating_link WHERE token_hash = p_token_hash $$;
      ALTER FUNCTION cairn_find_login(text) OWNER TO cairn_lookup;
      ALTER FUNCTION cairn_find_session(bytea) OWNER TO cairn_lookup;
      ALTER FUNCTION cairn_find_rating_link(bytea) OWNER TO cairn_lookup;
      REVOKE ALL ON FUNCTION cairn_find_login(text), cairn_find_session(bytea), cairn_find_rating_link(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_find_login(text), cairn_find_session(bytea), cairn_find_rating_link(bytea) TO cairn_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS cairn_find_rating_link(bytea);
      DROP FUNCTION IF EXISTS cairn_find_session(bytea);
      DROP FUNCTION IF EXISTS cairn_find_login(text);
    `);
    for (const table of [...TENANT_TABLES].reverse()) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP TABLE IF EXISTS practice CASCADE`);
    await q.query(`DROP TABLE IF EXISTS instrument`);
    await q.query(`DROP FUNCTION IF EXISTS cairn_current_practice()`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM cairn_app, cairn_lookup`);
    await q.query(
      `DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM cairn_app', current_database()); END $$`,
    );
  }
}
