import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { generatePractice, seedDemo } from '@cairn/db';
import {
  adherenceBetween,
  jointOccasions,
  type HomeworkReportOnDay,
  type HomeworkSchedule,
  type OutcomeMeasure,
} from '@cairn/shared';
import { episodeFacts } from '../../backend/src/modules/report/report.figures.js';
import { ENDED_EPISODES_SQL, type EpisodeRow } from '../../backend/src/modules/report/report.sql.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * Every column of the report's rows except the paired scores and homework counts (checked against
 * the shared functions below), aggregated from the raw rows at read time. The rollup must agree.
 */
const AGGREGATED_FROM_HISTORY_SQL = `
SELECT e.id AS "episodeId", c.code AS "clientCode",
       CASE WHEN $3::boolean THEN c.display_name END AS "clientName",
       COALESCE(s.last_therapist, c.therapist_id) AS "therapistId",
       e.started_on AS "startedOn", e.ended_on AS "endedOn", e.end_reason AS "endReason",
       s.attended,
       (SELECT count(*) FROM unnest(m.alliance_sessions) rated WHERE rated = ANY (s.attended_ids))::int AS "ratedSessions",
       m.phq9_count AS "phq9Count", m.gad7_count AS "gad7Count",
       m.alliance AS "allianceTotals",
       (e.ended_on - e.started_on + 1) AS "episodeDays", mo.days AS "moodDays",
       hw.assignments
  FROM episode e
  JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE ts.status = 'ATTENDED'))::int AS attended,
          array_agg(ts.id) FILTER (WHERE ts.status = 'ATTENDED') AS attended_ids,
          (array_agg(ts.therapist_id ORDER BY ts.number DESC) FILTER (WHERE ts.status = 'ATTENDED'))[1] AS last_therapist
     FROM therapy_session ts
    WHERE ts.practice_id = e.practice_id AND ts.episode_id = e.id) s
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE mr.instrument_code = 'PHQ9'))::int AS phq9_count,
          (count(*) FILTER (WHERE mr.instrument_code = 'GAD7'))::int AS gad7_count,
          array_agg(mr.total) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance,
          array_agg(mr.session_id) FILTER (WHERE mr.instrument_code = 'ALLIANCE4') AS alliance_sessions
     FROM measure_response mr
    WHERE mr.practice_id = e.practice_id AND mr.episode_id = e.id) m
 CROSS JOIN LATERAL (
   SELECT count(*)::int AS days FROM mood_entry me
    WHERE me.practice_id = e.practice_id AND me.client_id = e.client_id
      AND me.local_date BETWEEN e.started_on AND e.ended_on) mo
 CROSS JOIN LATERAL (
   SELECT json_agg(json_build_object('frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)
                   ORDER BY a.assigned_on, a.id) AS assignments
     FROM homework_assignment a
    WHERE a.practice_id = e.practice_id AND a.client_id = e.client_id AND a.episode_id = e.id) hw
 WHERE e.ended_on BETWEEN $1::date AND $2::date
 ORDER BY e.ended_on, c.code, e.id`;

const ALL_TIME = ['1900-01-01', '2100-12-31', true];

/** Every finished episode's PHQ-9 and GAD-7 responses, oldest first, as the raw rows hold them. */
const RESPONSES_SQL = `
SELECT mr.episode_id AS "episodeId", mr.instrument_code AS "instrumentCode", mr.total,
       mr.session_id AS "sessionId", mr.submitted_at AS "submittedAt", c.timezone
  FROM measure_response mr
  JOIN episode e ON e.practice_id = mr.practice_id AND e.id = mr.episode_id AND e.ended_on IS NOT NULL
  JOIN client c ON c.practice_id = e.practice_id AND c.id = e.client_id
 WHERE mr.instrument_code IN ('PHQ9', 'GAD7')
 ORDER BY mr.submitted_at, mr.id`;

/** The client-local calendar day of an instant, by the JavaScript runtime's own time-zone data. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

type PairedColumns = Pick<
  EpisodeRow,
  'jointOccasions' | 'pairedPhq9First' | 'pairedPhq9Last' | 'pairedGad7First' | 'pairedGad7Last'
>;

/**
 * What the shared definition (jointOccasions) makes of each finished episode's raw responses, and
 * the episodes for which pairing each measure on its own (its first and last response) differs.
 */
