import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { generatePractice, seedDemo } from '@cairn/db';
import { ENDED_EPISODES_SQL, type EpisodeRow } from '../../backend/src/modules/report/report.sql.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The report's statement before the episode_outcome rollup: every figure aggregated from the raw
 * rows at read time. The rollup must give the same rows.
 */
const AGGREGATED_FROM_HISTORY_SQL = `
SELECT e.id AS "episodeId", c.code AS "clientCode",
       CASE WHEN $3::boolean THEN c.display_name END AS "clientName",
       COALESCE(s.last_therapist, c.therapist_id) AS "therapistId",
       e.started_on AS "startedOn", e.ended_on AS "endedOn", e.end_reason AS "endReason",
       s.attended,
       (SELECT count(*) FROM unnest(m.alliance_sessions) rated WHERE rated = ANY (s.attended_ids))::int AS "ratedSessions",
       m.phq9[1] AS "phq9First", m.phq9[cardinality(m.phq9)] AS "phq9Last", COALESCE(cardinality(m.phq9), 0) AS "phq9Count",
       m.gad7[1] AS "gad7First", m.gad7[cardinality(m.gad7)] AS "gad7Last", COALESCE(cardinality(m.gad7), 0) AS "gad7Count",
       m.alliance AS "allianceTotals",
       (e.ended_on - e.started_on + 1) AS "episodeDays", mo.days AS "moodDays",
       hw.assignments, hr.done AS "homeworkDone", hr.partial AS "homeworkPartial", hr.not_done AS "homeworkNotDone"
  FROM episode e
  JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE ts.status = 'ATTENDED'))::int AS attended,
          array_agg(ts.id) FILTER (WHERE ts.status = 'ATTENDED') AS attended_ids,
          (array_agg(ts.therapist_id ORDER BY ts.number DESC) FILTER (WHERE ts.status = 'ATTENDED'))[1] AS last_therapist
     FROM therapy_session ts
    WHERE ts.practice_id = e.practice_id AND ts.episode_id = e.id) s
 CROSS JOIN LATERAL (
   SELECT array_agg(mr.total ORDER BY mr.submitted_at, mr.id) FILTER (WHERE mr.instrument_code = 'PHQ9') AS phq9,
          array_agg(mr.total ORDER BY mr.submitted_at, mr.id) FILTER (WHERE mr.instrument_code = 'GAD7') AS gad7,
          array_agg(mr.total) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance,
          array_agg(mr.session_id) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance_sessions
     FROM measure_response mr
    WHERE mr.practice_id = e.practice_id AND mr.episode_id = e.id
      AND mr.instrument_code IN ('PHQ9', 'GAD7', 'ALLIANCE4')) m
 CROSS JOIN LATERAL (
   SELECT count(*)::int AS days FROM mood_entry me
    WHERE me.practice_id = e.practice_id AND me.client_id = e.client_id
      AND me.local_date BETWEEN e.started_on AND e.ended_on) mo
 CROSS JOIN LATERAL (
   SELECT json_agg(json_build_object('frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)) AS assignments,
          array_agg(a.id) AS ids
     FROM homework_assignment a
    WHERE a.practice_id = e.practice_id AND a.client_id = e.client_id AND a.episode_id = e.id) hw
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE r.status = 'DONE'))::int AS done,
          (count(*) FILTER (WHERE r.status = 'PARTIAL'))::int AS partial,
          (count(*) FILTER (WHERE r.status = 'NOT_DONE'))::int AS not_done
     FROM homework_report r
    WHERE r.practice_id = e.practice_id AND r.client_id = e.client_id
      AND r.local_date BETWEEN e.started_on AND e.ended_on AND r.assignment_id = ANY (hw.ids)) hr
 WHERE e.ended_on BETWEEN $1::date AND $2::date
 ORDER BY e.ended_on, c.code, e.id`;

const ALL_TIME = ['1900-01-01', '2100-12-31', true];

/** Finished episodes without a rollup row, and rollup rows whose episode is not finished. */
async function unmatched(db: pg.Pool): Promise<{ missing: number; extra: number }> {
  const { rows } = await db.query<{ missing: number; extra: number }>(
    `SELECT (SELECT count(*) FROM episode e WHERE e.ended_on IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM episode_outcome o WHERE o.practice_id = e.practice_id AND o.episode_id = e.id))::int AS missing,
            (SELECT count(*) FROM episode_outcome o WHERE NOT EXISTS (
               SELECT 1 FROM episode e WHERE e.practice_id = o.practice_id AND e.id = o.episode_id AND e.ended_on IS NOT NULL))::int AS extra`,
  );
  return rows[0];
}

