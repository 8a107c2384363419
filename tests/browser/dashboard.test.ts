import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../support/browser.js';
import { startDemoServer } from '../support/server.js';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

/**
 * The product in real Chromium against the real server on its embedded database with demo data:
 * the therapist's morning, and a client rating a session on a phone.
 */
describe('dashboard and client portal in Chromium', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let therapist: BrowserContext;
  let therapistPage: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    therapist = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    therapistPage = await therapist.newPage();
    therapistPage.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    therapistPage.on('pageerror', (e) => consoleErrors.push(e.message));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('cairn-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows the therapist their caseload ranked with the RISK client first, without console errors', async () => {
    await signIn(therapistPage, 'therapist1@demo.cairn.test');
    await therapistPage.waitForURL(/\/caseload/);
    const rows = therapistPage.getByTestId('caseload-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    const first = rows.first();
    expect(await first.textContent()).toContain('RIV-0001');
    await expect(first.locator('[data-testid="flag-chip"][data-kind="RISK"]').count()).resolves.toBe(1);
    await therapistPage.screenshot({ path: `${ARTIFACTS}caseload.png`, fullPage: false });
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(`${ARTIFACTS}caseload.png`, `${DOCS}screenshot-caseload.png`);
    expect(consoleErrors).toEqual([]);
  });

  it('opens that client, shows the four charts, and acknowledges the flag', async () => {
    await therapistPage.getByTestId('caseload-row').first().getByRole('link').first().click();
    await therapistPage.waitForURL(/\/clients\//);
    for (const chart of ['chart-phq9', 'chart-gad7', 'chart-alliance', 'chart-mood']) {
      await therapistPage.getByTestId(chart).first().waitFor({ state: 'visible' });
    }
    await therapistPage.screenshot({ path: `${ARTIFACTS}client.png`, fullPage: true });
    const card = therapistPage
      .getByTestId('flag-card')
      .filter({ hasText: /item 9|Risk/i })
      .first();
    await card.getByLabel('Note for this flag').fill('Phoned the client; safety plan reviewed.');
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await therapistPage.getByText('Flag acknowledged.').waitFor();
    await therapistPage
      .getByText(/Acknowledged by .*Phoned the client/)
      .first()
      .waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('lets a client rate a session from a one-time link on a 375 px phone; a low rating shows up as a rupture', async () => {
    // The therapist creates a link for a client who has no open rupture, for a session not yet rated.
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const res = await therapistPage.request.post(`${server.url}/graphql`, {
        headers: { 'content-type': 'application/json' },
        data: { query, variables },
      });
      const body = (await res.json()) as { data: T; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors[0].message);
      return body.data;
    };
    const { caseload } = await gql<{ caseload: { clientId: string; code: string; openFlags: { kind: string }[] }[] }>(
      '{ caseload { clientId code openFlags { kind } } }',
    );
    const target = caseload.find((c) => !c.openFlags.some((f) => f.kind === 'ALLIANCE_RUPTURE'));
    if (!target) throw new Error('no client without a rupture');
    const { scheduleSession } = await gql<{ scheduleSession: { id: string } }>(
      'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }',
      { i: { clientId: target.clientId, scheduledAt: new Date(Date.now() - 3_600_000).toISOString() } },
    );
    await gql('mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }', {
      i: { sessionId: scheduleSession.id, status: 'ATTENDED' },
    });
    const { createRatingLink } = await gql<{ createRatingLink: { url: string } }>(
      'mutation($s: ID!) { createRatingLink(sessionId: $s) { url } }',
      { s: scheduleSession.id },
    );

    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const started = Date.now();
    await page.goto(createRatingLink.url);
    await page.getByTestId('rating-form').waitFor();
    // The form names the session it rates, in words ("on Tuesday, November 24"), not an ISO date.
    expect(await page.getByTestId('rating-session-date').textContent()).toMatch(
      /^on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*\b\d{1,2}\b/,
    );
    const sliders = page.locator('input[type="range"]');
    expect(await sliders.count()).toBe(4);
    for (let i = 0; i < 4; i++) await sliders.nth(i).fill(i === 0 ? '3' : '6');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ARTIFACTS}portal-rating.png`, fullPage: true });
    await page.getByRole('button', { name: /send|submit/i }).click();
    await page.getByTestId('rating-thanks').waitFor();
    expect(Date.now() - started).toBeLessThan(30_000);
    await phone.close();

    await therapistPage.goto(`${server.url}/caseload`);
    const row = therapistPage.getByTestId('caseload-row').filter({ hasText: target.code });
    await row.locator('[data-testid="flag-chip"][data-kind="ALLIANCE_RUPTURE"]').waitFor();
  });

  it('gives a client their portal on a phone without horizontal scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'client1@demo.cairn.test');
    await page.waitForURL(/\/portal/);
    await page.getByTestId('mood-checkin').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ARTIFACTS}portal.png`, fullPage: true });
    expect(errors).toEqual([]);
    await phone.close();
  });
});
