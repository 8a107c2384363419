import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { verifyAuditChain } from '../../backend/src/modules/audit/audit-chain.js';
import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

const TIMELINE = `query($id: ID!) { client(id: $id) { id } }`;
const CASELOAD = `{ caseload { clientId } }`;
const VERIFY_CLI = fileURLToPath(new URL('../../backend/dist/audit-verify.js', import.meta.url));

/** As the app connects: cairn_app, bound to a practice and user by the transaction's settings. */
async function asApp<T>(app: TestApp, tenant: { practiceId: string; userId: string; role: string }, sql: string) {
  const c = new pg.Client({ connectionString: app.db.appUrl });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query(
      `SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true), set_config('app.role', $3, true)`,
      [tenant.practiceId, tenant.userId, tenant.role],
    );
    const result = await c.query<T & pg.QueryResultRow>(sql);
    await c.query('COMMIT');
    return result.rows;
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  } finally {
    await c.end();
  }
}

/** A superuser edit that bypasses the append-only trigger, as an intruder with database access could. */
async function tamper(app: TestApp, sql: string, params: unknown[]): Promise<void> {
  const c = await app.db.owner.connect();
  try {
    await c.query(`SET session_replication_role = replica`);
    await c.query(sql, params);
  } finally {
    await c.query(`RESET session_replication_role`);
    c.release();
  }
}

async function verify(app: TestApp, practiceId: string) {
  const c = await app.db.owner.connect();
  try {
    return await verifyAuditChain(c, practiceId);
  } finally {
    c.release();
  }
}

