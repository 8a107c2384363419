import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/database.js';
import { refreshClientSummaries } from '../../rollups.js';

// Hand-built histories; every expected value below is worked out by hand from these rows.
let db: TestDatabase;
const P = randomUUID();
const OTHER_PRACTICE = randomUUID();
const T = randomUUID();
const T2 = randomUUID();
const A = randomUUID(); // two episodes, full history
const B = randomUUID(); // no history at all
const C = randomUUID(); // scores but no episode
const D = randomUUID(); // another practice
const EP1 = randomUUID();
const EP2 = randomUUID();
const at = (day: number, hour = 12) =>
  `2026-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

async function sql(text: string, params: unknown[] = []): Promise<void> {
  await db.owner.query(text, params);
}

async function measure(
  practice: string,
  client: string,
  episode: string | null,
  code: string,
  answers: number[],
  when: string,
) {
  await sql(
    `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source, submitted_at)
     VALUES ($1, $2, $3, $4, '1', $5, $6, 'CLIENT', $7)`,
    [practice, client, episode, code, answers, answers.reduce((s, x) => s + x, 0), when],
  );
}

/** PHQ-9 answers with the given total (all on the first items). */
function phq(total: number): number[] {
  const answers = new Array<number>(9).fill(0);
  for (let i = 0; total > 0; i = (i + 1) % 8, total--) answers[i]! += 1;
  return answers;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await sql(`INSERT INTO practice (id, name) VALUES ($1, 'Rollup practice'), ($2, 'Other practice')`, [
    P,
    OTHER_PRACTICE,
  ]);
  await sql(
    `INSERT INTO app_user (practice_id, id, email, role, display_name) VALUES
       ($1, $2, 'rollup-t@example.test', 'THERAPIST', 'T'), ($3, $4, 'rollup-t2@example.test', 'THERAPIST', 'T2')`,
    [P, T, OTHER_PRACTICE, T2],
  );
  await sql(
    `INSERT INTO client (practice_id, id, therapist_id, code, timezone) VALUES
       ($1, $2, $5, 'A', 'America/Chicago'), ($1, $3, $5, 'B', 'UTC'), ($1, $4, $5, 'C', 'UTC')`,
    [P, A, B, C, T],
  );
  await sql(`INSERT INTO client (practice_id, id, therapist_id, code, timezone) VALUES ($1, $2, $3, 'D', 'UTC')`, [
    OTHER_PRACTICE,
    D,
    T2,
  ]);
  await sql(
    `INSERT INTO episode (practice_id, id, client_id, started_on, ended_on, end_reason) VALUES
       ($1, $2, $4, '2025-10-01', '2025-12-20', 'COMPLETED'), ($1, $3, $4, '2026-01-05', NULL, NULL)`,
    [P, EP1, EP2, A],
  );

  // A: PHQ-9 20 and 15 in the finished episode, then 18, 12, 9 in the open one.
  await measure(P, A, EP1, 'PHQ9', phq(20), '2025-10-01T12:00:00Z');
  await measure(P, A, EP1, 'PHQ9', phq(15), '2025-11-01T12:00:00Z');
  await measure(P, A, EP2, 'PHQ9', phq(12), at(12));
  await measure(P, A, EP2, 'PHQ9', phq(18), at(5));
  await measure(P, A, EP2, 'PHQ9', phq(9), at(19));
  // A: one GAD-7 (11), in the finished episode only.
  await measure(P, A, EP1, 'GAD7', [2, 2, 2, 2, 1, 1, 1], '2025-10-01T12:00:00Z');
  // A: alliance 38, 39, 30, 37, 40 (inserted out of order).
  await measure(P, A, EP2, 'ALLIANCE4', [10, 10, 10, 10], at(20));
  await measure(P, A, EP2, 'ALLIANCE4', [10, 9, 10, 9], at(6));
  await measure(P, A, EP2, 'ALLIANCE4', [10, 10, 9, 10], at(7));
  await measure(P, A, EP2, 'ALLIANCE4', [8, 7, 5, 10], at(13));
  await measure(P, A, EP2, 'ALLIANCE4', [10, 9, 9, 9], at(14));

  await sql(
    `INSERT INTO mood_entry (practice_id, client_id, local_date, rating, created_at, updated_at) VALUES
       ($1, $2, '2026-01-08', 4, $3, $3), ($1, $2, '2026-01-09', 6, $4, $4), ($1, $2, '2026-01-10', 5, $5, $6)`,
    [P, A, at(8, 20), at(9, 20), at(10, 20), at(21, 9)],
  );
  const sessions: [string, string][] = [
    ['ATTENDED', at(5)],
    ['ATTENDED', at(12)],
    ['NO_SHOW', at(13)],
    ['CANCELLED', at(14)],
    ['ATTENDED', at(19)],
    ['SCHEDULED', at(26)],
  ];
  for (const [i, [status, when]] of sessions.entries()) {
    await sql(
      `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [P, A, EP2, T, when, i + 1, status],
    );
  }
  const assignment = randomUUID();
  await sql(
    `INSERT INTO homework_assignment (practice_id, id, client_id, episode_id, title, frequency, assigned_on, created_by)
     VALUES ($1, $2, $3, $4, 'Walk', 'WEEKLY', '2026-01-05', $5)`,
    [P, assignment, A, EP2, T],
  );
  await sql(
    `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status, created_at) VALUES
       ($1, $2, $3, '2026-01-11', 'DONE', $4), ($1, $2, $3, '2026-01-18', 'PARTIAL', $5)`,
    [P, A, assignment, at(11, 21), at(18, 21)],
  );

  // C: PHQ-9 14 then 10, recorded without an episode.
  await measure(P, C, null, 'PHQ9', phq(14), at(2));
  await measure(P, C, null, 'PHQ9', phq(10), at(9));
  // D (other practice): one PHQ-9.
  await measure(OTHER_PRACTICE, D, null, 'PHQ9', phq(7), at(3));
});

