import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createPractice, type PracticeFixture } from '../support/fixtures.js';

/** One row in every tenant table for the practice, so isolation is checked on real rows. */
async function fillEveryTable(owner: pg.Pool, p: PracticeFixture): Promise<void> {
  const client = p.clientIds[0];
  const therapist = p.therapistIds[0];
  await owner.query(
    `WITH e AS (SELECT id FROM episode WHERE practice_id = $1 AND client_id = $2),
     -- A finished episode, so episode_outcome holds a row (written by trigger).
     fe AS (INSERT INTO episode (practice_id, client_id, started_on, ended_on, end_reason)
            VALUES ($1, $2, current_date - 90, current_date - 60, 'COMPLETED') RETURNING id),
     s AS (INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status)
           SELECT $1, $2, e.id, $3, now(), 1, 'ATTENDED' FROM e RETURNING id, episode_id),
     m AS (INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source)
           SELECT $1, $2, s.episode_id, s.id, 'ALLIANCE4', '1', '{9,9,9,9}', 36, 'CLIENT' FROM s RETURNING id),
     r AS (INSERT INTO rating_link (practice_id, client_id, session_id, token_hash, expires_at, created_by)
           SELECT $1, $2, s.id, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), now() + interval '7 days', $3 FROM s RETURNING id),
     mo AS (INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, current_date, 6) RETURNING id),
     h AS (INSERT INTO homework_assignment (practice_id, client_id, title, frequency, assigned_on, created_by)
           VALUES ($1, $2, 'Thought record', 'DAILY', current_date, $3) RETURNING id),
     hr AS (INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status)
           SELECT $1, $2, h.id, current_date, 'DONE' FROM h RETURNING id),
     g AS (INSERT INTO goal (practice_id, client_id, title, created_by) VALUES ($1, $2, 'Sleep better', $3) RETURNING id),
     gr AS (INSERT INTO goal_rating (practice_id, client_id, goal_id, rating) SELECT $1, $2, g.id, 4 FROM g RETURNING id),
     f AS (INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version)
           VALUES ($1, $2, 'RISK', 'URGENT', '{}', 'test') RETURNING id),
     a AS (INSERT INTO auth_session (practice_id, user_id, token_hash, expires_at)
           VALUES ($1, $3, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), now() + interval '1 hour') RETURNING id),
     i AS (INSERT INTO idempotency_key (practice_id, actor, key, operation) VALUES ($1, 'u', 'k', 'logMood') RETURNING key),
     pi AS (INSERT INTO practice_instrument (practice_id, code, version, definition) VALUES ($1, 'ORS', '1', '{}') RETURNING code),
     au AS (INSERT INTO audit_event (practice_id, action, outcome) VALUES ($1, 'test', 'ALLOWED') RETURNING id),
     at AS (INSERT INTO account_token (practice_id, kind, user_id, token_hash, expires_at)
            VALUES ($1, 'INVITATION', $3, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), now() + interval '7 days') RETURNING id),
     cc AS (INSERT INTO client_contact (practice_id, client_id, email) VALUES ($1, $2, 'contact@test.cairn') RETURNING client_id),
     om AS (INSERT INTO outbox_message (practice_id, kind, dedupe_key, recipient, subject, body_text, body_html)
            VALUES ($1, 'TEST', 'rls', 'someone@test.cairn', 'Subject', 'text', '<p>html</p>') RETURNING id)
     SELECT 1`,
    [p.practiceId, client, therapist],
  );
}

async function tenantTables(owner: pg.Pool): Promise<string[]> {
  const { rows } = await owner.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'practice_id' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

describe('row-level security', () => {
  let db: TestDatabase;
  let a: PracticeFixture;
  let b: PracticeFixture;
  let app: pg.Client;
  let tables: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createPractice(db.owner, 'rlsa');
    b = await createPractice(db.owner, 'rlsb');
    await fillEveryTable(db.owner, a);
    await fillEveryTable(db.owner, b);
    tables = await tenantTables(db.owner);
    app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  async function asPractice<T>(practiceId: string | null, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      if (practiceId) await app.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  it('covers every table of the data model', () => {
    expect(tables).toEqual(
      expect.arrayContaining([
        'account_token',
        'app_user',
        'audit_event',
        'auth_session',
        'client',
        'client_contact',
        'client_summary',
        'episode',
        'episode_outcome',
        'flag',
        'goal',
        'goal_rating',
        'homework_assignment',
        'homework_report',
        'idempotency_key',
        'measure_response',
        'mood_entry',
        'practice_instrument',
        'rating_link',
        'therapy_session',
      ]),
    );
  });

  it('with practice A set, every tenant table shows A rows and no B row', async () => {
    await asPractice(a.practiceId, async () => {
      for (const table of tables) {
        const { rows } = await app.query<{ practice_id: string }>(`SELECT practice_id FROM ${table}`);
        expect({ table, some: rows.length > 0 }).toEqual({ table, some: true });
        expect({ table, foreign: rows.filter((r) => r.practice_id !== a.practiceId).length }).toEqual({
          table,
          foreign: 0,
        });
      }
      const practices = await app.query<{ id: string }>(`SELECT id FROM practice`);
      expect(practices.rows.map((r) => r.id)).toEqual([a.practiceId]);
    });
  });

  it('with no practice set, every tenant table returns zero rows', async () => {
    await asPractice(null, async () => {
      for (const table of [...tables, 'practice']) {
        const { rows } = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    });
  });

  it('refuses to write a row into another practice', async () => {
    await expect(
      asPractice(a.practiceId, () =>
        app.query(
          `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, current_date - 1, 5)`,
          [b.practiceId, b.clientIds[0]],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot change practice B rows while practice A is set', async () => {
    const updated = await asPractice(a.practiceId, async () => {
      const r = await app.query(`UPDATE client SET status = 'PAUSED' WHERE practice_id = $1`, [b.practiceId]);
      return r.rowCount;
    });
    expect(updated).toBe(0);
  });

  it('has RLS enabled and forced on every table with practice_id, and on practice', async () => {
    const { rows } = await db.owner.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1)`,
      [[...tables, 'practice']],
    );
    expect(rows).toHaveLength(tables.length + 1);
    for (const r of rows) expect(r).toEqual({ relname: r.relname, relrowsecurity: true, relforcerowsecurity: true });
  });

  it('connects the app as a role that owns nothing and cannot bypass RLS', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS who, r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ who: 'cairn_app', rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('cannot update or delete audit rows', async () => {
    await expect(
      asPractice(a.practiceId, () => app.query(`UPDATE audit_event SET outcome = 'DENIED'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(asPractice(a.practiceId, () => app.query(`DELETE FROM audit_event`))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('cannot read auth secrets of another practice through the lookup functions except by exact hash', async () => {
    const rows = await asPractice(null, () => app.query(`SELECT * FROM cairn_find_session(sha256('guess'::bytea))`));
    expect(rows.rows).toHaveLength(0);
    const tokens = await asPractice(null, () =>
      app.query(`SELECT * FROM cairn_find_account_token(sha256('guess'::bytea))`),
    );
    expect(tokens.rows).toHaveLength(0);
    await expect(asPractice(null, () => app.query(`SET ROLE cairn_lookup`))).rejects.toThrow(/permission denied/);
  });
});