async function pairedFromSharedDefinition(
  db: pg.Pool,
): Promise<{ byEpisode: Map<string, PairedColumns>; unlikeEachMeasureAlone: number }> {
  const { rows } = await db.query<{
    episodeId: string;
    instrumentCode: string;
    total: number;
    sessionId: string | null;
    submittedAt: Date;
    timezone: string;
  }>(RESPONSES_SQL);
  const byEpisode = new Map<string, OutcomeMeasure[]>();
  for (const r of rows) {
    const list = byEpisode.get(r.episodeId) ?? [];
    list.push({ ...r, localDate: localDay(r.submittedAt, r.timezone) });
    byEpisode.set(r.episodeId, list);
  }
  const alone = (responses: OutcomeMeasure[], code: string) => {
    const totals = responses.filter((r) => r.instrumentCode === code).map((r) => r.total);
    return totals.length >= 2 ? [totals[0], totals[totals.length - 1]] : [null, null];
  };
  let unlikeEachMeasureAlone = 0;
  for (const responses of byEpisode.values()) {
    const { paired } = jointOccasions(responses);
    const joint = [paired?.phq9.first, paired?.phq9.last, paired?.gad7.first, paired?.gad7.last].map((x) => x ?? null);
    if (joint.join() !== [...alone(responses, 'PHQ9'), ...alone(responses, 'GAD7')].join()) unlikeEachMeasureAlone++;
  }
  const paired = new Map(
    [...byEpisode].map(([episodeId, responses]) => {
      const { occasions, paired } = jointOccasions(responses);
      return [
        episodeId,
        {
          jointOccasions: occasions,
          pairedPhq9First: paired?.phq9.first ?? null,
          pairedPhq9Last: paired?.phq9.last ?? null,
          pairedGad7First: paired?.gad7.first ?? null,
          pairedGad7Last: paired?.gad7.last ?? null,
        },
      ];
    }),
  );
  return { byEpisode: paired, unlikeEachMeasureAlone };
}

type HomeworkColumns = Pick<EpisodeRow, 'homeworkDone' | 'homeworkPartial' | 'homeworkNotDone'>;

/**
 * Each finished episode's tasks and every report of them, credited by the caseload's function
 * (adherenceBetween, in @cairn/shared) over the episode's days: the counts the rollup must hold.
 * An episode with nothing due has no adherence, and its counts are not read.
 */
async function homeworkFromSharedDefinition(db: pg.Pool): Promise<Map<string, HomeworkColumns | null>> {
  const { rows } = await db.query<{
    episodeId: string;
    startedOn: string;
    endedOn: string;
    tasks: HomeworkSchedule[];
    reports: HomeworkReportOnDay[];
  }>(
    `SELECT e.id AS "episodeId", e.started_on AS "startedOn", e.ended_on AS "endedOn",
            json_agg(json_build_object('id', a.id, 'frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)) AS tasks,
            COALESCE((SELECT json_agg(json_build_object('assignmentId', r.assignment_id, 'date', r.local_date, 'status', r.status))
                        FROM homework_report r
                        JOIN homework_assignment ra ON ra.practice_id = r.practice_id AND ra.id = r.assignment_id
                       WHERE ra.practice_id = e.practice_id AND ra.episode_id = e.id), '[]') AS reports
       FROM episode e
       JOIN homework_assignment a ON a.practice_id = e.practice_id AND a.episode_id = e.id
      WHERE e.ended_on IS NOT NULL
      GROUP BY e.practice_id, e.id`,
  );
  return new Map(
    rows.map((r) => {
      const window = adherenceBetween(r.tasks, r.reports, r.startedOn, r.endedOn);
      return [
        r.episodeId,
        window && { homeworkDone: window.done, homeworkPartial: window.partial, homeworkNotDone: window.notDone },
      ];
    }),
  );
}

const NO_PAIRS: PairedColumns = {
  jointOccasions: 0,
  pairedPhq9First: null,
  pairedPhq9Last: null,
  pairedGad7First: null,
  pairedGad7Last: null,
};

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