async function expectRollupMatchesHistory(db: pg.Pool): Promise<number> {
  expect(await unmatched(db)).toEqual({ missing: 0, extra: 0 });
  const fresh = (await db.query<EpisodeRow>(AGGREGATED_FROM_HISTORY_SQL, ALL_TIME)).rows;
  const rolled = (await db.query<EpisodeRow>(ENDED_EPISODES_SQL, ALL_TIME)).rows;
  expect(rolled).toEqual(fresh);
  return fresh.length;
}

describe('episode outcome rollup after bulk loads', () => {
  let generated: TestDatabase;
  let demo: TestDatabase;
  beforeAll(async () => {
    [generated, demo] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([generated?.drop(), demo?.drop()]);
  });

  it('equals a fresh aggregation of the raw rows after the generator loads a practice', async () => {
    // The fast path: COPY with triggers off (replica role), then the set-based refresh.
    await generatePractice(generated.ownerUrl, { size: 'S', seed: 11, now: new Date('2026-03-02T15:00:00Z') });
    expect(await expectRollupMatchesHistory(generated.owner)).toBeGreaterThan(100);
  });

  it('equals a fresh aggregation after the demo seed', async () => {
    await seedDemo(demo.ownerUrl, { now: new Date('2026-03-02T15:00:00Z') });
    expect(await expectRollupMatchesHistory(demo.owner)).toBeGreaterThan(0);
  });

  it('is rebuilt by the triggers alone when every finished episode is touched', async () => {
    await generated.owner.query(`DELETE FROM episode_outcome`);
    await generated.owner.query(`UPDATE episode SET end_reason = end_reason WHERE ended_on IS NOT NULL`);
    await expectRollupMatchesHistory(generated.owner);
  });
});

// A hand-built finished episode; every expected figure below is worked out from these rows.
const P = randomUUID();
const T1 = randomUUID();
const T2 = randomUUID();
const X = randomUUID(); // client with the finished episode E and a later open one
const E = randomUUID();
const OPEN = randomUUID();
const S1 = randomUUID();
const S2 = randomUUID();
const S3 = randomUUID();
const HW = randomUUID();

