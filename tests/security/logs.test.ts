import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, newKey, TEST_PASSWORD } from '../support/fixtures.js';

describe('application logs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('carry ids, never clinical values, notes or answers', async () => {
    const f = await createPractice(app.db.owner, 'logs', { therapists: 1, clientsPerTherapist: 1 });
    const client = await signIn(app, f.emails.clients[0], TEST_PASSWORD);
    const note = 'MARKER-note-about-my-week-7f3a';
    await gql(client, 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }', {
      i: { rating: 3, note, helpNow: true, idempotencyKey: newKey() },
    });
    await gql(
      client,
      'mutation($i: SubmitQuestionnaireInput!) { submitQuestionnaire(input: $i) { response { id } } }',
      {
        i: { instrumentCode: 'PHQ9', answers: [3, 3, 3, 3, 3, 3, 3, 3, 2], idempotencyKey: newKey() },
      },
    );
    // A failing call too: its error message quotes the bad value, and must not reach the log.
    await gql(client, 'mutation($i: LogMoodInput!) { logMood(input: $i) { entry { id } } }', {
      i: { rating: 77, note: `${note}-again`, idempotencyKey: newKey() },
    });
    const log = app.logLines.join('');
    expect(log).toContain('"msg":"graphql request"');
    expect(log).toContain('"requestId"');
    expect(log).not.toContain('MARKER');
    expect(log).not.toMatch(/"(rating|answers|total|note)"/);
    expect(log).not.toContain('rating must be');
    expect(log).not.toContain(f.emails.clients[0]);
    for (const line of app.logLines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
