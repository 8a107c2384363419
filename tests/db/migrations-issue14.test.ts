import type { QueryRunner } from 'typeorm';
import { RiskFromResponsesOutsideEpisodes1765100000100 } from '../../db/src/migrations/1765100000100-RiskFromResponsesOutsideEpisodes.js';
import { SessionNumbersInDateOrder1765100000000 } from '../../db/src/migrations/1765100000000-SessionNumbersInDateOrder.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createPractice, type PracticeFixture } from '../support/fixtures.js';

/** Data written before these migrations, put right by them (run here on rows arranged as the old code left them). */
describe('migrations for sessions in date order and missed risk', () => {
  let db: TestDatabase;
  let p: PracticeFixture;
  let runner: QueryRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    p = await createPractice(db.owner, 'mig', { therapists: 1, clientsPerTherapist: 4, timezone: 'UTC' });
    runner = { query: (sql: string) => db.owner.query(sql).then((r) => r.rows) } as unknown as QueryRunner;
  });
  afterAll(() => db.drop());

  it('renumbers an episode whose session was booked between two others (given max + 1)', async () => {
    // Booked in this order: 10 days ago (#1), 3 days ago (#2), 5 days from now (#3), then today (was #4).
    const { rows } = await db.owner.query<{ id: string }>(
      `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number)
       SELECT c.practice_id, c.id, e.id, c.therapist_id, now() + make_interval(days => d.days), d.number
         FROM client c JOIN episode e ON e.client_id = c.id,
              (VALUES (-10, 1, 1), (-3, 2, 2), (5, 3, 3), (0, 4, 4)) d(days, number, k)
        WHERE c.id = $1 ORDER BY d.k RETURNING id`,
      [p.clientIds[0]],
    );
    await new SessionNumbersInDateOrder1765100000000().up(runner);
    const after = await db.owner.query<{ id: string; number: number }>(
      `SELECT id, number FROM therapy_session WHERE client_id = $1 ORDER BY scheduled_at`,
      [p.clientIds[0]],
    );
    expect(after.rows).toEqual([
      { id: rows[0].id, number: 1 },
      { id: rows[1].id, number: 2 },
      { id: rows[3].id, number: 3 },
      { id: rows[2].id, number: 4 },
    ]);
  });

  it('opens RISK for a PHQ-9 item 9 given outside an episode that raised none, and only then', async () => {
    const phq9 = (clientIndex: number, item9: number, daysAgo: number) =>
      db.owner.query(
        `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source, submitted_at)
         VALUES ($1, $2, NULL, 'PHQ9', '1', $3, $4, 'CLIENT', now() - make_interval(days => $5))`,
        [p.practiceId, p.clientIds[clientIndex], [1, 1, 1, 1, 1, 1, 1, 1, item9], 8 + item9, daysAgo],
      );
    await phq9(1, 2, 9); // missed: item 9 = 2, no RISK ever raised
    await phq9(1, 1, 4); // the latest missed one is cited
    await phq9(2, 0, 3); // item 9 = 0: nothing to raise
    await phq9(3, 3, 6); // a RISK was raised after it and resolved: already seen
    await db.owner.query(
      `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version, opened_at, status, resolved_at, resolve_note)
       VALUES ($1, $2, 'RISK', 'URGENT', '{}', '1.2.0', now() - interval '5 days', 'RESOLVED', now(), 'called')`,
      [p.practiceId, p.clientIds[3]],
    );
    const migration = new RiskFromResponsesOutsideEpisodes1765100000100();
    await migration.up(runner);
    await migration.up(runner); // once per client, however often it runs
    const { rows } = await db.owner.query<{ client_id: string; status: string; item9: number; cited: string }>(
      `SELECT f.client_id, f.status, (f.evidence->'triggers'->0->>'item9')::int AS item9,
              f.evidence->'triggers'->0->'response'->>'id' AS cited
         FROM flag f WHERE f.practice_id = $1 AND f.kind = 'RISK' AND f.status = 'OPEN'`,
      [p.practiceId],
    );
    const latest = await db.owner.query<{ id: string }>(
      `SELECT id FROM measure_response WHERE client_id = $1 ORDER BY submitted_at DESC LIMIT 1`,
      [p.clientIds[1]],
    );
    expect(rows).toEqual([{ client_id: p.clientIds[1], status: 'OPEN', item9: 1, cited: latest.rows[0].id }]);
  });
});