describe('episode outcome rollup on each write', () => {
  let db: TestDatabase;
  let app: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const sql = (text: string, params: unknown[] = []) => db.owner.query(text, params);
    await sql(`INSERT INTO practice (id, name) VALUES ($1, 'Rollup practice')`, [P]);
    await sql(
      `INSERT INTO app_user (practice_id, id, email, role, display_name) VALUES
         ($1, $2, 'eo-t1@example.test', 'THERAPIST', 'T1'), ($1, $3, 'eo-t2@example.test', 'THERAPIST', 'T2')`,
      [P, T1, T2],
    );
    await sql(`INSERT INTO client (practice_id, id, therapist_id, code, timezone) VALUES ($1, $2, $3, 'EO-1', 'UTC')`, [
      P,
      X,
      T1,
    ]);
    // E: 10 days, 1 to 10 March 2025. OPEN: from 1 April.
    await sql(
      `INSERT INTO episode (practice_id, id, client_id, started_on, ended_on, end_reason) VALUES
         ($1, $2, $4, '2025-03-01', '2025-03-10', 'COMPLETED'), ($1, $3, $4, '2025-04-01', NULL, NULL)`,
      [P, E, OPEN, X],
    );
    // Sessions 1 and 2 attended with T1; session 3 still scheduled.
    await sql(
      `INSERT INTO therapy_session (practice_id, id, client_id, episode_id, therapist_id, scheduled_at, number, status) VALUES
         ($1, $2, $5, $6, $7, '2025-03-02T10:00Z', 1, 'ATTENDED'),
         ($1, $3, $5, $6, $7, '2025-03-06T10:00Z', 2, 'ATTENDED'),
         ($1, $4, $5, $6, $7, '2025-03-09T10:00Z', 3, 'SCHEDULED')`,
      [P, S1, S2, S3, X, E, T1],
    );
    // PHQ-9 14 then 8; alliance 37 on session 1.
    await sql(
      `INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source, submitted_at) VALUES
         ($1, $2, $3, NULL, 'PHQ9', '1', '{2,2,2,2,2,2,2,0,0}', 14, 'CLIENT', '2025-03-02T11:00Z'),
         ($1, $2, $3, NULL, 'PHQ9', '1', '{1,1,1,1,1,1,1,1,0}', 8, 'CLIENT', '2025-03-06T11:00Z'),
         ($1, $2, $3, $4, 'ALLIANCE4', '1', '{10,9,9,9}', 37, 'CLIENT', '2025-03-02T11:05Z')`,
      [P, X, E, S1],
    );
    // Mood on 2, 3 and 4 March, and on 20 March (after the episode).
    await sql(
      `INSERT INTO mood_entry (practice_id, client_id, local_date, rating)
       SELECT $1, $2, d::date, 5 FROM unnest('{2025-03-02,2025-03-03,2025-03-04,2025-03-20}'::date[]) d`,
      [P, X],
    );
    // A daily task set on 5 March: reports due 6-10 March (5); done on the 6th, partly on the 7th.
    await sql(
      `INSERT INTO homework_assignment (practice_id, id, client_id, episode_id, title, frequency, assigned_on, created_by)
       VALUES ($1, $2, $3, $4, 'Walk', 'DAILY', '2025-03-05', $5)`,
      [P, HW, X, E, T1],
    );
    await sql(
      `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES
         ($1, $2, $3, '2025-03-06', 'DONE'), ($1, $2, $3, '2025-03-07', 'PARTIAL')`,
      [P, X, HW],
    );
    app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  /** The report's rows for March 2025, as the application role sees them. */
  async function ended(client: pg.ClientBase = app): Promise<EpisodeRow[]> {
    return (await client.query<EpisodeRow>(ENDED_EPISODES_SQL, ['2025-03-01', '2025-03-31', false])).rows;
  }

  /** One application transaction bound to the practice, rolled back at the end. */
  async function inPractice(work: () => Promise<void>): Promise<void> {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.practice_id', $1, true)`, [P]);
      await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  const BEFORE = {
    episodeId: E,
    therapistId: T1,
    startedOn: '2025-03-01',
    endedOn: '2025-03-10',
    attended: 2,
    ratedSessions: 1,
    phq9First: 14,
    phq9Last: 8,
    phq9Count: 2,
    gad7Count: 0,
    allianceTotals: [37],
    episodeDays: 10,
    moodDays: 3,
    assignments: [{ frequency: 'DAILY', assignedOn: '2025-03-05', dueOn: null }],
    homeworkDone: 1,
    homeworkPartial: 1,
    homeworkNotDone: 0,
  };

  it('holds the finished episode as aggregated from its rows', async () => {
    await inPractice(async () => {
      expect(await ended()).toEqual([expect.objectContaining(BEFORE)]);
    });
    expect(await expectRollupMatchesHistory(db.owner)).toBe(1);
  });

  it('takes a late measure, mood entry, homework report and attendance within the writing transaction', async () => {
    await inPractice(async () => {
      await app.query(
        `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source, submitted_at)
         VALUES ($1, $2, $3, 'PHQ9', '1', '{1,1,1,1,1,0,0,0,0}', 5, 'IMPORT', '2025-03-10T12:00Z')`,
        [P, X, E],
      );
      expect(await ended()).toEqual([expect.objectContaining({ phq9First: 14, phq9Last: 5, phq9Count: 3 })]);

      await app.query(
        `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, '2025-03-10', 6)`,
        [P, X],
      );
      expect(await ended()).toEqual([expect.objectContaining({ moodDays: 4 })]);

      await app.query(
        `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES ($1, $2, $3, '2025-03-08', 'NOT_DONE')`,
        [P, X, HW],
      );
      expect(await ended()).toEqual([
        expect.objectContaining({ homeworkDone: 1, homeworkPartial: 1, homeworkNotDone: 1 }),
      ]);

      // Session 3 recorded late as attended, with T2 covering: T2 becomes the attending therapist.
      await app.query(`UPDATE therapy_session SET status = 'ATTENDED', therapist_id = $2 WHERE id = $1`, [S3, T2]);
      await app.query(
        `INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source, submitted_at)
         VALUES ($1, $2, $3, $4, 'ALLIANCE4', '1', '{8,8,8,8}', 32, 'RATING_LINK', '2025-03-11T09:00Z')`,
        [P, X, E, S3],
      );
      expect(await ended()).toEqual([
        expect.objectContaining({ attended: 3, ratedSessions: 2, therapistId: T2, allianceTotals: [37, 32] }),
      ]);

      await app.query(`DELETE FROM mood_entry WHERE client_id = $1 AND local_date = '2025-03-02'`, [X]);
      expect(await ended()).toEqual([expect.objectContaining({ moodDays: 3 })]);
    });
    // Rolled back: the row is as it was.
    await inPractice(async () => {
      expect(await ended()).toEqual([expect.objectContaining(BEFORE)]);
    });
  });

  it('follows the episode when its end date moves and drops it when it is reopened', async () => {
    await inPractice(async () => {
      // Ending on the 6th: 6 days, mood on 2-4 March, one report due (the 6th) and done.
      await app.query(`UPDATE episode SET ended_on = '2025-03-06' WHERE id = $1`, [E]);
      expect(await ended()).toEqual([
        expect.objectContaining({
          endedOn: '2025-03-06',
          episodeDays: 6,
          moodDays: 3,
          homeworkDone: 1,
          homeworkPartial: 0,
        }),
      ]);
      // Ending on the 20th takes in the mood entry of that day.
      await app.query(`UPDATE episode SET ended_on = '2025-03-20' WHERE id = $1`, [E]);
      expect(await ended()).toEqual([expect.objectContaining({ episodeDays: 20, moodDays: 4 })]);

      // A client has one open episode: end the April one, then reopen E.
      await app.query(`UPDATE episode SET ended_on = '2025-04-05', end_reason = 'OTHER' WHERE id = $1`, [OPEN]);
      await app.query(`UPDATE episode SET ended_on = NULL, end_reason = NULL WHERE id = $1`, [E]);
      expect(await ended()).toEqual([]);
      const { rows } = await app.query(`SELECT 1 FROM episode_outcome WHERE episode_id = $1`, [E]);
      expect(rows).toHaveLength(0);
    });
  });

  it('leaves finished episodes alone when a write lands in an open episode or outside them', async () => {
    const refreshedAt = async () =>
      (await db.owner.query<{ at: Date }>(`SELECT refreshed_at AS at FROM episode_outcome WHERE episode_id = $1`, [E]))
        .rows[0]?.at;
    const before = await refreshedAt();
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.practice_id', $1, true)`, [P]);
    await app.query(
      `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, '2025-04-02', 7)`,
      [P, X],
    );
    await app.query(
      `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source)
       VALUES ($1, $2, $3, 'PHQ9', '1', '{0,0,0,0,0,0,0,0,0}', 0, 'CLIENT')`,
      [P, X, OPEN],
    );
    await app.query('COMMIT');
    expect(before).toBeInstanceOf(Date);
    expect(await refreshedAt()).toEqual(before);
    const { rows } = await db.owner.query(`SELECT 1 FROM episode_outcome WHERE episode_id = $1`, [OPEN]);
    expect(rows).toHaveLength(0);
  });

  it('leaves no stale row when two transactions write into one finished episode at once', async () => {
    const other = new pg.Client({ connectionString: db.appUrl });
    await other.connect();
    try {
      for (const c of [app, other]) {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.practice_id', $1, true)`, [P]);
      }
      // The first refreshes the episode with its mood entry and keeps it locked until commit.
      await app.query(
        `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, '2025-03-05', 4)`,
        [P, X],
      );
      const otherPid = (await other.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;
      const second = other.query(
        `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES ($1, $2, $3, '2025-03-09', 'DONE')`,
        [P, X, HW],
      );
      // Wait until the second is queued behind the first's lock, then let the first commit.
      let queued = false;
      for (let polls = 0; polls < 500 && !queued; polls++) {
        const { rows } = await db.owner.query(
          `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
          [otherPid],
        );
        queued = rows.length > 0;
        if (!queued) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(queued).toBe(true);
      await app.query('COMMIT');
      await second;
      await other.query('COMMIT');
      // Both writes are in the row: a refresh from a stale snapshot would miss the mood entry.
      expect(await expectRollupMatchesHistory(db.owner)).toBe(1);
      const [row] = (await db.owner.query<EpisodeRow>(ENDED_EPISODES_SQL, ['2025-03-01', '2025-03-31', false])).rows;
      expect(row).toEqual(expect.objectContaining({ moodDays: 4, homeworkDone: 2 }));
    } finally {
      await other.end();
    }
  });
});
