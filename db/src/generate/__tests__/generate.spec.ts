import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/database.js';
import type { GroundTruthEvent } from '../oracle.js';
import { generatePractice, type GenerateResult } from '../practice.js';

const now = new Date('2026-03-02T15:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'cairn-gt-'));
let first: TestDatabase;
let second: TestDatabase;
let firstRun: GenerateResult;
let secondRun: GenerateResult;

interface GroundTruthFile {
  format: string;
  practiceId: string;
  events: GroundTruthEvent[];
  clients: { clientId: string; code: string; archetype: string }[];
}

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  // The first run checks every foreign key as it loads; the second takes the fast path.
  firstRun = await generatePractice(first.ownerUrl, {
    size: 'S',
    seed: 7,
    now,
    groundTruthPath: join(dir, 'first.json'),
    checkForeignKeys: true,
  });
  secondRun = await generatePractice(second.ownerUrl, {
    size: 'S',
    seed: 7,
    now,
    groundTruthPath: join(dir, 'second.json'),
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

const CHECKSUMS = {
  clients: `SELECT md5(string_agg(id || code || therapist_id || timezone || status, ',' ORDER BY code)) AS sum FROM client`,
  moods: `SELECT md5(string_agg(c.code || ':' || m.local_date || ':' || m.rating, ',' ORDER BY c.code, m.local_date)) AS sum
            FROM mood_entry m JOIN client c ON c.practice_id = m.practice_id AND c.id = m.client_id`,
  measures: `SELECT md5(string_agg(id || instrument_code || answers::text || submitted_at, ',' ORDER BY id)) AS sum FROM measure_response`,
  sessions: `SELECT md5(string_agg(id || status || scheduled_at || number, ',' ORDER BY id)) AS sum FROM therapy_session`,
  summaries: `SELECT md5(string_agg(concat_ws(':', client_id, phq9_baseline, phq9_latest, alliance_previous, mood_count,
                 sessions_missed, last_activity_at), ',' ORDER BY client_id)) AS sum FROM client_summary`,
};

describe('synthetic practice generator', () => {
  it('generates size S: 1 practice, 5 therapists, 200 clients with two years of history', async () => {
    expect(firstRun.counts).toMatchObject({ practice: 1, app_user: 6, client: 200 });
    expect(firstRun.counts.mood_entry).toBeGreaterThan(40_000);
    expect(firstRun.counts.therapy_session).toBeGreaterThan(4_000);
    const [span] = (
      await first.owner.query<{ days: number }>(`SELECT max(local_date) - min(local_date) AS days FROM mood_entry`)
    ).rows;
    expect(span!.days).toBeGreaterThan(700);
    const staff = await first.owner.query<{ email: string }>(
      `SELECT email FROM app_user WHERE role = 'THERAPIST' ORDER BY email`,
    );
    expect(staff.rows.map((r) => r.email)).toEqual([1, 2, 3, 4, 5].map((n) => `t${n}@bench-s-7.synthetic.cairn.test`));
  });

  it('is deterministic for a seed: same counts and identical data in two databases', async () => {
    expect(secondRun.counts).toEqual(firstRun.counts);
    expect(secondRun.groundTruthEvents).toEqual(firstRun.groundTruthEvents);
    for (const sql of Object.values(CHECKSUMS)) {
      const [a, b] = await Promise.all([first.owner.query(sql), second.owner.query(sql)]);
      expect(a.rows[0].sum).toMatch(/^[0-9a-f]{32}$/);
      expect(b.rows[0].sum).toBe(a.rows[0].sum);
    }
    expect(readFileSync(join(dir, 'second.json'), 'utf8')).toBe(readFileSync(join(dir, 'first.json'), 'utf8'));
  });

  it('keeps questionnaire totals equal to the sum of their answers', async () => {
    const { rows } = await first.owner.query<{ bad: string }>(
      `SELECT count(*) AS bad FROM measure_response WHERE total <> (SELECT sum(a) FROM unnest(answers) a)`,
    );
    expect(rows[0]!.bad).toBe('0');
  });

  it("dates mood entries on the client's local calendar, one per day", async () => {
    const { rows } = await first.owner.query<{ wrong: string; zones: string }>(
      `SELECT count(*) FILTER (WHERE (m.created_at AT TIME ZONE c.timezone)::date <> m.local_date) AS wrong,
              count(DISTINCT c.timezone) AS zones
         FROM mood_entry m JOIN client c ON c.practice_id = m.practice_id AND c.id = m.client_id`,
    );
    expect(rows[0]).toEqual({ wrong: '0', zones: expect.stringMatching(/^[4-9]$/) });
  });

  it('summarises every client', async () => {
    const { rows } = await first.owner.query<{ n: string }>(`SELECT count(*) AS n FROM client_summary`);
    expect(rows[0]!.n).toBe('200');
  });

  it('writes ground truth for every flag kind, naming stored clients and responses', async () => {
    const truth = JSON.parse(readFileSync(join(dir, 'first.json'), 'utf8')) as GroundTruthFile;
    expect(truth.format).toBe('cairn-ground-truth/1');
    expect(truth.practiceId).toBe(firstRun.practiceId);
    expect(truth.clients).toHaveLength(200);
    const planted = new Set(truth.events.filter((e) => e.planted).map((e) => e.kind));
    expect([...planted].sort()).toEqual(
      ['ALLIANCE_RUPTURE', 'DETERIORATION', 'DISENGAGING', 'NOT_ON_TRACK', 'RISK', 'STALLED'].sort(),
    );
    const clientIds = new Set((await first.owner.query<{ id: string }>(`SELECT id FROM client`)).rows.map((r) => r.id));
    expect(truth.events.every((e) => clientIds.has(e.clientId) && e.at <= now.toISOString())).toBe(true);

    const item9 = truth.events.filter((e) => e.criterion === 'PHQ9_ITEM9').map((e) => String(e.detail?.responseId));
    expect(item9.length).toBeGreaterThan(0);
    const endorsed = await first.owner.query<{ id: string }>(
      `SELECT id FROM measure_response WHERE instrument_code = 'PHQ9' AND answers[9] > 0`,
    );
    expect(endorsed.rows.map((r) => r.id).sort()).toEqual(item9.sort());

    const ruptures = truth.events.filter((e) => e.kind === 'ALLIANCE_RUPTURE');
    const low = await first.owner.query<{ n: string }>(
      `SELECT count(*) AS n FROM measure_response WHERE instrument_code = 'ALLIANCE4' AND total < 36`,
    );
    expect(ruptures.filter((e) => (e.detail?.criteria as string[]).includes('ALLIANCE_TOTAL_BELOW_36'))).toHaveLength(
      Number(low.rows[0]!.n),
    );
  });
});