afterAll(async () => {
  await db.drop();
});

interface Summary {
  client_id: string;
  therapist_id: string;
  phq9_baseline: number | null;
  phq9_latest: number | null;
  phq9_latest_at: Date | null;
  phq9_count: number;
  gad7_baseline: number | null;
  gad7_latest: number | null;
  gad7_latest_at: Date | null;
  gad7_count: number;
  alliance_latest: number | null;
  alliance_latest_at: Date | null;
  alliance_previous: number[];
  mood_count: number;
  mood_last_date: string | null;
  sessions_attended: number;
  sessions_missed: number;
  homework_reports: number;
  last_activity_at: Date | null;
}

async function summaries(): Promise<Map<string, Summary>> {
  const { rows } = await db.owner.query<Summary>(
    `SELECT client_id, therapist_id, phq9_baseline, phq9_latest, phq9_latest_at, phq9_count, gad7_baseline, gad7_latest,
            gad7_latest_at, gad7_count, alliance_latest, alliance_latest_at, alliance_previous, mood_count,
            mood_last_date::text AS mood_last_date, sessions_attended, sessions_missed, homework_reports, last_activity_at
       FROM client_summary`,
  );
  return new Map(rows.map((r) => [r.client_id, r]));
}

describe('refreshClientSummaries', () => {
  it("summarises one practice's clients from their history", async () => {
    await expect(refreshClientSummaries(db.owner, P)).resolves.toBe(3);
    const all = await summaries();
    expect(all.has(D)).toBe(false);
    expect(all.get(A)).toEqual({
      client_id: A,
      therapist_id: T,
      phq9_baseline: 18,
      phq9_latest: 9,
      phq9_latest_at: new Date(at(19)),
      phq9_count: 5,
      gad7_baseline: null,
      gad7_latest: 11,
      gad7_latest_at: new Date('2025-10-01T12:00:00Z'),
      gad7_count: 1,
      alliance_latest: 40,
      alliance_latest_at: new Date(at(20)),
      alliance_previous: [37, 30, 39],
      mood_count: 3,
      mood_last_date: '2026-01-10',
      sessions_attended: 3,
      sessions_missed: 2,
      homework_reports: 2,
      // The mood entry of the 10th was edited on the 21st, after every other activity.
      last_activity_at: new Date(at(21, 9)),
    });
    expect(all.get(B)).toEqual({
      client_id: B,
      therapist_id: T,
      phq9_baseline: null,
      phq9_latest: null,
      phq9_latest_at: null,
      phq9_count: 0,
      gad7_baseline: null,
      gad7_latest: null,
      gad7_latest_at: null,
      gad7_count: 0,
      alliance_latest: null,
      alliance_latest_at: null,
      alliance_previous: [],
      mood_count: 0,
      mood_last_date: null,
      sessions_attended: 0,
      sessions_missed: 0,
      homework_reports: 0,
      last_activity_at: null,
    });
    expect(all.get(C)).toMatchObject({
      phq9_baseline: 14,
      phq9_latest: 10,
      phq9_count: 2,
      last_activity_at: new Date(at(9)),
    });
  });

  it('updates existing summaries and covers every practice when none is given', async () => {
    await measure(P, A, EP2, 'ALLIANCE4', [9, 8, 9, 8], at(27));
    await measure(P, A, EP2, 'PHQ9', phq(6), at(27, 11));
    await expect(refreshClientSummaries(db.owner)).resolves.toBe(4);
    const all = await summaries();
    expect(all.get(A)).toMatchObject({
      alliance_latest: 34,
      alliance_previous: [40, 37, 30],
      phq9_baseline: 18,
      phq9_latest: 6,
      phq9_count: 6,
      last_activity_at: new Date(at(27, 12)),
    });
    expect(all.get(D)).toMatchObject({ therapist_id: T2, phq9_baseline: 7, phq9_latest: 7, phq9_count: 1 });
  });
});
