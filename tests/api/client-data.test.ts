import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { countRows, createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const CREATE = `mutation($i: CreateClientInput!) { createClient(input: $i) { id timezone episode { startedOn } } }`;
const UPDATE = `mutation($i: UpdateClientInput!) { updateClient(input: $i) { id displayName timezone status } }`;
const CASELOAD = `query($t: ID) { caseload(therapistId: $t) { clientId code dataProblem openFlags { kind } mood { points { date rating } } } }`;
const START = `mutation($i: StartEpisodeInput!) { startEpisode(input: $i) { id startedOn } }`;
const END = `mutation($i: EndEpisodeInput!) { endEpisode(input: $i) { id endedOn } }`;
const SCHEDULE = `mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id scheduledAt } }`;
const MOOD = `mutation($i: LogMoodInput!) { logMood(input: $i) { entry { localDate } } }`;
const QUESTIONNAIRE = `mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }`;

interface CaseloadRow {
  clientId: string;
  code: string;
  dataProblem: string | null;
  openFlags: { kind: string }[];
  mood: { points: { date: string; rating: number }[] };
}

const utcToday = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('clinical data that cannot be malformed', () => {
  let app: TestApp;
  let a: PracticeFixture;
  let therapist: Agent;
  let otherTherapist: Agent;
  let manager: Agent;

  beforeAll(async () => {
    app = await startTestApp({ loginLimitPerAccount: 100_000 });
    a = await createPractice(app.db.owner, 'cd', { therapists: 2, clientsPerTherapist: 3 });
    therapist = await signIn(app, a.emails.therapists[0], TEST_PASSWORD);
    otherTherapist = await signIn(app, a.emails.therapists[1], TEST_PASSWORD);
    manager = await signIn(app, a.emails.manager, TEST_PASSWORD);
  });
  afterAll(() => app.close());

  describe('time zones come from PostgreSQL', () => {
    it('refuses a zone Node knows and PostgreSQL does not, naming timezone, and writes nothing', async () => {
      // tzdata 2020b removed US/Pacific-New; Node's ICU still accepts it.
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: 'US/Pacific-New' })).not.toThrow();
      const before = await countRows(app.db.owner, 'client');
      for (const timezone of ['US/Pacific-New', 'Mars/Base']) {
        const res = await gql(therapist, CREATE, { i: { code: `TZ-${timezone.length}`, timezone } });
        expect(res.status).not.toBe(500);
        expect(res.errors?.[0].extensions).toEqual(
          expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'timezone' }),
        );
      }
      expect(await countRows(app.db.owner, 'client')).toBe(before);
      const ok = await gql<{ createClient: { timezone: string } }>(therapist, CREATE, {
        i: { code: 'TZ-OK', timezone: 'Pacific/Auckland' },
      });
      expect(ok.data?.createClient.timezone).toBe('Pacific/Auckland');
    });

    it('lists the zones a form may offer: PostgreSQL names only, sorted', async () => {
      const res = await gql<{ timeZones: string[] }>(therapist, '{ timeZones }');
      const zones = res.data?.timeZones ?? [];
      expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'Europe/London', 'UTC']));
      expect(zones).not.toContain('US/Pacific-New');
      // PostgreSQL lists "Factory", which Node's Intl refuses: a client could not use it.
      expect(zones).not.toContain('Factory');
      expect(zones).toEqual([...zones].sort());
      const { rows } = await app.db.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_timezone_names WHERE name = ANY($1)`,
        [zones],
      );
      expect(rows[0].n).toBe(zones.length);
    });
  });

  describe('updateClient', () => {
    it("changes a client's time zone, display name and status, with an audit row", async () => {
      const id = a.clientIds[0];
      const res = await gql<{ updateClient: Record<string, string | null> }>(therapist, UPDATE, {
        i: { clientId: id, timezone: 'Europe/Berlin', displayName: 'Renamed', status: 'PAUSED' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateClient).toEqual({
        id,
        displayName: 'Renamed',
        timezone: 'Europe/Berlin',
        status: 'PAUSED',
      });
      const { rows } = await app.db.owner.query(`SELECT timezone, display_name, status FROM client WHERE id = $1`, [
        id,
      ]);
      expect(rows[0]).toEqual({ timezone: 'Europe/Berlin', display_name: 'Renamed', status: 'PAUSED' });
      expect(
        await countRows(
          app.db.owner,
          'audit_event',
          `action = 'updateClient' AND subject_id = $1 AND outcome = 'ALLOWED'`,
          [id],
        ),
      ).toBe(1);
      // Left out stays; null clears the display name. A manager may do it too.
      const cleared = await gql<{ updateClient: Record<string, string | null> }>(manager, UPDATE, {
        i: { clientId: id, displayName: null, status: 'ACTIVE' },
      });
      expect(cleared.data?.updateClient).toEqual({
        id,
        displayName: null,
        timezone: 'Europe/Berlin',
        status: 'ACTIVE',
      });
    });

    it('refuses a bad zone, a bad status and discharge with an open episode, naming the field', async () => {
      const id = a.clientIds[1];
      const cases: [Record<string, unknown>, string][] = [
        [{ timezone: 'US/Pacific-New' }, 'timezone'],
        [{ status: 'GONE' }, 'status'],
        [{ status: 'DISCHARGED' }, 'status'],
        [{ displayName: '' }, 'displayName'],
      ];
      for (const [change, field] of cases) {
        const res = await gql(therapist, UPDATE, { i: { clientId: id, ...change } });
        expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      }
      const { rows } = await app.db.owner.query(`SELECT timezone, status FROM client WHERE id = $1`, [id]);
      expect(rows[0]).toEqual({ timezone: 'America/New_York', status: 'ACTIVE' });
    });

    it("is NOT_FOUND for another therapist's client", async () => {
      const res = await gql(otherTherapist, UPDATE, { i: { clientId: a.clientIds[0], status: 'PAUSED' } });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('a time zone PostgreSQL does not know, already stored', () => {
    it('never takes the caseload down: that client shows a data problem, the others render', async () => {
      // As after a PostgreSQL upgrade whose tzdata dropped a name: written straight into the table.
      const [pacific, mars] = [a.clientIds[1], a.clientIds[2]];
      await app.db.owner.query(`UPDATE client SET timezone = 'US/Pacific-New' WHERE id = $1`, [pacific]);
      await app.db.owner.query(`UPDATE client SET timezone = 'Mars/Base' WHERE id = $1`, [mars]);
      // The Mars client still records: a mood on their (UTC) day and a PHQ-9 whose item 9 raises RISK.
      const marsAgent = await signIn(app, a.emails.clients[2], TEST_PASSWORD);
      const mood = await gql<{ logMood: { entry: { localDate: string } } }>(marsAgent, MOOD, {
        i: { rating: 3, idempotencyKey: newKey() },
      });
      expect(mood.errors).toBeUndefined();
      expect(mood.data?.logMood.entry.localDate).toBe(utcToday());
      const phq = await gql(marsAgent, QUESTIONNAIRE, {
        i: { instrumentCode: 'PHQ9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 2], idempotencyKey: newKey() },
      });
      expect(phq.errors).toBeUndefined();

      for (const [who, agent] of [
        ['therapist', therapist],
        ['manager', manager],
      ] as const) {
        const res = await gql<{ caseload: CaseloadRow[] }>(agent, CASELOAD, { t: a.therapistIds[0] });
        expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
        const rows = new Map(res.data?.caseload.map((r) => [r.clientId, r]));
        expect([...rows.keys()]).toEqual(expect.arrayContaining(a.clientIds.slice(0, 3)));
        expect(rows.get(pacific)?.dataProblem).toMatch(/US\/Pacific-New/);
        expect(rows.get(mars)?.dataProblem).toMatch(/Mars\/Base/);
        expect(rows.get(a.clientIds[0])?.dataProblem).toBeNull();
        // The risk signal and the day's mood are there, on the UTC day the problem row states.
        expect(rows.get(mars)?.openFlags.map((f) => f.kind)).toContain('RISK');
        expect(rows.get(mars)?.mood.points).toEqual([{ date: utcToday(), rating: 3 }]);
        expect(res.data?.caseload[0].clientId).toBe(mars);
      }
      for (const id of [pacific, mars]) {
        const timeline = await gql(manager, 'query($id: ID!) { client(id: $id) { id } }', { id });
        expect(timeline.errors).toBeUndefined();
      }

      // The manager's export of responses reads each one's local day: the Mars client's PHQ-9 is in it.
      const exported = await gql<{ createExport: { url: string } }>(
        manager,
        `mutation($i: CreateExportInput!) { createExport(input: $i) { url } }`,
        { i: { format: 'CSV', dataset: 'MEASURES', from: addDays(utcToday(), -1), to: addDays(utcToday(), 1) } },
      );
      expect(exported.errors).toBeUndefined();
      const csv = await manager.get(exported.data!.createExport.url).buffer(true);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('CD-003,PHQ9');

      // Corrected through updateClient, the problem goes away.
      for (const id of [pacific, mars]) {
        const fixed = await gql(therapist, UPDATE, { i: { clientId: id, timezone: 'America/Los_Angeles' } });
        expect(fixed.errors).toBeUndefined();
      }
      const after = await gql<{ caseload: CaseloadRow[] }>(therapist, CASELOAD, {});
      expect(after.data?.caseload.length).toBeGreaterThanOrEqual(3);
      expect(after.data?.caseload.filter((r) => r.dataProblem !== null)).toEqual([]);
    });
  });

  describe('dates', () => {
    it('refuses impossible date-times and date-times without an offset, naming the field', async () => {
      const before = await countRows(app.db.owner, 'therapy_session');
      for (const scheduledAt of [
        '2026-02-30T10:00:00Z',
        '2026-05-01T14:00:00',
        '2026-05-01 14:00:00Z',
        '2026-05-01T24:00:00Z',
        '2026-05-01',
        '1764000000000',
      ]) {
        const res = await gql(therapist, SCHEDULE, { i: { clientId: a.clientIds[0], scheduledAt } });
        expect({ scheduledAt, status: res.status }).not.toEqual({ scheduledAt, status: 500 });
        expect({ scheduledAt, ext: res.errors?.[0].extensions }).toEqual({
          scheduledAt,
          ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'scheduledAt' }),
        });
      }
      // The same in an inline argument: refused by validation, never stored.
      const inline = await gql(
        therapist,
        `mutation { scheduleSession(input: { clientId: "${a.clientIds[0]}", scheduledAt: "2026-02-30T10:00:00Z" }) { id } }`,
      );
      expect(inline.errors?.[0].message).toMatch(/date-time/);
      expect(await countRows(app.db.owner, 'therapy_session')).toBe(before);
      // An offset is honoured: 14:00 at +05:30 is 08:30 UTC.
      const ok = await gql<{ scheduleSession: { scheduledAt: string } }>(therapist, SCHEDULE, {
        i: { clientId: a.clientIds[0], scheduledAt: '2026-12-01T14:00:00+05:30' },
      });
      expect(ok.data?.scheduleSession.scheduledAt).toBe('2026-12-01T08:30:00.000Z');
    });

    it('keeps episodes between 1900 and today, end after start, and never overlapping', async () => {
      const client = a.clientIds[3]; // the second therapist's first client: America/New_York
      const { rows } = await app.db.owner.query<{ id: string; started_on: string }>(
        `SELECT id, started_on::text FROM episode WHERE client_id = $1`,
        [client],
      );
      const episode = rows[0];
      const today = (
        await app.db.owner.query<{ d: string }>(`SELECT (now() AT TIME ZONE 'America/New_York')::date::text AS d`)
      ).rows[0].d;
      const refusals: [string, Record<string, unknown>, string][] = [
        [END, { episodeId: episode.id, endedOn: addDays(today, 1), endReason: 'COMPLETED' }, 'endedOn'],
        [END, { episodeId: episode.id, endedOn: addDays(episode.started_on, -1), endReason: 'COMPLETED' }, 'endedOn'],
        [END, { episodeId: episode.id, endedOn: '2026-02-30', endReason: 'COMPLETED' }, 'endedOn'],
      ];
      for (const [doc, i, field] of refusals) {
        const res = await gql(otherTherapist, doc, { i });
        expect({ i, ext: res.errors?.[0].extensions }).toEqual({
          i,
          ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        });
      }
      const ended = await gql(otherTherapist, END, {
        i: { episodeId: episode.id, endedOn: addDays(today, -2), endReason: 'COMPLETED' },
      });
      expect(ended.errors).toBeUndefined();
      for (const [startedOn, field] of [
        ['1899-12-31', 'startedOn'],
        [addDays(today, 1), 'startedOn'],
        [addDays(today, -2), 'startedOn'], // the day the last episode ended
        [episode.started_on, 'startedOn'],
        ['2026-02-30', 'startedOn'],
      ]) {
        const res = await gql(otherTherapist, START, { i: { clientId: client, startedOn } });
        expect({ startedOn, ext: res.errors?.[0].extensions }).toEqual({
          startedOn,
          ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        });
      }
      const next = await gql<{ startEpisode: { startedOn: string } }>(otherTherapist, START, {
        i: { clientId: client, startedOn: addDays(today, -1) },
      });
      expect(next.data?.startEpisode.startedOn).toBe(addDays(today, -1));

      // The database refuses an overlap whatever writes it.
      await expect(
        app.db.owner.query(
          `INSERT INTO episode (practice_id, client_id, started_on, ended_on, end_reason) VALUES ($1, $2, $3, $4, 'OTHER')`,
          [a.practiceId, client, addDays(episode.started_on, 1), addDays(episode.started_on, 3)],
        ),
      ).rejects.toMatchObject({ code: '23P01' });
      await expect(
        app.db.owner.query(
          `INSERT INTO episode (practice_id, client_id, started_on, ended_on, end_reason)
                            VALUES ($1, $2, '1899-01-01', '1899-02-01', 'OTHER')`,
          [a.practiceId, client],
        ),
      ).rejects.toMatchObject({ code: '23514' });
    });
  });

  describe('text PostgreSQL cannot store', () => {
    const NUL = 'before\u0000after';
    const LONE = 'broken \uD83D surrogate';

    it('refuses a NUL character or a lone surrogate in any text input, naming the field, never a 500', async () => {
      const clientAgent = await signIn(app, a.emails.clients[0], TEST_PASSWORD);
      const { rows } = await app.db.owner.query<{ id: string }>(
        `INSERT INTO flag (practice_id, client_id, kind, severity, evidence, rule_version)
         VALUES ($1, $2, 'STALLED', 'MEDIUM', '{}', 't') RETURNING id`,
        [a.practiceId, a.clientIds[0]],
      );
      const flagId = rows[0].id;
      const attempts: [Agent, string, Record<string, unknown>, string][] = [];
      for (const bad of [NUL, LONE]) {
        attempts.push(
          [clientAgent, MOOD, { i: { rating: 5, note: bad, idempotencyKey: newKey() } }, 'note'],
          [
            clientAgent,
            QUESTIONNAIRE,
            { i: { instrumentCode: bad, answers: [0], idempotencyKey: newKey() } },
            'instrumentCode',
          ],
          [therapist, CREATE, { i: { code: 'NUL-1', displayName: bad, timezone: 'UTC' } }, 'displayName'],
          [therapist, UPDATE, { i: { clientId: a.clientIds[0], displayName: bad } }, 'displayName'],
          [
            therapist,
            `mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }`,
            { i: { clientId: a.clientIds[0], title: bad, frequency: 'DAILY' } },
            'title',
          ],
          [
            therapist,
            `mutation($id: ID!, $n: String!) { acknowledgeFlag(id: $id, note: $n) { id } }`,
            { id: flagId, n: bad },
            'note',
          ],
          [therapist, `query($t: String!) { ratingLink(token: $t) { therapistFirstName } }`, { t: bad }, 'token'],
          [therapist, `query($id: ID!) { client(id: $id) { id } }`, { id: bad }, 'id'],
          [
            therapist,
            `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`,
            { e: bad, p: 'x' },
            'email',
          ],
        );
      }
      // Inline in the document too, escaped or raw (GraphQL itself refuses a lone surrogate there as a parse error).
      attempts.push(
        [
          therapist,
          `mutation($id: ID!) { resolveFlag(id: $id, note: "before\\u0000after") { id } }`,
          { id: flagId },
          'note',
        ],
        [therapist, `mutation($id: ID!) { resolveFlag(id: $id, note: "${NUL}") { id } }`, { id: flagId }, 'note'],
      );
      const written = () =>
        Promise.all(
          ['client', 'mood_entry', 'measure_response', 'homework_assignment'].map((t) => countRows(app.db.owner, t)),
        );
      const before = await written();
      for (const [agent, doc, variables, field] of attempts) {
        const res = await gql(agent, doc, variables);
        expect({ doc, field, status: res.status, ext: res.errors?.[0].extensions }).toEqual({
          doc,
          field,
          status: 400,
          ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        });
      }
      expect(await written()).toEqual(before);
      const { rows: flag } = await app.db.owner.query(`SELECT status FROM flag WHERE id = $1`, [flagId]);
      expect(flag[0].status).toBe('OPEN');
      // JSON inside a text argument: its \u0000 escape is a NUL once parsed (jsonb refuses it: a 500 before).
      const definition = JSON.stringify({ code: 'NULX', version: '1', title: 'before\u0000after' });
      expect(definition).toContain('\\u0000');
      const json = await gql(manager, `mutation($d: String!) { addPracticeInstrument(definition: $d) { code } }`, {
        d: definition,
      });
      expect(json.errors?.[0].extensions).toEqual(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'definition.title' }),
      );
      expect(await countRows(app.db.owner, 'practice_instrument')).toBe(0);
      // A well-formed pair (an emoji) is text like any other.
      const emoji = await gql(clientAgent, MOOD, { i: { rating: 5, note: 'better 😀', idempotencyKey: newKey() } });
      expect(emoji.errors).toBeUndefined();
    });
  });
});