/**
 * The rollup equals a fresh aggregation of the raw rows, and its paired scores equal the shared
 * definition applied to the raw responses. Returns the number of finished episodes and how many
 * have paired scores.
 */
async function expectRollupMatchesHistory(
  db: pg.Pool,
): Promise<{ episodes: number; paired: number; unlikeEachMeasureAlone: number; homework: number }> {
  expect(await unmatched(db)).toEqual({ missing: 0, extra: 0 });
  const fresh = (await db.query<EpisodeRow>(AGGREGATED_FROM_HISTORY_SQL, ALL_TIME)).rows;
  const rolled = (await db.query<EpisodeRow>(ENDED_EPISODES_SQL, ALL_TIME)).rows;
  const shared = await pairedFromSharedDefinition(db);
  const pairedOf = (r: EpisodeRow): PairedColumns => ({
    jointOccasions: r.jointOccasions,
    pairedPhq9First: r.pairedPhq9First,
    pairedPhq9Last: r.pairedPhq9Last,
    pairedGad7First: r.pairedGad7First,
    pairedGad7Last: r.pairedGad7Last,
  });
  expect(rolled.map(pairedOf)).toEqual(rolled.map((r) => shared.byEpisode.get(r.episodeId) ?? NO_PAIRS));
  // Homework: where anything fell due, the counts adherenceBetween credits; else none credited.
  const homework = await homeworkFromSharedDefinition(db);
  const homeworkOf = (r: EpisodeRow): HomeworkColumns => ({
    homeworkDone: r.homeworkDone,
    homeworkPartial: r.homeworkPartial,
    homeworkNotDone: r.homeworkNotDone,
  });
  expect(rolled.filter((r) => homework.get(r.episodeId)).map(homeworkOf)).toEqual(
    rolled.flatMap((r) => homework.get(r.episodeId) ?? []),
  );
  // Every other column as aggregated afresh.
  expect(rolled).toEqual(fresh.map((row, i) => ({ ...row, ...pairedOf(rolled[i]), ...homeworkOf(rolled[i]) })));
  return {
    episodes: fresh.length,
    paired: rolled.filter((r) => r.jointOccasions >= 2).length,
    unlikeEachMeasureAlone: shared.unlikeEachMeasureAlone,
    homework: [...homework.values()].filter(Boolean).length,
  };
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
    const { episodes, paired, unlikeEachMeasureAlone, homework } = await expectRollupMatchesHistory(generated.owner);
    expect(episodes).toBeGreaterThan(100);
    expect(homework).toBeGreaterThan(50);
    expect(paired).toBeGreaterThan(50);
    // The practice holds episodes whose last PHQ-9 and GAD-7 come from different sessions, so the
    // comparison tells the definitions apart.
    expect(unlikeEachMeasureAlone).toBeGreaterThan(10);
  }, 180_000); // generating the practice takes most of a minute on a busy 2-core machine

  it('equals a fresh aggregation after the demo seed', async () => {
    await seedDemo(demo.ownerUrl, { now: new Date('2026-03-02T15:00:00Z') });
    expect((await expectRollupMatchesHistory(demo.owner)).episodes).toBeGreaterThan(0);
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
    // PHQ-9 alone, never with a GAD-7: no joint occasion, so no paired scores.
    ...NO_PAIRS,
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
      const rows = await ended();
      expect(rows).toEqual([expect.objectContaining(BEFORE)]);
      // Due 6-10 March (5 reports); done + half of partly done = 1.5: 1.5 / 5 = 0.3.
      expect(episodeFacts(rows[0]).homeworkAdherence).toBeCloseTo(0.3, 10);
      expect(episodeFacts(rows[0]).outcome.finished).toBe(false);
    });
    expect((await expectRollupMatchesHistory(db.owner)).episodes).toBe(1);
  });

  it('takes a late measure, mood entry, homework report and attendance within the writing transaction', async () => {
    await inPractice(async () => {
      await app.query(
        `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source, submitted_at)
         VALUES ($1, $2, $3, 'PHQ9', '1', '{1,1,1,1,1,0,0,0,0}', 5, 'IMPORT', '2025-03-10T12:00Z')`,
        [P, X, E],
      );
      expect(await ended()).toEqual([expect.objectContaining({ ...NO_PAIRS, phq9Count: 3 })]);
      // GAD-7s outside sessions on 2 and 10 March (UTC client): those days become joint occasions,
      // PHQ-9 14 with GAD-7 11, then PHQ-9 5 with GAD-7 6 (the 6 March PHQ-9 has no GAD-7).
      await app.query(
        `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source, submitted_at)
         VALUES ($1, $2, $3, 'GAD7', '1', '{2,2,2,2,1,1,1}', 11, 'CLIENT', '2025-03-02T18:00Z'),
                ($1, $2, $3, 'GAD7', '1', '{1,1,1,1,1,1,0}', 6, 'IMPORT', '2025-03-10T12:05Z')`,
        [P, X, E],
      );
      const [paired] = await ended();
      expect(paired).toEqual(
        expect.objectContaining({
          jointOccasions: 2,
          pairedPhq9First: 14,
          pairedPhq9Last: 5,
          pairedGad7First: 11,
          pairedGad7Last: 6,
        }),
      );
      // 14 -> 5 and 11 -> 6: at caseness at the start, below it on both at the end; PHQ-9 -9 >= 6.
      expect(episodeFacts(paired).outcome).toMatchObject({ finished: true, recovery: true, reliableImprovement: true });

      await app.query(
        `INSERT INTO mood_entry (practice_id, client_id, local_date, rating) VALUES ($1, $2, '2025-03-10', 6)`,
        [P, X],
      );
      expect(await ended()).toEqual([expect.objectContaining({ moodDays: 4 })]);

      await app.query(
        `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES ($1, $2, $3, '2025-03-08', 'NOT_DONE')`,
        [P, X, HW],
      );
      const [withNotDone] = await ended();
      expect(withNotDone).toEqual(expect.objectContaining({ homeworkDone: 1, homeworkPartial: 1, homeworkNotDone: 1 }));
      expect(episodeFacts(withNotDone).homeworkAdherence).toBeCloseTo(0.3, 10); // still 1.5 / 5
      // A report two days after the episode ended answers 12 March, outside it: the trigger finds the
      // episode through the task and refreshes it, and the report does not count.
      await app.query(
        `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES ($1, $2, $3, '2025-03-12', 'DONE')`,
        [P, X, HW],
      );
      const [late] = await ended();
      expect(late).toEqual(expect.objectContaining({ homeworkDone: 1, homeworkPartial: 1, homeworkNotDone: 1 }));
      expect(episodeFacts(late).homeworkAdherence).toBeCloseTo(0.3, 10);

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
      const [shorter] = await ended();
      expect(shorter).toEqual(
        expect.objectContaining({
          endedOn: '2025-03-06',
          episodeDays: 6,
          moodDays: 3,
          homeworkDone: 1,
          homeworkPartial: 0,
        }),
      );
      expect(episodeFacts(shorter).homeworkAdherence).toBe(1);
      // Ending on the 20th takes in the mood entry of that day.
      await app.query(`UPDATE episode SET ended_on = '2025-03-20' WHERE id = $1`, [E]);
      expect(await ended()).toEqual([expect.objectContaining({ episodeDays: 20, moodDays: 4 })]);

      // A client's episodes never overlap: remove the April one, then reopen E.
      await app.query(`DELETE FROM episode WHERE id = $1`, [OPEN]);
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
      expect((await expectRollupMatchesHistory(db.owner)).episodes).toBe(1);
      const [row] = (await db.owner.query<EpisodeRow>(ENDED_EPISODES_SQL, ['2025-03-01', '2025-03-31', false])).rows;
      expect(row).toEqual(expect.objectContaining({ moodDays: 4, homeworkDone: 2 }));
    } finally {
      await other.end();
    }
  });
});

