import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The periodic flag sweep runs as the application role, which sees no practice until one is set:
 * this definer function lists practice ids (nothing else) so the sweep can visit each in turn.
 */
export class PracticeDirectory1763800000000 implements MigrationInterface {
  name = 'PracticeDirectory1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON practice TO cairn_lookup`);
    await q.query(`CREATE POLICY lookup_ids ON practice FOR SELECT TO cairn_lookup USING (true)`);
    await q.query(`
      CREATE FUNCTION cairn_practice_ids() RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT id FROM practice ORDER BY id $$;
      ALTER FUNCTION cairn_practice_ids() OWNER TO cairn_lookup;
      REVOKE ALL ON FUNCTION cairn_practice_ids() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION cairn_practice_ids() TO cairn_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS cairn_practice_ids()`);
    await q.query(`DROP POLICY IF EXISTS lookup_ids ON practice`);
    await q.query(`REVOKE SELECT ON practice FROM cairn_lookup`);
  }
}