describe('the audit trail', () => {
  let app: TestApp;
  let p: PracticeFixture;
  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'chain', { therapists: 2, clientsPerTherapist: 3 });
  });
  afterAll(() => app.close());

  it('cannot be written by the app role directly: INSERT, UPDATE and DELETE are refused', async () => {
    const tenant = { practiceId: p.practiceId, userId: p.therapistIds[0], role: 'THERAPIST' };
    await expect(
      asApp(
        app,
        tenant,
        `INSERT INTO audit_event (practice_id, actor_id, actor_role, action, outcome)
         VALUES ('${p.practiceId}', '${p.managerId}', 'MANAGER', 'forged', 'ALLOWED')`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp(app, tenant, `UPDATE audit_event SET outcome = 'DENIED'`)).rejects.toThrow(/permission denied/);
    await expect(asApp(app, tenant, `DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
  });

  it("is written only through cairn_audit, which records the transaction's own actor, role and practice", async () => {
    const tenant = { practiceId: p.practiceId, userId: p.therapistIds[1], role: 'THERAPIST' };
    await asApp(
      app,
      tenant,
      `SELECT cairn_audit('probe', 'ALLOWED', 'client', ARRAY['${p.clientIds[0]}'::uuid], 'r-probe')`,
    );
    const { rows } = await app.db.owner.query(
      `SELECT practice_id, actor_id, actor_role, subject_id, action FROM audit_event WHERE request_id = 'r-probe'`,
    );
    expect(rows).toEqual([
      {
        practice_id: p.practiceId,
        actor_id: p.therapistIds[1],
        actor_role: 'THERAPIST',
        subject_id: p.clientIds[0],
        action: 'probe',
      },
    ]);
    // Even the schema owner cannot quietly edit a row: the table is append-only.
    await expect(
      app.db.owner.query(`UPDATE audit_event SET action = 'edited' WHERE request_id = 'r-probe'`),
    ).rejects.toThrow(/append-only/);
  });

  it('chains every row of a practice, also when many requests audit at once, and the verifier finds it whole', async () => {
    const therapists = await Promise.all(p.emails.therapists.map((e) => signIn(app, e, TEST_PASSWORD)));
    const reads = [];
    for (let i = 0; i < 40; i++) {
      const agent = therapists[i % 2];
      const own = p.clientIds.slice((i % 2) * 3, (i % 2) * 3 + 3);
      reads.push(i % 4 === 0 ? gql(agent, CASELOAD) : gql(agent, TIMELINE, { id: own[i % 3] }));
    }
    const results = await Promise.all(reads);
    expect(results.filter((r) => r.errors)).toEqual([]);
    const { rows } = await app.db.owner.query<{ n: number; max: string; distinct_seq: number }>(
      `SELECT count(*)::int AS n, max(chain_seq) AS max, count(DISTINCT chain_seq)::int AS distinct_seq
         FROM audit_event WHERE practice_id = $1`,
      [p.practiceId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(40);
    expect(Number(rows[0].max)).toBe(rows[0].n);
    expect(rows[0].distinct_seq).toBe(rows[0].n);
    const report = await verify(app, p.practiceId);
    expect(report).toEqual(expect.objectContaining({ rows: rows[0].n, brokenAt: null }));
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports the first broken link: an edited row, a deleted row, a row missing at the end', async () => {
    const q = await createPractice(app.db.owner, 'tamper', { therapists: 1, clientsPerTherapist: 2 });
    const therapist = await signIn(app, q.emails.therapists[0], TEST_PASSWORD);
    for (let i = 0; i < 10; i++) await gql(therapist, TIMELINE, { id: q.clientIds[i % 2] });
    const row = async (seq: number) =>
      (
        await app.db.owner.query<{ id: string }>(
          `SELECT id FROM audit_event WHERE practice_id = $1 AND chain_seq = $2`,
          [q.practiceId, seq],
        )
      ).rows[0];
    expect((await verify(app, q.practiceId)).brokenAt).toBeNull();

    const sixth = await row(6);
    await tamper(app, `UPDATE audit_event SET actor_role = 'MANAGER' WHERE practice_id = $1 AND id = $2`, [
      q.practiceId,
      sixth.id,
    ]);
    expect((await verify(app, q.practiceId)).brokenAt).toEqual({
      seq: 6,
      id: sixth.id,
      reason: 'its content does not match its hash',
    });

    // Rewriting the row's own hash too does not help: the next row still points at the old one.
    await tamper(
      app,
      `UPDATE audit_event a SET row_hash = cairn_audit_row_hash(a) WHERE practice_id = $1 AND id = $2`,
      [q.practiceId, sixth.id],
    );
    const seventh = await row(7);
    expect((await verify(app, q.practiceId)).brokenAt).toEqual({
      seq: 7,
      id: seventh.id,
      reason: 'its previous-row hash does not match the row before it',
    });

    await tamper(app, `DELETE FROM audit_event WHERE practice_id = $1 AND chain_seq <= 7 AND chain_seq >= 3`, [
      q.practiceId,
    ]);
    expect((await verify(app, q.practiceId)).brokenAt).toEqual(
      expect.objectContaining({ seq: 3, id: null, reason: 'row 3 is missing (the next row is 8)' }),
    );
  });

  it('notices rows cut from the end of the chain, and the CLI reports the broken row with a failing exit code', async () => {
    const q = await createPractice(app.db.owner, 'tail', { therapists: 1, clientsPerTherapist: 1 });
    const therapist = await signIn(app, q.emails.therapists[0], TEST_PASSWORD);
    for (let i = 0; i < 4; i++) await gql(therapist, TIMELINE, { id: q.clientIds[0] });
    const cli = () =>
      spawnSync(process.execPath, [VERIFY_CLI, '--practice', q.practiceId], {
        env: { ...process.env, DATABASE_URL: app.db.ownerUrl },
        encoding: 'utf8',
      });
    const whole = cli();
    expect(whole.stdout).toContain(`Audit chain of practice ${q.practiceId} holds: 4 rows`);
    expect(whole.status).toBe(0);

    await tamper(app, `DELETE FROM audit_event WHERE practice_id = $1 AND chain_seq = 4`, [q.practiceId]);
    expect((await verify(app, q.practiceId)).brokenAt).toEqual({
      seq: 4,
      id: null,
      reason: 'the chain head records 4 rows, 3 are present',
    });
    const cut = cli();
    expect(cut.stdout).toContain('is BROKEN at row 4');
    expect(cut.status).toBe(1);
  });
});

describe('an identifiable export download', () => {
  let app: TestApp;
  let p: PracticeFixture;
  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'idexp', { therapists: 1, clientsPerTherapist: 3 });
    // Questionnaire responses for the first two clients only.
    for (const clientId of p.clientIds.slice(0, 2)) {
      await app.db.owner.query(
        `INSERT INTO measure_response (practice_id, client_id, episode_id, instrument_code, instrument_version, answers, total, source, submitted_at)
         SELECT $1, $2, e.id, 'PHQ9', '1', '{1,1,1,1,1,1,1,1,0}', 8, 'CLIENT', now() - interval '2 days'
           FROM episode e WHERE e.practice_id = $1 AND e.client_id = $2`,
        [p.practiceId, clientId],
      );
    }
  });
  afterAll(() => app.close());

  const identifiableExport = async () => {
    const manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
    const to = new Date().toISOString().slice(0, 10);
    const created = await gql<{ createExport: { id: string; url: string } }>(
      manager,
      `mutation($input: CreateExportInput!) { createExport(input: $input) { id url } }`,
      { input: { format: 'CSV', dataset: 'MEASURES', from: '2022-01-01', to, identifiable: true } },
    );
    expect(created.errors).toBeUndefined();
    const res = await manager.get(created.data!.createExport.url);
    expect(res.status).toBe(200);
    expect(res.text).toContain('idexp Client 1');
    return created.data!.createExport.id;
  };
  const clientRows = async () =>
    (
      await app.db.owner.query<{ subject_id: string; actor_id: string }>(
        `SELECT subject_id, actor_id FROM audit_event
          WHERE action = 'exportDownloadIdentifiable' AND subject_type = 'client' ORDER BY subject_id`,
      )
    ).rows;

  it("writes one audit row per client whose identifiable data it contains, in that client's trail", async () => {
    await identifiableExport();
    expect(await clientRows()).toEqual(
      [...p.clientIds.slice(0, 2)].sort().map((id) => ({ subject_id: id, actor_id: p.managerId })),
    );
    // The client's own trail, as a manager reads it, shows the export.
    const manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
    const trail = await gql<{ auditTrail: { action: string }[] }>(
      manager,
      `query($id: ID!) { auditTrail(clientId: $id) { action } }`,
      { id: p.clientIds[0] },
    );
    expect(trail.data?.auditTrail.map((e) => e.action)).toContain('exportDownloadIdentifiable');
  });
});
