import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session numbers are the episode's sessions in date order (every booked session, whatever became
 * of it). Scheduling used to give a new session max + 1, so one booked between two others got a
 * number after later ones; this puts every episode's numbers back in date order.
 */
export class SessionNumbersInDateOrder1765100000000 implements MigrationInterface {
  name = 'SessionNumbersInDateOrder1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE therapy_session t SET number = o.n
        FROM (SELECT practice_id, id,
                     row_number() OVER (PARTITION BY practice_id, episode_id ORDER BY scheduled_at, created_at, id)::int AS n
                FROM therapy_session) o
       WHERE t.practice_id = o.practice_id AND t.id = o.id AND t.number <> o.n`);
  }

  async down(): Promise<void> {
    // The old numbers were wrong and are not kept: nothing to restore.
  }
}
