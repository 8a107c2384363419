import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clinical data that cannot be malformed:
 * - a client's local date that survives a time zone PostgreSQL does not know (a zone stored before a
 *   tzdata update removed it, e.g. US/Pacific-New): such a zone reads as UTC instead of failing the
 *   whole statement, and `cairn_known_zone` lets a view say which client has the problem;
 * - episodes start no earlier than 1900, and one client's episodes never overlap (a day belongs to
 *   at most one episode), enforced by an exclusion constraint whatever writes the rows.
 */
export class ClinicalDataIntegrity1765400000000 implements MigrationInterface {
  name = 'ClinicalDataIntegrity1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cairn_known_zone(zone text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN (now() AT TIME ZONE zone) IS NOT NULL;
      EXCEPTION WHEN invalid_parameter_value THEN
        RETURN false;
      END $$;

      -- The calendar date of an instant in a zone; UTC when PostgreSQL does not know the zone.
      CREATE FUNCTION cairn_local_date(at timestamptz, zone text) RETURNS date LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN (at AT TIME ZONE zone)::date;
      EXCEPTION WHEN invalid_parameter_value THEN
        RETURN (at AT TIME ZONE 'UTC')::date;
      END $$;

      CREATE EXTENSION IF NOT EXISTS btree_gist;
      ALTER TABLE episode ADD CONSTRAINT episode_started_since_1900 CHECK (started_on >= DATE '1900-01-01');
      -- practice_id WITH = keeps the constraint local to a practice (a Citus distribution column rule).
      ALTER TABLE episode ADD CONSTRAINT episode_no_overlap EXCLUDE USING gist (
        practice_id WITH =, client_id WITH =, daterange(started_on, ended_on, '[]') WITH &&);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE episode DROP CONSTRAINT episode_no_overlap;
      ALTER TABLE episode DROP CONSTRAINT episode_started_since_1900;
      DROP FUNCTION cairn_local_date(timestamptz, text);
      DROP FUNCTION cairn_known_zone(text);
    `);
  }
}
