import type { QueryRunner } from 'typeorm';
import { FlagLifecycle1765300000000 } from '../../db/src/migrations/1765300000000-FlagLifecycle.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createPractice, type PracticeFixture } from '../support/fixtures.js';

describe('flag lifecycle migration', () => {
  let db: TestDatabase;
  let p: PracticeFixture;
  let runner: QueryRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    p = await createPractice(db.owner, 'flm', { therapists: 1, clientsPerTherapist: 1 });
    runner = { query: (sql: string) => db.owner.query(sql).then((r) => r.rows) } as unknown as QueryRunner;
  });
  afterAll(() => db.drop());

  const insert = (status: string, extra = '') =>
    db.owner.query(
      `INSERT INTO flag (practice_id, client_id, kind, severity, status, evidence, rule_version${extra ? ', cleared_at, clear_evidence' : ''})
       VALUES ($1, $2, 'STALLED', 'MEDIUM', $3, '{"triggers": []}', '1.2.0'${extra})`,
      [p.practiceId, p.clientIds[0], status],
    );

  it('allows one open flag of a kind beside cleared ones, and refuses a CLEARED flag without when and why', async () => {
    await insert('CLEARED', `, now(), '{"trigger": {"rule": "RELIABLE_IMPROVEMENT"}}'`);
    await insert('CLEARED', `, now(), '{"trigger": {"rule": "RELIABLE_IMPROVEMENT"}}'`);
    await insert('OPEN');
    await expect(insert('ACKNOWLEDGED')).rejects.toThrow(/flag_one_open_per_kind/);
    await expect(insert('CLEARED')).rejects.toThrow(/flag_cleared_has_evidence/);
  });

  it('goes down (cleared flags read as resolved, with the reason in the note) and up again', async () => {
    await new FlagLifecycle1765300000000().down(runner);
    const { rows } = await db.owner.query<{ status: string; resolve_note: string }>(
      `SELECT status, resolve_note FROM flag WHERE client_id = $1 AND resolved_at IS NOT NULL`,
      [p.clientIds[0]],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'RESOLVED' && r.resolve_note.startsWith('Cleared by the engine'))).toBe(true);
    await new FlagLifecycle1765300000000().up(runner);
    await expect(insert('OPEN')).rejects.toThrow(/flag_one_open_per_kind/);
  });
});