describe('paired scores and homework adherence on hand-made episodes', () => {
  let db: TestDatabase;
  const practice = randomUUID();
  const therapist = randomUUID();
  /** One client per episode, so episodes never overlap; returns the episode id. */
  async function episode(
    code: string,
    timezone: string,
    startedOn: string,
    endedOn: string,
    sessions: string[],
  ): Promise<{ client: string; episode: string; sessions: string[] }> {
    const client = randomUUID();
    const id = randomUUID();
    const sessionIds = sessions.map(() => randomUUID());
    await db.owner.query(
      `INSERT INTO client (practice_id, id, therapist_id, code, timezone) VALUES ($1, $2, $3, $4, $5)`,
      [practice, client, therapist, code, timezone],
    );
    await db.owner.query(
      `INSERT INTO episode (practice_id, id, client_id, started_on, ended_on, end_reason) VALUES ($1, $2, $3, $4, $5, 'COMPLETED')`,
      [practice, id, client, startedOn, endedOn],
    );
    for (const [i, at] of sessions.entries()) {
      await db.owner.query(
        `INSERT INTO therapy_session (practice_id, id, client_id, episode_id, therapist_id, scheduled_at, number, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ATTENDED')`,
        [practice, sessionIds[i], client, id, therapist, at, i + 1],
      );
    }
    return { client, episode: id, sessions: sessionIds };
  }
  /** A PHQ-9 or GAD-7 total (answers are not read by the rollup, only checked for length). */
  async function score(
    e: { client: string; episode: string },
    session: string | null,
    code: 'PHQ9' | 'GAD7',
    total: number,
    at: string,
  ): Promise<void> {
    const items = code === 'PHQ9' ? 9 : 7;
    const answers = Array.from({ length: items }, (_, i) => Math.min(3, Math.max(0, total - 3 * i)));
    await db.owner.query(
      `INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version, answers, total, source, submitted_at)
       VALUES ($1, $2, $3, $4, $5, '1', $6, $7, 'CLIENT', $8)`,
      [practice, e.client, e.episode, session, code, answers, total, at],
    );
  }
  async function rowOf(episodeId: string): Promise<EpisodeRow> {
    const { rows } = await db.owner.query<EpisodeRow>(ENDED_EPISODES_SQL, ALL_TIME);
    const row = rows.find((r) => r.episodeId === episodeId);
    if (!row) throw new Error(`no rollup row for ${episodeId}`);
    return row;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.owner.query(`INSERT INTO practice (id, name) VALUES ($1, 'Pairing practice')`, [practice]);
    await db.owner.query(
      `INSERT INTO app_user (practice_id, id, email, role, display_name) VALUES ($1, $2, 'pair-t@example.test', 'THERAPIST', 'T')`,
      [practice, therapist],
    );
  });
  afterAll(async () => {
    await db.drop();
  });

  const WEEKLY = ['2025-03-03T10:00Z', '2025-03-10T10:00Z', '2025-03-17T10:00Z', '2025-03-24T10:00Z'];

  it('pairs the sessions with both measures when the last PHQ-9 and GAD-7 come from different sessions', async () => {
    const e = await episode('PAIR-MIXED', 'UTC', '2025-03-01', '2025-03-31', WEEKLY);
    const [s1, s2, s3, s4] = e.sessions;
    await score(e, s1, 'PHQ9', 18, '2025-03-03T09:50Z');
    await score(e, s1, 'GAD7', 12, '2025-03-03T09:52Z');
    await score(e, s2, 'PHQ9', 12, '2025-03-10T09:50Z');
    await score(e, s2, 'GAD7', 9, '2025-03-10T09:52Z');
    await score(e, s3, 'PHQ9', 8, '2025-03-17T09:50Z');
    await score(e, s4, 'GAD7', 6, '2025-03-24T09:52Z');
    const row = await rowOf(e.episode);
    // Joint occasions: sessions 1 and 2. Each measure alone would pair PHQ-9 18 -> 8, GAD-7 12 -> 6.
    expect(row).toMatchObject({
      jointOccasions: 2,
      pairedPhq9First: 18,
      pairedPhq9Last: 12,
      pairedGad7First: 12,
      pairedGad7Last: 9,
      phq9Count: 3,
      gad7Count: 3,
    });
    // PHQ-9 12 is still at caseness: no recovery (each measure alone would say recovered).
    expect(episodeFacts(row).outcome).toMatchObject({ finished: true, recovery: false, reliableImprovement: true });
  });

  it('gives a single-measure episode and one with a single joint occasion no paired scores', async () => {
    const single = await episode('PAIR-PHQ-ONLY', 'UTC', '2025-03-01', '2025-03-31', WEEKLY.slice(0, 2));
    await score(single, single.sessions[0], 'PHQ9', 16, '2025-03-03T09:50Z');
    await score(single, single.sessions[1], 'PHQ9', 6, '2025-03-10T09:50Z');
    const once = await episode('PAIR-ONCE', 'UTC', '2025-03-01', '2025-03-31', WEEKLY.slice(0, 3));
    await score(once, once.sessions[0], 'PHQ9', 16, '2025-03-03T09:50Z');
    await score(once, once.sessions[0], 'GAD7', 11, '2025-03-03T09:51Z');
    await score(once, once.sessions[1], 'PHQ9', 9, '2025-03-10T09:50Z');
    await score(once, once.sessions[2], 'GAD7', 5, '2025-03-17T09:50Z');
    for (const [e, occasions] of [
      [single, 0],
      [once, 1],
    ] as const) {
      const row = await rowOf(e.episode);
      expect(row).toMatchObject({ ...NO_PAIRS, jointOccasions: occasions });
      // A finished course (>= 2 sessions) without paired scores: data completeness only.
      const facts = episodeFacts(row);
      expect([facts.finishedCourse, facts.outcome.finished]).toEqual([true, false]);
    }
  });

  it("joins responses outside a session by the client's local day, and follows a time zone change", async () => {
    const e = await episode('PAIR-NY', 'America/New_York', '2025-03-01', '2025-03-31', WEEKLY.slice(0, 2));
    // New York is UTC-5 until 9 March, UTC-4 after.
    await score(e, null, 'PHQ9', 15, '2025-03-05T02:00Z'); // 4 March, 21:00 local
    await score(e, null, 'GAD7', 10, '2025-03-05T06:00Z'); // 5 March, 01:00 local
    await score(e, null, 'GAD7', 9, '2025-03-11T23:00Z'); // 11 March, 19:00 local
    await score(e, null, 'PHQ9', 13, '2025-03-12T01:00Z'); // 11 March, 21:00 local
    await score(e, null, 'PHQ9', 7, '2025-03-19T16:00Z'); // 19 March
    await score(e, null, 'GAD7', 7, '2025-03-19T16:05Z');
    // Local days: 4 March PHQ-9 only, 5 March GAD-7 only; joint on 11 and 19 March.
    expect(await rowOf(e.episode)).toMatchObject({
      jointOccasions: 2,
      pairedPhq9First: 13,
      pairedPhq9Last: 7,
      pairedGad7First: 9,
      pairedGad7Last: 7,
    });
    // In UTC the days are 5 March (15 and 10, joint), 11 and 12 March (apart) and 19 March.
    await db.owner.query(`UPDATE client SET timezone = 'UTC' WHERE id = $1`, [e.client]);
    expect(await rowOf(e.episode)).toMatchObject({
      jointOccasions: 2,
      pairedPhq9First: 15,
      pairedPhq9Last: 7,
      pairedGad7First: 10,
      pairedGad7Last: 7,
    });
    expect((await expectRollupMatchesHistory(db.owner)).episodes).toBe(4);
  });

  it('reads a time zone PostgreSQL does not know as UTC instead of failing the write', async () => {
    const { rows } = await db.owner.query<{ known: string; unknown: string }>(
      `SELECT cairn_occasion_day('2025-03-05T02:00Z', 'America/New_York')::text AS known,
              cairn_occasion_day('2025-03-05T02:00Z', 'US/Pacific-New')::text AS unknown`,
    );
    expect(rows[0]).toEqual({ known: '2025-03-04', unknown: '2025-03-05' });
  });

  it('credits each homework report to the due day it answers, as the caseload does', async () => {
    // The demo's RIV-0009, by hand. Episode 30 May - 17 July 2025; two weekly tasks.
    const e = await episode('HW-WEEKLY', 'UTC', '2025-05-30', '2025-07-17', ['2025-06-06T10:00Z', '2025-07-11T10:00Z']);
    const [t1, t2] = [randomUUID(), randomUUID()];
    await db.owner.query(
      `INSERT INTO homework_assignment (practice_id, id, client_id, episode_id, title, frequency, assigned_on, due_on, created_by)
       VALUES ($1, $2, $4, $5, 'Thought record', 'WEEKLY', '2025-06-13', '2025-07-11', $6),
              ($1, $3, $4, $5, 'Activity plan', 'WEEKLY', '2025-06-27', '2025-07-25', $6)`,
      [practice, t1, t2, e.client, e.episode, therapist],
    );
    await db.owner.query(
      `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES
         ($1, $2, $3, '2025-06-20', 'PARTIAL'), ($1, $2, $3, '2025-06-25', 'DONE'),
         ($1, $2, $3, '2025-07-02', 'DONE'), ($1, $2, $3, '2025-07-11', 'DONE'),
         ($1, $2, $4, '2025-07-03', 'DONE'), ($1, $2, $4, '2025-07-11', 'DONE'), ($1, $2, $4, '2025-07-17', 'DONE')`,
      [practice, e.client, t1, t2],
    );
    // Task 1 falls due 20 and 27 June, 4 and 11 July (4); its reports answer 20 June (partly),
    // 27 June, 4 July and 11 July: 3.5. Task 2 falls due 4 and 11 July within the episode (18 and
    // 25 July are after it): 2; its reports answer 4 July, 11 July and 18 July (outside): 2.
    // (3.5 + 2) / 6 = 0.916667. Counting reports by their own date gave (3.5 + 3) / 6, capped at 1.
    const facts = episodeFacts(await rowOf(e.episode));
    expect(facts.homeworkAdherence).toBeCloseTo(5.5 / 6, 10);
  });

  it('credits reports at the edges of a schedule as the shared rule does', async () => {
    // Episode 1-30 June 2025.
    const e = await episode('HW-EDGES', 'UTC', '2025-06-01', '2025-06-30', ['2025-06-02T10:00Z', '2025-06-20T10:00Z']);
    const [once, shortWeekly, daily] = [randomUUID(), randomUUID(), randomUUID()];
    await db.owner.query(
      `INSERT INTO homework_assignment (practice_id, id, client_id, episode_id, title, frequency, assigned_on, due_on, created_by)
       VALUES ($1, $2, $5, $6, 'Letter', 'ONCE', '2025-06-05', '2025-06-12', $7),
              ($1, $3, $5, $6, 'Short weekly', 'WEEKLY', '2025-06-05', '2025-06-10', $7),
              ($1, $4, $5, $6, 'Walk', 'DAILY', '2025-06-20', '2025-06-22', $7)`,
      [practice, once, shortWeekly, daily, e.client, e.episode, therapist],
    );
    await db.owner.query(
      `INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status) VALUES
         ($1, $2, $3, '2025-06-04', 'DONE'), ($1, $2, $3, '2025-06-14', 'PARTIAL'),
         ($1, $2, $4, '2025-06-09', 'DONE'),
         ($1, $2, $5, '2025-06-20', 'DONE'), ($1, $2, $5, '2025-06-21', 'NOT_DONE'), ($1, $2, $5, '2025-06-23', 'DONE')`,
      [practice, e.client, once, shortWeekly, daily],
    );
    // Due: the letter on 12 June (1); the weekly task none (its first week would end on the 12th,
    // after its due date); the walk on 21 and 22 June (2; nothing is due the day it is set): 3.
    // Credited: the letter's report before it was set (4 June) answers nothing, the late one
    // (14 June, partly) answers the 12th; the weekly report nothing; the walk's report on the day
    // it was set nothing, the 21st (not done) and the 23rd (after its due date) nothing.
    // Adherence 0.5 / 3.
    const row = await rowOf(e.episode);
    expect(row).toMatchObject({ homeworkDone: 0, homeworkPartial: 1, homeworkNotDone: 1 });
    expect(episodeFacts(row).homeworkAdherence).toBeCloseTo(0.5 / 3, 10);
    await expectRollupMatchesHistory(db.owner);
  });
});
