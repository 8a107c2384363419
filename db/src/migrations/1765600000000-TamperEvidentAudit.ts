import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit trail that cannot be forged, skipped or quietly edited:
 * - the app role writes audit rows only through `cairn_audit`, a definer function that takes the
 *   actor, role and practice from the transaction's own settings (the ones row-level security uses);
 *   it can no longer INSERT (nor UPDATE or DELETE) audit_event itself;
 * - each practice's rows form a hash chain: a row's hash covers its content and the previous row's
 *   hash. A trigger assigns the next link under a lock on the practice's chain head, so concurrent
 *   transactions append one after the other; `cairn_audit_row_hash` lets a verifier recompute them;
 * - rows are append-only for every role short of disabling the trigger (which a verifier then sees).
 */
export class TamperEvidentAudit1765600000000 implements MigrationInterface {
  name = 'TamperEvidentAudit1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN row_hash bytea;

      -- The link a row's hash covers: every column but the hash itself, in a fixed text form
      -- (the instant as integer microseconds, so no time zone setting changes it).
      CREATE FUNCTION cairn_audit_row_hash(e audit_event) RETURNS bytea
        LANGUAGE sql STABLE SET search_path = public AS $$
        SELECT sha256(coalesce(e.prev_hash, '\\x'::bytea) || convert_to(jsonb_build_array(
          e.practice_id, e.id, e.chain_seq, (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_id, e.actor_role,
          e.subject_type, e.subject_id, e.action, e.outcome, e.request_id)::text, 'UTF8'))
      $$;

      -- Last link of each practice's chain; its row lock serialises appends per practice.
      CREATE TABLE audit_chain_head (
        practice_id uuid PRIMARY KEY,
        last_seq bigint NOT NULL,
        last_hash bytea NOT NULL
      );
    `);

    // Existing rows become the start of each chain, in the order they were written.
    await q.query(`
      UPDATE audit_event a SET chain_seq = o.seq
        FROM (SELECT practice_id, id, row_number() OVER (PARTITION BY practice_id ORDER BY at, id) AS seq
                FROM audit_event) o
       WHERE a.practice_id = o.practice_id AND a.id = o.id;
      DO $$
      DECLARE
        r audit_event;
        prev bytea;
        practice uuid;
      BEGIN
        FOR r IN SELECT * FROM audit_event ORDER BY practice_id, chain_seq LOOP
          IF practice IS DISTINCT FROM r.practice_id THEN
            prev := NULL;
            practice := r.practice_id;
          END IF;
          r.prev_hash := prev;
          prev := cairn_audit_row_hash(r);
          UPDATE audit_event SET prev_hash = r.prev_hash, row_hash = prev
           WHERE practice_id = r.practice_id AND id = r.id;
        END LOOP;
      END $$;
      INSERT INTO audit_chain_head (practice_id, last_seq, last_hash)
      SELECT DISTINCT ON (practice_id) practice_id, chain_seq, row_hash FROM audit_event
       ORDER BY practice_id, chain_seq DESC;
      ALTER TABLE audit_event ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN row_hash SET NOT NULL,
        ADD CONSTRAINT audit_event_chain_seq_key UNIQUE (practice_id, chain_seq);
    `);

    await q.query(`
      CREATE FUNCTION cairn_audit_chain() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        head audit_chain_head;
      BEGIN
        -- Creating or advancing the head locks it until this transaction ends.
        INSERT INTO audit_chain_head AS h (practice_id, last_seq, last_hash) VALUES (NEW.practice_id, 1, '\\x')
        ON CONFLICT (practice_id) DO UPDATE SET last_seq = h.last_seq + 1
        RETURNING * INTO head;
        NEW.chain_seq := head.last_seq;
        NEW.prev_hash := CASE WHEN head.last_seq = 1 THEN NULL ELSE head.last_hash END;
        NEW.row_hash := cairn_audit_row_hash(NEW);
        UPDATE audit_chain_head SET last_hash = NEW.row_hash WHERE practice_id = NEW.practice_id;
        RETURN NEW;
      END $$;
      CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
        FOR EACH ROW EXECUTE FUNCTION cairn_audit_chain();

      CREATE FUNCTION cairn_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION cairn_audit_append_only();

      -- The one way in for the app: who, in what role and for which practice come from the
      -- transaction's settings, never from arguments. One row per subject (a null subject: one row).
      CREATE FUNCTION cairn_audit(p_action text, p_outcome text, p_subject_type text, p_subject_ids uuid[],
                                  p_request_id text) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        INSERT INTO audit_event (practice_id, actor_id, actor_role, subject_type, subject_id, action, outcome, request_id)
        SELECT coalesce(cairn_current_practice(), '00000000-0000-0000-0000-000000000000'),
               NULLIF(current_setting('app.user_id', true), '')::uuid,
               NULLIF(current_setting('app.role', true), ''),
               p_subject_type, s, p_action, p_outcome, p_request_id
          FROM unnest(CASE WHEN cardinality(p_subject_ids) > 0 THEN p_subject_ids ELSE ARRAY[NULL::uuid] END) AS s
      $$;

      REVOKE ALL ON FUNCTION cairn_audit(text, text, text, uuid[], text) FROM PUBLIC;
      REVOKE ALL ON FUNCTION cairn_audit_chain() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_audit(text, text, text, uuid[], text) TO cairn_app;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_event FROM cairn_app;

      -- A tenant table like the others: the app may read its own practice's head, never write it.
      ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
      ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON audit_chain_head
        USING (practice_id = cairn_current_practice()) WITH CHECK (practice_id = cairn_current_practice());
      GRANT SELECT ON audit_chain_head TO cairn_app;
    `);
    // The chain trigger runs as the schema owner, for any practice (also the nil one of anonymous denials).
    await q.query(`DO $$ BEGIN
      EXECUTE format('CREATE POLICY chain_writer ON audit_chain_head TO %I USING (true) WITH CHECK (true)', current_user);
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      GRANT INSERT ON audit_event TO cairn_app;
      DROP FUNCTION cairn_audit(text, text, text, uuid[], text);
      DROP TRIGGER audit_event_append_only ON audit_event;
      DROP FUNCTION cairn_audit_append_only();
      DROP TRIGGER audit_event_chain ON audit_event;
      DROP FUNCTION cairn_audit_chain();
      DROP TABLE audit_chain_head;
      DROP FUNCTION cairn_audit_row_hash(audit_event);
      ALTER TABLE audit_event DROP CONSTRAINT audit_event_chain_seq_key,
        DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN row_hash;
    `);
  }
}
