import { GAD7, PHQ9 } from '@cairn/shared';
import ExcelJS from 'exceljs';
import type { Stream } from 'node:stream';
import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const CREATE = `mutation($input: CreateExportInput!) { createExport(input: $input) { id format dataset status url createdAt expiresAt identifiable } }`;
const PROGRESS = `query($id: ID!) { exportProgress(id: $id) { id status rowsWritten } }`;
const REPORT = `query($input: PracticeReportInput!) { practiceReport(input: $input) {
  practice { finishedCourses finishedEpisodes atCaseness
    recovery { numerator denominator } reliableImprovement { numerator denominator }
    reliableRecovery { numerator } reliableDeterioration { numerator } phq9Response { numerator denominator } }
  therapists { therapistId } } }`;

const PERIOD = { from: '2025-01-01', to: '2025-06-30' };
const CLIENT_NAME = 'Zebulon Quixote';
const SECRET = 'SECRET-FREE-TEXT';

interface Created {
  id: string;
  format: string;
  dataset: string;
  status: string;
  url: string;
  identifiable: boolean;
}

/** Collects a response body as bytes, whatever its content type. */
function bytes(res: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endField();
    } else if (!quoted && ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (quoted || ch !== '\r') {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('exports', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let manager: Agent;
  let otherManager: Agent;
  let foreignManager: Agent;
  let therapist: Agent;

  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'exp', { therapists: 2, clientsPerTherapist: 0 });
    const foreign = await createPractice(app.db.owner, 'expother', { therapists: 1, clientsPerTherapist: 0 });
    const db = app.db.owner;
    await db.query(
      `INSERT INTO app_user (practice_id, email, password_hash, role, display_name)
       SELECT practice_id, 'exp-manager2@test.cairn', password_hash, 'MANAGER', 'Second Manager' FROM app_user WHERE id = $1`,
      [p.managerId],
    );
    // 40 clients, alternately the two therapists', each with one 40-day episode ending in the period:
    // 2-4 attended sessions and a no-show, PHQ-9 and GAD-7 at sessions 1, 3 and 5 with varied change,
    // an alliance rating on session 1; free text (comments, notes) everywhere it can be.
    await db.query(
      `INSERT INTO client (practice_id, therapist_id, code, display_name, timezone)
       SELECT $1::uuid, ($2::uuid[])[1 + i % 2], 'EX-' || lpad(i::text, 3, '0'),
              CASE WHEN i = 1 THEN '=HYPERLINK("x"), ${CLIENT_NAME}' ELSE '${CLIENT_NAME} ' || i END, 'Europe/London'
         FROM generate_series(1, 40) i`,
      [p.practiceId, p.therapistIds],
    );
    await db.query(
      `INSERT INTO episode (practice_id, client_id, started_on, ended_on, end_reason)
       SELECT c.practice_id, c.id, date '2025-02-01' + n, date '2025-02-01' + n + 40, 'COMPLETED'
         FROM (SELECT c.*, substr(c.code, 4)::int AS n FROM client c WHERE c.practice_id = $1) c`,
      [p.practiceId],
    );
    await db.query(
      `INSERT INTO therapy_session (practice_id, client_id, episode_id, therapist_id, scheduled_at, number, status)
       SELECT e.practice_id, e.client_id, e.id, c.therapist_id, e.started_on + (k - 1) * 7 + time '09:00', k,
              CASE WHEN k <= 2 + substr(c.code, 4)::int % 3 THEN 'ATTENDED' ELSE 'NO_SHOW' END
         FROM episode e JOIN client c ON c.id = e.client_id, generate_series(1, 5) k WHERE e.practice_id = $1`,
      [p.practiceId],
    );
    await db.query(
      `WITH s AS (
         SELECT ts.*, substr(c.code, 4)::int AS n FROM therapy_session ts JOIN client c ON c.id = ts.client_id
          WHERE ts.practice_id = $1 AND ts.number IN (1, 3, 5)),
       scored AS (
         SELECT s.*, 'PHQ9' AS code, 9 AS items,
                GREATEST(0, LEAST(27, CASE s.number WHEN 1 THEN 8 + s.n % 12 WHEN 3 THEN 8 + s.n % 12 - 1
                                      ELSE 8 + s.n % 12 - (s.n % 9) + 2 END)) AS total FROM s
         UNION ALL
         SELECT s.*, 'GAD7', 7, GREATEST(0, LEAST(21, CASE s.number WHEN 1 THEN 5 + s.n % 10 ELSE 5 + s.n % 10 - s.n % 6 END)) FROM s)
       INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version,
                                     answers, total, comment, source, submitted_at)
       SELECT practice_id, client_id, episode_id, id, code, '1',
              ARRAY(SELECT LEAST(3, GREATEST(0, total - (k - 1) * 3))::smallint FROM generate_series(1, items) k),
              total, '${SECRET} questionnaire comment', 'CLIENT', scheduled_at + interval '1 hour'
         FROM scored`,
      [p.practiceId],
    );
    await db.query(
      `INSERT INTO measure_response (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version,
                                    answers, total, comment, source, submitted_at)
       SELECT practice_id, client_id, episode_id, id, 'ALLIANCE4', '1', '{9,9,10,8}', 36, '${SECRET} alliance comment', 'RATING_LINK',
              scheduled_at + interval '2 hours'
         FROM therapy_session WHERE practice_id = $1 AND number = 1`,
      [p.practiceId],
    );
    await db.query(
      `INSERT INTO mood_entry (practice_id, client_id, local_date, rating, note)
       SELECT e.practice_id, e.client_id, e.started_on + d, 1 + d % 10, '${SECRET} mood note'
         FROM episode e, generate_series(0, 9) d WHERE e.practice_id = $1`,
      [p.practiceId],
    );
    await db.query(
      `WITH a AS (
         INSERT INTO homework_assignment (practice_id, client_id, episode_id, title, instructions, frequency, assigned_on, due_on, created_by)
         SELECT e.practice_id, e.client_id, e.id, 'Walk', '${SECRET} instructions', 'DAILY', e.started_on, e.started_on + 6, c.therapist_id
           FROM episode e JOIN client c ON c.id = e.client_id WHERE e.practice_id = $1 RETURNING *)
       INSERT INTO homework_report (practice_id, client_id, assignment_id, local_date, status, note)
       SELECT practice_id, client_id, id, assigned_on + 1, 'DONE', '${SECRET} homework note' FROM a`,
      [p.practiceId],
    );
    await db.query(
      `INSERT INTO flag (practice_id, client_id, kind, severity, status, evidence, rule_version, acknowledge_note)
       SELECT practice_id, id, 'STALLED', 'MEDIUM', 'ACKNOWLEDGED', '{}', 'test', '${SECRET} flag note' FROM client WHERE practice_id = $1`,
      [p.practiceId],
    );
    manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
    otherManager = await signIn(app, 'exp-manager2@test.cairn', TEST_PASSWORD);
    foreignManager = await signIn(app, foreign.emails.manager, TEST_PASSWORD);
    therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
  });
  afterAll(() => app.close());

  async function create(input: Record<string, unknown>, agent: Agent = manager): Promise<Created> {
    const res = await gql<{ createExport: Created }>(agent, CREATE, { input: { ...PERIOD, ...input } });
    expect(res.errors).toBeUndefined();
    return res.data?.createExport as Created;
  }

  async function download(url: string, agent: Agent = manager) {
    const res = await agent.get(url).buffer(true).parse(bytes);
    return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
  }

  async function report() {
    const res = await gql<{
      practiceReport: {
        practice: {
          finishedCourses: number;
          finishedEpisodes: number;
          atCaseness: number;
          recovery: { numerator: number; denominator: number };
          reliableImprovement: { numerator: number; denominator: number };
          reliableRecovery: { numerator: number };
          reliableDeterioration: { numerator: number };
          phq9Response: { numerator: number; denominator: number };
        };
        therapists: { therapistId: string }[];
      };
    }>(manager, REPORT, { input: PERIOD });
    expect(res.errors).toBeUndefined();
    return res.data!.practiceReport;
  }

  describe('CSV', () => {
    it('of episodes parses back to the figures of the practice report', async () => {
      const created = await create({ format: 'CSV' });
      expect(created).toEqual(
        expect.objectContaining({
          format: 'CSV',
          dataset: 'EPISODES',
          status: 'READY',
          identifiable: false,
          url: `/exports/${created.id}`,
        }),
      );
      const res = await download(created.url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="cairn-episodes-2025-01-01-to-2025-06-30\.csv"$/,
      );
      const rows = records(res.body.toString('utf8'));
      const { practice } = await report();
      const sum = (column: string, where: (r: Record<string, string>) => boolean = () => true) =>
        rows.filter(where).reduce((n, r) => n + Number(r[column]), 0);
      const paired = (r: Record<string, string>) => r.paired_scores === '1';
      // Every finished course is a row; paired ones are the report's finished episodes.
      expect(practice.finishedCourses).toBeGreaterThan(20);
      expect(rows).toHaveLength(practice.finishedCourses);
      expect(sum('paired_scores')).toBe(practice.finishedEpisodes);
      expect(sum('caseness', paired)).toBe(practice.atCaseness);
      expect(sum('recovery')).toBe(practice.recovery.numerator);
      expect(rows.filter((r) => paired(r) && r.caseness === '1')).toHaveLength(practice.recovery.denominator);
      expect(sum('reliable_improvement')).toBe(practice.reliableImprovement.numerator);
      expect(sum('reliable_recovery')).toBe(practice.reliableRecovery.numerator);
      expect(sum('reliable_deterioration')).toBe(practice.reliableDeterioration.numerator);
      expect(sum('phq9_response')).toBe(practice.phq9Response.numerator);
      // Codes, not names.
      expect(rows[0].client_code).toMatch(/^EX-\d{3}$/);
      expect(Object.keys(rows[0])).not.toContain('client_name');
    });

    it('of measures has one row per response in the period, without comments', async () => {
      const created = await create({ format: 'CSV', dataset: 'MEASURES' });
      const res = await download(created.url);
      const text = res.body.toString('utf8');
      const rows = records(text);
      const { rows: counted } = await app.db.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM measure_response WHERE practice_id = $1`,
        [p.practiceId],
      );
      expect(rows).toHaveLength(counted[0].n);
      expect(Object.keys(rows[0])).toEqual([
        'client_code',
        'instrument',
        'instrument_version',
        'submitted_at',
        'total',
        'answers',
      ]);
      const phq9 = rows.find((r) => r.instrument === 'PHQ9');
      expect(phq9?.answers.split(';')).toHaveLength(9);
      expect(phq9?.answers.split(';').reduce((n, a) => n + Number(a), 0)).toBe(Number(phq9?.total));
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(CLIENT_NAME);
    });

    it('identifiable adds client names, defused against formulas, and still no free text', async () => {
      const created = await create({ format: 'CSV', identifiable: true });
      expect(created.identifiable).toBe(true);
      const res = await download(created.url);
      expect(res.headers['content-disposition']).toMatch(/identifiable\.csv"$/);
      const text = res.body.toString('utf8');
      const rows = records(text);
      expect(rows.find((r) => r.client_code === 'EX-002')?.client_name).toBe(`${CLIENT_NAME} 2`);
      expect(rows.find((r) => r.client_code === 'EX-001')?.client_name).toBe(`'=HYPERLINK("x"), ${CLIENT_NAME}`);
      expect(text).not.toContain(SECRET);
    });
  });

  it('XLSX opens with Summary, Episodes and Measures sheets that agree with the report', async () => {
    const created = await create({ format: 'XLSX' });
    const res = await download(created.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Episodes', 'Measures']);
    const { practice, therapists } = await report();
    const summary = workbook.getWorksheet('Summary')!;
    const headers = summary.getRow(1).values as unknown[];
    const cell = (row: number, header: string) => summary.getRow(row).getCell(headers.indexOf(header)).value;
    expect(cell(2, 'scope')).toBe('Practice');
    expect(cell(2, 'finished_episodes')).toBe(practice.finishedEpisodes);
    expect(cell(2, 'recovery_n')).toBe(practice.recovery.numerator);
    expect(cell(2, 'recovery_of')).toBe(practice.recovery.denominator);
    expect(summary.rowCount).toBe(1 + 1 + therapists.length);
    expect(workbook.getWorksheet('Episodes')!.rowCount).toBe(1 + practice.finishedCourses);
    const { rows: counted } = await app.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM measure_response WHERE practice_id = $1`,
      [p.practiceId],
    );
    expect(workbook.getWorksheet('Measures')!.rowCount).toBe(1 + counted[0].n);
    // De-identified: no cell holds a name or free text.
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
    expect(texts.some((t) => t.includes(CLIENT_NAME) || t.includes(SECRET))).toBe(false);
  });

  it('PDF has the headline page and one page per therapist', async () => {
    const created = await create({ format: 'PDF' });
    const res = await download(created.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = res.body.toString('latin1');
    const pages = pdf.match(/\/Type \/Page(?!s)/g) ?? [];
    // Page 1 (figures and funnel) + 2 therapists.
    expect(pages).toHaveLength(3);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  describe('FHIR', () => {
    interface Entry {
      fullUrl: string;
      resource: Record<string, unknown> & { resourceType: string; id: string };
    }
    let bundle: { resourceType: string; type: string; entry: Entry[] };
    let text: string;

    beforeAll(async () => {
      const created = await create({ format: 'FHIR' });
      const res = await download(created.url);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      text = res.body.toString('utf8');
      bundle = JSON.parse(text) as typeof bundle;
    });

    const ofType = <T = Entry['resource']>(type: string): T[] =>
      bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource as unknown as T);

    it('is an R4 collection Bundle whose every entry has a fullUrl and an id', () => {
      expect(bundle.resourceType).toBe('Bundle');
      expect(bundle.type).toBe('collection');
      const urls = bundle.entry.map((e) => e.fullUrl);
      expect(new Set(urls).size).toBe(urls.length);
      for (const e of bundle.entry) {
        expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(e.resource.id).toBeTruthy();
      }
    });

    it('defines PHQ-9 and GAD-7 questionnaires with LOINC item codes', () => {
      const questionnaires = ofType<{
        url: string;
        status: string;
        code: { code: string }[];
        item: { linkId: string; code: { system: string; code: string }[] }[];
      }>('Questionnaire');
      const phq9 = questionnaires.find((q) => q.code[0].code === '44249-1');
      const gad7 = questionnaires.find((q) => q.code[0].code === '69737-5');
      expect(phq9?.status).toBe('active');
      expect(phq9?.item.map((i) => i.linkId)).toEqual(PHQ9.items.map((i) => i.loinc));
      expect(phq9?.item[8]).toEqual(
        expect.objectContaining({ linkId: '44260-8', code: [{ system: 'http://loinc.org', code: '44260-8' }] }),
      );
      expect(gad7?.item.map((i) => i.linkId)).toEqual(GAD7.items.map((i) => i.loinc));
    });

    it('has a QuestionnaireResponse and a total Observation per response, with LOINC codes', async () => {
      const { rows } = await app.db.owner.query<{ code: string; n: number }>(
        `SELECT instrument_code AS code, count(*)::int AS n FROM measure_response WHERE practice_id = $1 GROUP BY 1`,
        [p.practiceId],
      );
      const n = Object.fromEntries(rows.map((r) => [r.code, r.n]));
      const responses = ofType<{
        status: string;
        questionnaire: string;
        item: { linkId: string; answer: Record<string, unknown>[] }[];
      }>('QuestionnaireResponse');
      expect(responses).toHaveLength(n.PHQ9 + n.GAD7 + n.ALLIANCE4);
      for (const r of responses) {
        expect(r.status).toBe('completed');
        expect(r.item[0].answer).toHaveLength(1);
      }
      const phq9Response = responses.find((r) => r.item.length === 9);
      expect(phq9Response?.item.map((i) => i.linkId)).toEqual(PHQ9.items.map((i) => i.loinc));
      expect(phq9Response?.item[0].answer[0]).toEqual({
        valueCoding: expect.objectContaining({ system: 'http://loinc.org', code: expect.stringMatching(/^LA\d+-\d$/) }),
      });
      const allianceResponse = responses.find((r) => r.item.length === 4);
      expect(allianceResponse?.item[0].answer[0]).toEqual({ valueInteger: 9 });

      const observations = ofType<{
        status: string;
        code: { coding: { system: string; code: string }[] };
        category: { coding: { code: string }[] }[];
        valueInteger: number;
        derivedFrom?: { reference: string }[];
      }>('Observation');
      const byCode = (code: string) => observations.filter((o) => o.code.coding[0].code === code);
      expect(byCode('44261-6')).toHaveLength(n.PHQ9);
      expect(byCode('70274-6')).toHaveLength(n.GAD7);
      expect(byCode('ALLIANCE4-total')).toHaveLength(n.ALLIANCE4);
      expect(byCode('ALLIANCE4-total')[0].code.coding[0].system).toBe('http://cairn.example/fhir/CodeSystem/cairn');
      expect(byCode('mood')).toHaveLength(40 * 10);
      for (const o of observations) {
        expect(o.status).toBe('final');
        expect(o.category[0].coding[0].code).toBe('survey');
        expect(Number.isInteger(o.valueInteger)).toBe(true);
      }
      for (const o of byCode('44261-6')) expect(o.derivedFrom).toHaveLength(1);
    });

    it('resolves every reference and questionnaire inside the bundle', () => {
      const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
      const canonicals = new Set(ofType<{ url: string }>('Questionnaire').map((q) => q.url));
      const references: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) {
            if (k === 'reference' && typeof v === 'string') references.push(v);
            else walk(v);
          }
        }
      };
      walk(bundle.entry.map((e) => e.resource));
      expect(references.length).toBeGreaterThan(100);
      expect(references.filter((r) => !fullUrls.has(r))).toEqual([]);
      const targets = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource.resourceType]));
      for (const r of ofType<{ questionnaire: string; subject: { reference: string } }>('QuestionnaireResponse')) {
        expect(canonicals.has(r.questionnaire)).toBe(true);
        expect(targets.get(r.subject.reference)).toBe('Patient');
      }
      const patients = ofType<{ identifier: { value: string }[]; name?: unknown }>('Patient');
      expect(patients).toHaveLength(40);
      expect(patients.every((pt) => /^EX-\d{3}$/.test(pt.identifier[0].value) && pt.name === undefined)).toBe(true);
    });

    it('holds no client name, comment or note', () => {
      expect(text).not.toContain(CLIENT_NAME);
      expect(text).not.toContain(SECRET);
    });
  });

  describe('access', () => {
    it("is the creating manager's alone: another manager, another practice and a random id get 404", async () => {
      const created = await create({ format: 'CSV' });
      for (const agent of [otherManager, foreignManager]) {
        const res = await download(created.url, agent);
        expect(res.status).toBe(404);
        expect(JSON.parse(res.body.toString('utf8'))).toEqual({
          errors: [{ message: 'Export not found', extensions: { code: 'NOT_FOUND' } }],
        });
      }
      expect((await download('/exports/0b9c3e2a-6f51-4a3e-9a87-2f1d3c4b5a69')).status).toBe(404);
      expect((await download('/exports/not-an-id')).status).toBe(404);
      const anonymous = await request.agent(app.server).get(created.url);
      expect(anonymous.status).toBe(401);
      // The owner can still download it.
      expect((await download(created.url)).status).toBe(200);
      const progress = await gql(otherManager, PROGRESS, { id: created.id });
      expect(progress.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('cannot be created by a therapist', async () => {
      const res = await gql(therapist, CREATE, { input: { ...PERIOD, format: 'CSV' } });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    });

    it('audits the request and every download, and refusals', async () => {
      const created = await create({ format: 'CSV', identifiable: true });
      const owner = app.db.owner;
      const events = async () =>
        (
          await owner.query<{ action: string; outcome: string; actor_id: string }>(
            `SELECT action, outcome, actor_id FROM audit_event WHERE subject_type = 'export' AND subject_id = $1 ORDER BY at, action`,
            [created.id],
          )
        ).rows;
      expect(await events()).toEqual([{ action: 'export', outcome: 'ALLOWED', actor_id: p.managerId }]);
      await download(created.url);
      await download(created.url);
      await download(created.url, otherManager);
      const after = await events();
      expect(after.filter((e) => e.action === 'exportDownloadIdentifiable' && e.outcome === 'ALLOWED')).toHaveLength(2);
      expect(after.filter((e) => e.action === 'exportDownload' && e.outcome === 'DENIED')).toHaveLength(1);
    });

    it('reports progress of the last download', async () => {
      const created = await create({ format: 'CSV', dataset: 'MEASURES' });
      const before = await gql<{ exportProgress: { status: string; rowsWritten: number } }>(manager, PROGRESS, {
        id: created.id,
      });
      expect(before.data?.exportProgress).toEqual({ id: created.id, status: 'READY', rowsWritten: 0 });
      const res = await download(created.url);
      const rows = records(res.body.toString('utf8')).length;
      const after = await gql<{ exportProgress: { status: string; rowsWritten: number } }>(manager, PROGRESS, {
        id: created.id,
      });
      expect(after.data?.exportProgress).toEqual({ id: created.id, status: 'COMPLETE', rowsWritten: rows });
    });

    it.each([
      [{ format: 'XLSX', dataset: 'MEASURES' }, 'dataset', /CSV only/],
      [{ format: 'CSV', from: '2025-06-30', to: '2025-01-01' }, 'to', /on or after from/],
      [{ format: 'CSV', from: '2025-13-01' }, 'from', /real calendar date/],
      [{ format: 'CSV', from: '2019-01-01', to: '2025-01-01' }, 'to', /at most 5 years/],
    ])('rejects %j naming %s', async (input, field, message) => {
      const res = await gql(manager, CREATE, { input: { ...PERIOD, ...input } });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      expect(res.errors?.[0].message).toMatch(message);
    });
  });
});
