import { hash } from '@node-rs/argon2';
import type pg from 'pg';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export interface PracticeFixture {
  practiceId: string;
  managerId: string;
  therapistIds: string[];
  clientIds: string[];
  clientUserIds: string[];
  emails: { manager: string; therapists: string[]; clients: string[] };
}

/**
 * A practice built directly as the schema owner: a manager, therapists, and clients (each with a
 * sign-in, an open episode, and the first therapist's clients first). Emails are prefixed so
 * several practices can live in one database.
 */
export async function createPractice(
  owner: pg.Pool,
  prefix: string,
  opts: { therapists?: number; clientsPerTherapist?: number; timezone?: string } = {},
): Promise<PracticeFixture> {
  passwordHash ??= hash(TEST_PASSWORD);
  const pw = await passwordHash;
  const therapists = opts.therapists ?? 2;
  const perTherapist = opts.clientsPerTherapist ?? 2;
  const c = await owner.connect();
  try {
    await c.query('BEGIN');
    const {
      rows: [p],
    } = await c.query<{ id: string }>(`INSERT INTO practice (name) VALUES ($1) RETURNING id`, [`${prefix} practice`]);
    const addUser = async (email: string, role: string, name: string) =>
      (
        await c.query<{ id: string }>(
          `INSERT INTO app_user (practice_id, email, password_hash, role, display_name) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
          [p.id, email, pw, role, name],
        )
      ).rows[0].id;
    const emails = { manager: `${prefix}-manager@test.cairn`, therapists: [] as string[], clients: [] as string[] };
    const managerId = await addUser(emails.manager, 'MANAGER', `${prefix} Manager`);
    const therapistIds: string[] = [];
    const clientIds: string[] = [];
    const clientUserIds: string[] = [];
    for (let t = 1; t <= therapists; t++) {
      const email = `${prefix}-therapist${t}@test.cairn`;
      emails.therapists.push(email);
      const therapistId = await addUser(email, 'THERAPIST', `Dr ${prefix} ${t}`);
      therapistIds.push(therapistId);
      for (let k = 1; k <= perTherapist; k++) {
        const n = clientIds.length + 1;
        const email = `${prefix}-client${n}@test.cairn`;
        emails.clients.push(email);
        const userId = await addUser(email, 'CLIENT', `${prefix} Client ${n}`);
        const {
          rows: [client],
        } = await c.query<{ id: string }>(
          `INSERT INTO client (practice_id, therapist_id, user_id, code, display_name, timezone)
           VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
          [
            p.id,
            therapistId,
            userId,
            `${prefix.toUpperCase()}-${String(n).padStart(3, '0')}`,
            `${prefix} Client ${n}`,
            opts.timezone ?? 'America/New_York',
          ],
        );
        await c.query(`INSERT INTO episode (practice_id, client_id, started_on) VALUES ($1,$2,current_date - 30)`, [
          p.id,
          client.id,
        ]);
        await c.query(`INSERT INTO client_summary (practice_id, client_id, therapist_id) VALUES ($1,$2,$3)`, [
          p.id,
          client.id,
          therapistId,
        ]);
        clientIds.push(client.id);
        clientUserIds.push(userId);
      }
    }
    await c.query('COMMIT');
    return { practiceId: p.id, managerId, therapistIds, clientIds, clientUserIds, emails };
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  } finally {
    c.release();
  }
}

/** Rows in a table, counted as the owner (RLS does not apply). */
export async function countRows(
  owner: pg.Pool,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0].n;
}

let keySeq = 0;
/** A fresh idempotency key per submission attempt, as the client UI makes one. */
export function newKey(): string {
  keySeq += 1;
  return `test-key-${Date.now()}-${keySeq}`;
}
