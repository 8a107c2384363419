import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../support/browser.js';
import { startDemoServer } from '../support/server.js';

interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const THERAPIST_EMAIL = 'rowan.hale@clinic.example';
const CLIENT_EMAIL = 'jordan.client@mail.example';

/**
 * A practice's first day, in Chromium against the real server: the manager invites a therapist; the
 * therapist reads the invitation from the development mailbox, chooses a password, adds a client
 * and invites them; the client sets a password on a 375 px phone and logs a mood; the therapist sees
 * it on their caseload.
 */
describe('first day of a practice in Chromium', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let staffContext: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await staffContext.newPage();
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack ?? ''}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** The link path of the newest e-mail to `to`, read from GET /dev/mailbox as a developer would. */
  async function linkFromMailbox(to: string, kind: 'invitation' | 'reset-password'): Promise<string> {
    for (let i = 0; i < 150; i++) {
      const res = await fetch(`${server.url}/dev/mailbox`);
      const messages = (await res.json()) as MailboxMessage[];
      const mail = messages.find((m) => m.to.includes(to));
      const path = mail ? new RegExp(`/${kind}/[A-Za-z0-9_-]+`).exec(mail.text)?.[0] : undefined;
      if (mail && path) {
        // Only that there is something to do, and a link.
        expect(mail.text).not.toMatch(/PHQ|GAD|mood|risk|diagnos/i);
        return path;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${kind} e-mail to ${to}`);
  }

  async function choosePassword(p: Page, password: string, button: string) {
    await p.getByLabel('New password').fill(password);
    await p.getByLabel('Type it again').fill(password);
    await p.getByRole('button', { name: button }).click();
  }

  it('the manager invites a therapist from the staff page', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('manager@demo.cairn.test');
    await page.getByLabel('Password').fill('cairn-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/reports/);
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.waitForURL(/\/staff/);
    await page.getByLabel('Email').fill(THERAPIST_EMAIL);
    await page.getByLabel('Name').fill('Dr Rowan Hale');
    await page.getByLabel('Role').selectOption('THERAPIST');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${THERAPIST_EMAIL}`).waitFor();
    const row = page.locator(`[data-testid="staff-row"][data-email="${THERAPIST_EMAIL}"]`);
    await row.getByText(/Invited, link valid until/).waitFor();
    // Mail the practice could not deliver is listed for managers; on a fresh practice there is none.
    await page
      .getByTestId('undelivered-mail')
      .getByText('Every message has been delivered or is still being tried.')
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}first-day-staff.png`, fullPage: true });
    // The practice's settings page opens with what the practice has now.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Practice settings' }).waitFor();
    expect(await page.getByLabel('Practice name').inputValue()).toBe('Riverside Psychology (demo)');
    expect(await page.getByLabel('Default time zone for new clients').inputValue()).toMatch(/\//);
    await page.screenshot({ path: `${ARTIFACTS}first-day-settings.png`, fullPage: true });
    // The manager signs out; the therapist uses the same computer.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
  }, 60_000);

  it('the therapist reads the invitation in the development mailbox, chooses a password and lands on their caseload', async () => {
    const path = await linkFromMailbox(THERAPIST_EMAIL, 'invitation');
    // As a developer reads it: the mailbox page, whose links open the app.
    await page.goto(`${server.url}/mailbox`);
    const mail = page.getByTestId('mailbox-message').filter({ hasText: THERAPIST_EMAIL });
    await mail.getByRole('heading', { name: /You are invited to .* on Cairn/ }).waitFor();
    await mail.getByRole('link', { name: new RegExp(path) }).click();
    await page.waitForURL(new RegExp(`${path}$`));
    await choosePassword(page, 'tidal basin granite 7', 'Set password and sign in');
    await page.waitForURL(/\/caseload/);
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();
    // The link was used: opening it again says so.
    const again = await staffContext.newPage();
    await again.goto(`${server.url}${path}`);
    await choosePassword(again, 'tidal basin granite 8', 'Set password and sign in');
    await again.getByTestId('link-dead').waitFor();
    await again.close();
  }, 60_000);

  it('the therapist adds a client (episode open) and invites them to the portal', async () => {
    await page.getByRole('link', { name: 'Add client' }).click();
    await page.waitForURL(/\/clients\/new/);
    await page.getByLabel(/Client code/).fill('FD-0001');
    await page.getByLabel(/Display name/).fill('Jordan');
    await page.getByLabel(/Time zone/).selectOption('Europe/London');
    await page.getByLabel(/Contact e-mail/).fill(CLIENT_EMAIL);
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await page
      .getByTestId('episode-status')
      .getByText(/Open since/)
      .waitFor();
    await page
      .getByTestId('portal-status')
      .getByText(/Invited; waiting/)
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}first-day-client.png`, fullPage: true });
  }, 60_000);

  it('the client sets a password on a 375 px phone and logs a mood', async () => {
    const path = await linkFromMailbox(CLIENT_EMAIL, 'invitation');
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const client = await phone.newPage();
    client.on('pageerror', (e) => errors.push(e.message));
    await client.goto(`${server.url}${path}`);
    expect(await client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await choosePassword(client, 'short', 'Set password and sign in');
    await client.getByText('Use at least 12 characters.').waitFor();
    await choosePassword(client, 'password1234', 'Set password and sign in');
    await client.getByText(/commonly used password/).waitFor();
    await choosePassword(client, 'quiet harbour kites 5', 'Set password and sign in');
    await client.waitForURL(/\/portal/);
    await client.getByTestId('mood-checkin').waitFor();
    expect(await client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await client.getByTestId('mood-7').click();
    await client.getByRole('button', { name: /Save today/ }).click();
    await client.getByText('Saved. Thank you for checking in.').waitFor();
    await client.screenshot({ path: `${ARTIFACTS}first-day-portal.png`, fullPage: true });
    await phone.close();
  }, 60_000);

  it('the therapist sees the mood on their caseload', async () => {
    await page.goto(`${server.url}/caseload`);
    const row = page.getByTestId('caseload-row').filter({ hasText: 'FD-0001' });
    await row.getByText(/7-day mean 7/).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it('the manager deactivates the therapist, moving their client to a colleague; the therapist is signed out', async () => {
    const managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const manager = await managerContext.newPage();
    await manager.goto(`${server.url}/login`);
    await manager.getByLabel('Email').fill('manager@demo.cairn.test');
    await manager.getByLabel('Password').fill('cairn-demo');
    await manager.getByRole('button', { name: 'Sign in' }).click();
    await manager.waitForURL(/\/reports/);
    await manager.goto(`${server.url}/staff`);
    const row = manager.locator(`[data-testid="staff-row"][data-email="${THERAPIST_EMAIL}"]`);
    await row.getByRole('button', { name: 'Deactivate…' }).click();
    await manager.getByLabel('Move their 1 active client to').selectOption({ label: 'Dr Maya Patel' });
    await manager.getByRole('button', { name: 'Move clients and deactivate' }).click();
    await manager.getByText('Dr Rowan Hale can no longer sign in. Their clients are now with Dr Maya Patel.').waitFor();
    await row.getByText('Deactivated').waitFor();
    await managerContext.close();

    await page.goto(`${server.url}/caseload`);
    await page.waitForURL(/\/login/);
    expect(errors).toEqual([]);
  }, 60_000);
});
