import { localDateIn } from '../../backend/src/common/local-time.js';
import { gql, request, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

const REPORT = `query($input: PracticeReportInput!) { practiceReport(input: $input) { practice {
  episodesEnded finishedCourses finishedEpisodes meanChange meanAttendedSessions homeworkAdherence homeworkEpisodes moodAdherence
} } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id status } }`;
const QUESTIONNAIRE = `mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $input) { response { id } } }`;
const END_EPISODE = `mutation($input: EndEpisodeInput!) { endEpisode(input: $input) { id endedOn } }`;
const MOOD = `mutation($input: LogMoodInput!) { logMood(input: $input) { entry { localDate } } }`;
const HOMEWORK = `mutation($input: ReportHomeworkInput!) { reportHomework(input: $input) { localDate } }`;
const LINK = `mutation($id: ID!) { createRatingLink(sessionId: $id) { url } }`;
const RATE = `mutation($input: SubmitAllianceRatingInput!) { submitAllianceRating(input: $input) { response { id sessionNumber } } }`;

interface Figures {
  episodesEnded: number;
  finishedCourses: number;
  finishedEpisodes: number;
  meanChange: number | null;
  meanAttendedSessions: number | null;
  homeworkAdherence: number | null;
  homeworkEpisodes: number;
  moodAdherence: number | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Mutations through the full GraphQL stack; the report is read after each one commits. */
describe('practice report after writes into a finished episode', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let therapist: Agent;
  let manager: Agent;
  let client: Agent;
  let today: string;
  let episodeId: string;
  let assignmentId: string;
  const sessions: string[] = [];

  async function figures(): Promise<Figures> {
    const res = await gql<{ practiceReport: { practice: Figures } }>(manager, REPORT, {
      input: { from: addDays(today, -30), to: today },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.practiceReport.practice;
  }

  async function ok(agent: Agent, document: string, input: Record<string, unknown>): Promise<void> {
    const res = await gql(agent, document, { input });
    expect(res.errors).toBeUndefined();
  }

  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'late', { therapists: 1, clientsPerTherapist: 1, timezone: 'UTC' });
    therapist = await signIn(app, p.emails.therapists[0], TEST_PASSWORD);
    manager = await signIn(app, p.emails.manager, TEST_PASSWORD);
    client = await signIn(app, p.emails.clients[0], TEST_PASSWORD);
    today = localDateIn('UTC');
    // The open episode: 10 days to today. A daily task set 5 days ago: reports due on the last 5 days.
    const { rows } = await app.db.owner.query<{ id: string }>(
      `UPDATE episode SET started_on = $2 WHERE client_id = $1 RETURNING id`,
      [p.clientIds[0], addDays(today, -9)],
    );
    episodeId = rows[0].id;
    const hw = await app.db.owner.query<{ id: string }>(
      `INSERT INTO homework_assignment (practice_id, client_id, episode_id, title, frequency, assigned_on, created_by)
       VALUES ($1, $2, $3, 'Evening walk', 'DAILY', $4, $5) RETURNING id`,
      [p.practiceId, p.clientIds[0], episodeId, addDays(today, -5), p.therapistIds[0]],
    );
    assignmentId = hw.rows[0].id;
    for (const daysAgo of [8, 4, 1]) {
      const res = await gql<{ scheduleSession: { id: string } }>(therapist, SCHEDULE, {
        input: { clientId: p.clientIds[0], scheduledAt: `${addDays(today, -daysAgo)}T10:00:00Z` },
      });
      expect(res.errors).toBeUndefined();
      sessions.push(res.data!.scheduleSession.id);
    }
    // Two sessions attended, the third not yet recorded. From the portal (outside sessions), PHQ-9 15
    // with GAD-7 12 on the day of the first session, PHQ-9 6 with GAD-7 5 today: two days with both,
    // so paired scores (responses outside a session pair by the client's local day).
    await ok(therapist, ATTEND, { sessionId: sessions[0], status: 'ATTENDED' });
    await ok(therapist, ATTEND, { sessionId: sessions[1], status: 'ATTENDED' });
    await ok(client, QUESTIONNAIRE, {
      instrumentCode: 'PHQ9',
      answers: [3, 3, 3, 3, 3, 0, 0, 0, 0],
      idempotencyKey: newKey(),
    });
    await ok(client, QUESTIONNAIRE, {
      instrumentCode: 'GAD7',
      answers: [2, 2, 2, 2, 2, 2, 0],
      idempotencyKey: newKey(),
    });
    // The portal records the time of submission: these two were given 8 days ago.
    await app.db.owner.query(
      `UPDATE measure_response SET submitted_at = ($2::date + time '11:00') AT TIME ZONE 'UTC' WHERE client_id = $1`,
      [p.clientIds[0], addDays(today, -8)],
    );
    await ok(client, QUESTIONNAIRE, {
      instrumentCode: 'PHQ9',
      answers: [1, 1, 1, 1, 1, 1, 0, 0, 0],
      idempotencyKey: newKey(),
    });
    await ok(client, QUESTIONNAIRE, {
      instrumentCode: 'GAD7',
      answers: [1, 1, 1, 1, 1, 0, 0],
      idempotencyKey: newKey(),
    });
  });
  afterAll(() => app.close());

  it('counts the episode from the moment it is ended', async () => {
    expect(await figures()).toEqual(expect.objectContaining({ episodesEnded: 0, finishedCourses: 0 }));
    await ok(therapist, END_EPISODE, { episodeId, endedOn: today, endReason: 'COMPLETED' });
    // 2 attended; PHQ-9 15 -> 6 (GAD-7 12 -> 5); no mood entry in 10 days; no report of the 5 due.
    expect(await figures()).toEqual({
      episodesEnded: 1,
      finishedCourses: 1,
      finishedEpisodes: 1,
      meanChange: -9,
      meanAttendedSessions: 2,
      homeworkAdherence: 0,
      homeworkEpisodes: 1,
      moodAdherence: 0,
    });
  });

  it("takes in a mood entry logged on the episode's last day", async () => {
    await ok(client, MOOD, { rating: 6, idempotencyKey: newKey() });
    // 1 day with an entry of 10.
    expect((await figures()).moodAdherence).toBeCloseTo(0.1, 10);
  });

  it("takes in a homework report made on the episode's last day", async () => {
    await ok(client, HOMEWORK, { assignmentId, status: 'DONE', idempotencyKey: newKey() });
    // 1 done of 5 due.
    expect((await figures()).homeworkAdherence).toBeCloseTo(0.2, 10);
  });

  it("files an alliance rating made by link after the episode ended under that session's episode", async () => {
    const link = await gql<{ createRatingLink: { url: string } }>(therapist, LINK, { id: sessions[1] });
    expect(link.errors).toBeUndefined();
    const token = link.data!.createRatingLink.url.split('/rate/')[1];
    const rated = await gql<{ submitAllianceRating: { response: { id: string; sessionNumber: number | null } } }>(
      request.agent(app.server),
      RATE,
      { input: { token, answers: [8, 9, 9, 8], idempotencyKey: newKey() } },
    );
    expect(rated.errors).toBeUndefined();
    const { rows } = await app.db.owner.query<{ episode_id: string | null; number: number }>(
      `SELECT m.episode_id, s.number FROM measure_response m JOIN therapy_session s ON s.id = m.session_id WHERE m.id = $1`,
      [rated.data!.submitAllianceRating.response.id],
    );
    expect(rows).toEqual([{ episode_id: episodeId, number: expect.any(Number) }]);
    expect(rated.data!.submitAllianceRating.response.sessionNumber).toBe(rows[0].number);
  });

  it('takes in attendance recorded after the episode ended', async () => {
    await ok(therapist, ATTEND, { sessionId: sessions[2], status: 'ATTENDED' });
    expect(await figures()).toEqual(
      expect.objectContaining({ meanAttendedSessions: 3, finishedEpisodes: 1, meanChange: -9 }),
    );
  });
});
