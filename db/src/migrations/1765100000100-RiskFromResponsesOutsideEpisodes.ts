import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Until now a PHQ-9 given outside an open episode (the episode ended, or none yet) was stored with no
 * episode and never judged for RISK. For each client with such a response whose item 9 is above the
 * practice's threshold, and no RISK flag open or opened since, this opens the RISK flag the engine
 * would have opened, citing the latest such response. A clinician resolves it, as any RISK.
 */
export class RiskFromResponsesOutsideEpisodes1765100000100 implements MigrationInterface {
  name = 'RiskFromResponsesOutsideEpisodes1765100000100';

  async up(q: QueryRunner): Promise<void> {
    // Evidence as the RISK rule (rule version 1.2.0) writes it; run as the owner, which sees every practice.
    await q.query(`
      INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version)
      SELECT DISTINCT ON (m.practice_id, m.client_id) m.practice_id, m.client_id, 'RISK', 'URGENT',
             jsonb_build_object('ruleVersion', '1.2.0', 'triggers', jsonb_build_array(jsonb_build_object(
               'rule', 'PHQ9_ITEM9', 'item9', m.answers[9], 'above', t.above,
               'response', jsonb_build_object('id', m.id, 'at', m.submitted_at)))),
             '1.2.0'
        FROM measure_response m
        JOIN practice p ON p.id = m.practice_id
       CROSS JOIN LATERAL (SELECT COALESCE((p.settings->'flags'->>'riskItem9Above')::int, 0) AS above) t
       WHERE m.instrument_code = 'PHQ9' AND m.episode_id IS NULL AND m.answers[9] > t.above
         AND NOT EXISTS (SELECT 1 FROM flag f
                          WHERE f.practice_id = m.practice_id AND f.client_id = m.client_id AND f.kind = 'RISK'
                            AND (f.status IN ('OPEN', 'ACKNOWLEDGED') OR f.opened_at >= m.submitted_at))
       ORDER BY m.practice_id, m.client_id, m.submitted_at DESC`);
  }

  async down(): Promise<void> {
    // A raised RISK flag is a clinical record: it is resolved by a clinician, never deleted.
  }
}
