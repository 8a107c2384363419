import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flags the engine clears by itself (CLEARED, with when and why, beside the evidence that opened
 * them), a rupture's observed repair kept for the therapist to confirm, and the practice's own
 * expected-trajectory curves, fitted by the sweep and read by the flag engine.
 */
export class FlagLifecycle1765300000000 implements MigrationInterface {
  name = 'FlagLifecycle1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE flag DROP CONSTRAINT flag_status_check;
      ALTER TABLE flag ADD CONSTRAINT flag_status_check
        CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'CLEARED'));
      ALTER TABLE flag
        -- When the engine found the condition no longer holds, and the data that showed it.
        ADD COLUMN cleared_at timestamptz,
        ADD COLUMN clear_evidence jsonb,
        -- For a rupture: the rating at or above the concern line that followed it.
        ADD COLUMN repair_evidence jsonb,
        ADD CONSTRAINT flag_cleared_has_evidence
          CHECK (status <> 'CLEARED' OR (cleared_at IS NOT NULL AND clear_evidence IS NOT NULL));
      -- Never two open (or acknowledged) flags of one kind for a client.
      DROP INDEX flag_one_unresolved_per_kind;
      CREATE UNIQUE INDEX flag_one_open_per_kind ON flag (practice_id, client_id, kind)
        WHERE status IN ('OPEN', 'ACKNOWLEDGED');

      -- Per instrument, the practice's fitted curves (TrajectoryModel); null = the built-in ones.
      ALTER TABLE practice ADD COLUMN trajectory_models jsonb, ADD COLUMN trajectory_fitted_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE practice DROP COLUMN trajectory_models, DROP COLUMN trajectory_fitted_at;
      DROP INDEX flag_one_open_per_kind;
      -- A cleared flag reads as resolved by nobody, with the reason kept in its note.
      UPDATE flag SET status = 'RESOLVED', resolved_at = cleared_at,
             resolve_note = COALESCE(resolve_note, 'Cleared by the engine: ' || clear_evidence::text)
       WHERE status = 'CLEARED';
      CREATE UNIQUE INDEX flag_one_unresolved_per_kind ON flag (practice_id, client_id, kind) WHERE status <> 'RESOLVED';
      ALTER TABLE flag DROP CONSTRAINT flag_cleared_has_evidence;
      ALTER TABLE flag DROP COLUMN cleared_at, DROP COLUMN clear_evidence, DROP COLUMN repair_evidence;
      ALTER TABLE flag DROP CONSTRAINT flag_status_check;
      ALTER TABLE flag ADD CONSTRAINT flag_status_check CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'));
    `);
  }
}
