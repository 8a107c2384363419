import { FLAG_RULE_VERSION } from '@cairn/shared';
import { FlagSweepService } from '../../backend/src/modules/flag/flag-sweep.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, type PracticeFixture } from '../support/fixtures.js';

describe('periodic flag sweep', () => {
  let app: TestApp;
  let p: PracticeFixture;

  beforeAll(async () => {
    app = await startTestApp({ sweepIntervalMinutes: 0 });
    p = await createPractice(app.db.owner, 'sweep', { therapists: 1, clientsPerTherapist: 3, timezone: 'Asia/Tokyo' });
    const moods = (clientIndex: number, fromDaysAgo: number, toDaysAgo: number, rating: number) =>
      app.db.owner.query(
        `INSERT INTO mood_entry (practice_id, client_id, local_date, rating)
         SELECT $1, $2, (now() AT TIME ZONE 'Asia/Tokyo')::date - d, $5 FROM generate_series($4::int, $3::int) d`,
        [p.practiceId, p.clientIds[clientIndex], fromDaysAgo, toDaysAgo, rating],
      );
    await moods(0, 22, 9, 6); // 14 daily entries, then nothing for 9 days: disengaging
    await moods(1, 27, 0, 3); // every day for 28 days at 3: flat and low
    await moods(2, 27, 0, 7); // every day at 7: nothing to flag
  });
  afterAll(() => app.close());

  it('opens DISENGAGING after a week without mood entries and STALLED for flat low mood, once however often it runs', async () => {
    const sweep = app.cairn.app.get(FlagSweepService);
    const first = await sweep.sweepAll();
    const second = await sweep.sweepAll();
    expect(first).toBe(2);
    expect(second).toBe(0);
    expect(await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'DISENGAGING'`, [p.clientIds[0]])).toBe(1);
    expect(await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'STALLED'`, [p.clientIds[1]])).toBe(1);
    expect(await countRows(app.db.owner, 'flag', `client_id = $1`, [p.clientIds[2]])).toBe(0);
    const { rows } = await app.db.owner.query(`SELECT evidence, rule_version FROM flag WHERE client_id = $1`, [
      p.clientIds[0],
    ]);
    expect(rows[0].rule_version).toBe(FLAG_RULE_VERSION);
    expect(rows[0].evidence.triggers[0]).toEqual(expect.objectContaining({ rule: 'MOOD_GAP', daysWithoutEntry: 9 }));
  });

  it('does not re-open a kind the therapist resolved within the last two weeks', async () => {
    await app.db.owner.query(
      `UPDATE flag SET status = 'RESOLVED', resolved_at = now(), resolve_note = 'spoke on the phone' WHERE client_id = $1`,
      [p.clientIds[0]],
    );
    await app.cairn.app.get(FlagSweepService).sweepAll();
    expect(await countRows(app.db.owner, 'flag', `client_id = $1 AND kind = 'DISENGAGING'`, [p.clientIds[0]])).toBe(1);
  });
});
