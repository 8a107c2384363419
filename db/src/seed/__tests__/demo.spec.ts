import { FLAG_RULE_VERSION } from '@cairn/shared';
import { verify } from '@node-rs/argon2';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/database.js';
import { seedDemo } from '../demo.js';

const now = new Date('2026-03-02T15:00:00Z');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.owner.query<T>(sql, params)).rows;
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = [
    'practice',
    'app_user',
    'client',
    'episode',
    'therapy_session',
    'measure_response',
    'mood_entry',
    'flag',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number((await rows<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  }
  return counts;
}

describe('demo seed', () => {
  it('seeds an empty database', async () => {
    await expect(seedDemo(db.ownerUrl, { now })).resolves.toEqual({ seeded: true });
  });

  it('creates exactly the demo accounts, each signing in with cairn-demo', async () => {
    const users = await rows<{ email: string; role: string; practice: string; password_hash: string }>(
      `SELECT u.email, u.role, p.name AS practice, u.password_hash
         FROM app_user u JOIN practice p ON p.id = u.practice_id ORDER BY u.email`,
    );
    expect(users.map(({ email, role, practice }) => ({ email, role, practice }))).toEqual([
      { email: 'client1@demo.cairn.test', role: 'CLIENT', practice: 'Riverside Psychology (demo)' },
      { email: 'manager@demo.cairn.test', role: 'MANAGER', practice: 'Riverside Psychology (demo)' },
      { email: 'therapist1@demo.cairn.test', role: 'THERAPIST', practice: 'Riverside Psychology (demo)' },
      { email: 'therapist2@demo.cairn.test', role: 'THERAPIST', practice: 'Riverside Psychology (demo)' },
      { email: 'therapist3@demo.cairn.test', role: 'THERAPIST', practice: 'Riverside Psychology (demo)' },
      { email: 'therapist@harbour.demo.cairn.test', role: 'THERAPIST', practice: 'Harbour Counselling (demo)' },
    ]);
    for (const user of users) {
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      await expect(verify(user.password_hash, 'cairn-demo')).resolves.toBe(true);
    }
  });

  it('creates two demo practices with 40 and 5 clients', async () => {
    const practices = await rows<{ name: string; country: string; is_demo: boolean; clients: string }>(
      `SELECT p.name, p.country, p.is_demo, count(c.id) AS clients
         FROM practice p LEFT JOIN client c ON c.practice_id = p.id GROUP BY p.id ORDER BY p.name`,
    );
    expect(practices).toEqual([
      { name: 'Harbour Counselling (demo)', country: 'GB', is_demo: true, clients: '5' },
      { name: 'Riverside Psychology (demo)', country: 'US', is_demo: true, clients: '40' },
    ]);
    const perTherapist = await rows<{ email: string; clients: string }>(
      `SELECT u.email, count(*) AS clients FROM client c
         JOIN app_user u ON u.practice_id = c.practice_id AND u.id = c.therapist_id
        GROUP BY u.email ORDER BY u.email`,
    );
    expect(perTherapist.map((r) => r.email)).toEqual([
      'therapist1@demo.cairn.test',
      'therapist2@demo.cairn.test',
      'therapist3@demo.cairn.test',
      'therapist@harbour.demo.cairn.test',
    ]);
    expect(perTherapist.slice(0, 3).every((r) => Number(r.clients) >= 13)).toBe(true);
    const zones = await rows<{ timezone: string }>(`SELECT DISTINCT timezone FROM client ORDER BY 1`);
    expect(zones.map((z) => z.timezone)).toEqual(
      expect.arrayContaining(['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London']),
    );
  });

  it("links client1's login to RIV-0001 on therapist1's caseload", async () => {
    const [client] = await rows<{ email: string; therapist: string }>(
      `SELECT u.email, t.email AS therapist FROM client c
         JOIN app_user u ON u.practice_id = c.practice_id AND u.id = c.user_id
         JOIN app_user t ON t.practice_id = c.practice_id AND t.id = c.therapist_id
        WHERE c.code = 'RIV-0001'`,
    );
    expect(client).toEqual({ email: 'client1@demo.cairn.test', therapist: 'therapist1@demo.cairn.test' });
  });

  it('writes about six months of history, with some finished episodes and future sessions', async () => {
    const [span] = await rows<{ first: Date; last: Date }>(
      `SELECT min(local_date)::text AS first, max(local_date)::text AS last FROM mood_entry`,
    );
    expect(Date.parse(String(span!.first))).toBeGreaterThan(now.getTime() - 200 * 86_400_000);
    const reasons = await rows<{ end_reason: string | null }>(`SELECT DISTINCT end_reason FROM episode`);
    expect(reasons.map((r) => r.end_reason)).toEqual(expect.arrayContaining([null, 'COMPLETED', 'DROPPED_OUT']));
    const statuses = await rows<{ status: string; future: boolean }>(
      `SELECT DISTINCT status, scheduled_at > $1 AS future FROM therapy_session`,
      [now],
    );
    expect(statuses).toEqual(
      expect.arrayContaining([
        { status: 'ATTENDED', future: false },
        { status: 'CANCELLED', future: false },
        { status: 'NO_SHOW', future: false },
        { status: 'SCHEDULED', future: true },
      ]),
    );
    expect(statuses).not.toContainEqual({ status: 'SCHEDULED', future: false });
    for (const table of ['homework_assignment', 'homework_report', 'goal', 'goal_rating']) {
      expect(Number((await rows<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n)).toBeGreaterThan(0);
    }
  });

  it('numbers sessions 1..n within each episode', async () => {
    const [gaps] = await rows<{ n: string }>(
      `SELECT count(*) AS n FROM (
         SELECT number, row_number() OVER (PARTITION BY episode_id ORDER BY scheduled_at) AS expected
           FROM therapy_session) s WHERE number <> expected`,
    );
    expect(gaps!.n).toBe('0');
  });

  it('keeps every questionnaire total equal to the sum of its answers', async () => {
    const checks = await rows<{ instrument_code: string; n: string; bad: string }>(
      `SELECT instrument_code, count(*) AS n,
              count(*) FILTER (WHERE total <> (SELECT sum(a) FROM unnest(answers) a)
                               OR cardinality(answers) <> CASE instrument_code WHEN 'PHQ9' THEN 9 WHEN 'GAD7' THEN 7 ELSE 4 END
                               OR EXISTS (SELECT 1 FROM unnest(answers) a
                                           WHERE a < 0 OR a > CASE instrument_code WHEN 'ALLIANCE4' THEN 10 ELSE 3 END)
                               OR instrument_version <> '1') AS bad
         FROM measure_response GROUP BY instrument_code ORDER BY instrument_code`,
    );
    expect(checks.map((c) => c.instrument_code)).toEqual(['ALLIANCE4', 'GAD7', 'PHQ9']);
    for (const check of checks) {
      expect(Number(check.n)).toBeGreaterThan(100);
      expect(check.bad).toBe('0');
    }
  });

  it('flags RIV-0001 as urgent risk from a recent PHQ-9 with item 9 = 1', async () => {
    const flags = await rows<{
      severity: string;
      rule_version: string;
      item9: number;
      latest: boolean;
      age_days: number;
    }>(
      `SELECT f.severity, f.rule_version, m.answers[9] AS item9,
              m.submitted_at = (SELECT max(submitted_at) FROM measure_response
                                 WHERE client_id = c.id AND instrument_code = 'PHQ9') AS latest,
              (extract(epoch FROM ($1::timestamptz - m.submitted_at)) / 86400)::float8 AS age_days
         FROM flag f
         JOIN client c ON c.practice_id = f.practice_id AND c.id = f.client_id
         JOIN measure_response m ON m.practice_id = f.practice_id AND m.id = (f.evidence#>>'{triggers,0,response,id}')::uuid
        WHERE c.code = 'RIV-0001' AND f.kind = 'RISK' AND f.status = 'OPEN'
          AND f.evidence#>>'{triggers,0,rule}' = 'PHQ9_ITEM9' AND (f.evidence#>>'{triggers,0,item9}')::int = 1`,
      [now],
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'URGENT', rule_version: FLAG_RULE_VERSION, item9: 1, latest: true });
    expect(flags[0]!.age_days).toBeLessThan(15);
  });

  it("flags an alliance rupture for another of therapist1's clients whose last rating is below 36", async () => {
    const open = await rows<{ code: string; severity: string; last_total: number; summary_latest: number }>(
      `SELECT c.code, f.severity, last.total AS last_total, s.alliance_latest AS summary_latest
         FROM flag f
         JOIN client c ON c.practice_id = f.practice_id AND c.id = f.client_id
         JOIN app_user t ON t.practice_id = c.practice_id AND t.id = c.therapist_id
         JOIN client_summary s ON s.practice_id = c.practice_id AND s.client_id = c.id
         CROSS JOIN LATERAL (SELECT total FROM measure_response m
                              WHERE m.practice_id = c.practice_id AND m.client_id = c.id AND m.instrument_code = 'ALLIANCE4'
                              ORDER BY submitted_at DESC LIMIT 1) last
        WHERE f.kind = 'ALLIANCE_RUPTURE' AND f.status = 'OPEN' AND t.email = 'therapist1@demo.cairn.test'`,
    );
    expect(open.map((f) => f.code)).toContain('RIV-0002');
    for (const flag of open) {
      expect(flag.code).not.toBe('RIV-0001');
      expect(flag.severity).toBe('HIGH');
      expect(flag.last_total).toBeLessThan(36);
      expect(flag.summary_latest).toBe(flag.last_total);
    }
  });

  it("dates every mood entry on the client's local calendar, never ahead of now", async () => {
    const [check] = await rows<{ n: string; wrong_day: string; future: string }>(
      `SELECT count(*) AS n,
              count(*) FILTER (WHERE (m.created_at AT TIME ZONE c.timezone)::date <> m.local_date) AS wrong_day,
              count(*) FILTER (WHERE m.created_at > $1 OR m.local_date > ($1::timestamptz AT TIME ZONE c.timezone)::date) AS future
         FROM mood_entry m JOIN client c ON c.practice_id = m.practice_id AND c.id = m.client_id`,
      [now],
    );
    expect(Number(check!.n)).toBeGreaterThan(2000);
    expect(check).toMatchObject({ wrong_day: '0', future: '0' });
  });

  it('fills a client summary for every client', async () => {
    const [check] = await rows<{ clients: string; summaries: string; with_phq9: string }>(
      `SELECT (SELECT count(*) FROM client) AS clients, count(*) AS summaries,
              count(*) FILTER (WHERE phq9_latest IS NOT NULL) AS with_phq9 FROM client_summary`,
    );
    expect(check).toMatchObject({ clients: '45', summaries: '45' });
    expect(Number(check!.with_phq9)).toBeGreaterThan(40);
  });

  it("shows the application role only the current practice's clients", async () => {
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      const counts: Record<string, string> = {};
      for (const practice of await rows<{ id: string; name: string }>(`SELECT id, name FROM practice`)) {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.practice_id', $1, true)`, [practice.id]);
        counts[practice.name] = (await app.query<{ n: string }>(`SELECT count(*) AS n FROM client`)).rows[0]!.n;
        await app.query('COMMIT');
      }
      expect(counts).toEqual({ 'Riverside Psychology (demo)': '40', 'Harbour Counselling (demo)': '5' });
      expect((await app.query<{ n: string }>(`SELECT count(*) AS n FROM client`)).rows[0]!.n).toBe('0');
    } finally {
      await app.end();
    }
  });

  it('does nothing the second time', async () => {
    const before = await tableCounts();
    await expect(seedDemo(db.ownerUrl, { now: new Date() })).resolves.toEqual({ seeded: false });
    expect(await tableCounts()).toEqual(before);
  });
});
