import type { Browser, BrowserContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { referenceCeremony, referenceDelegations } from '../../lib/demo/reference-scenario';
import { expect, signInByEmail, test } from '../fixtures';
import { readAuditEvents } from '../support/audit-log';

/**
 * Hostile case "Removed participant rejoins" against the real LiveKit server and its real webhooks: a removed
 * participant keeps the room token they were given. LiveKit 1.13.5 accepts a token until it
 * expires, so the app must throw them out when LiveKit reports them joining.
 */
const organiser = referenceDelegations[0]!.members.find((member) => member.role === 'organiser')!;
const delegate = referenceDelegations[1]!.members.find((member) => member.key === 'kosmo-delegate')!;
const accomplice = referenceDelegations[1]!.members.find((member) => member.role === 'signatory')!;
const ceremonyId = 'ceremony-e2e-removed-rejoin';
const ceremonyPath = `/ceremonies/${ceremonyId}`;

interface Person {
  context: BrowserContext;
  page: Page;
}

async function signedIn(browser: Browser, email: string): Promise<Person> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  await signInByEmail(page, email);
  return { context, page };
}

async function passPreJoin(page: Page) {
  await page.goto(`${ceremonyPath}/room`);
  await expect(page.getByTestId('prejoin')).toBeVisible();
  await page.locator('.lk-join-button').click();
}

/** The organiser (German UI) lets everyone waiting in. */
async function admitAll(host: Page, guest: Page, name: string) {
  await expect(guest.getByTestId('lobby')).toBeVisible();
  await host.getByRole('tab', { name: /Warteraum/ }).click();
  const admissions = host.getByTestId('lobby-admissions');
  await expect(admissions).toContainText(name);
  await admissions.getByRole('button', { name: /Alle Wartenden einlassen/ }).click();
  await expect(guest.getByTestId('room')).toBeVisible();
}

test('a removed participant who rejoins with the token they still hold is thrown out again (hostile case "Removed participant rejoins")', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/e2e/seed-ceremony-copy.ts', ceremonyId, `${referenceCeremony.title} (removal rehearsal)`], {
    stdio: 'pipe',
  });
  const host = await signedIn(browser, organiser.email);
  await passPreJoin(host.page);
  await expect(host.page.getByTestId('room')).toHaveAttribute('data-hydrated', 'yes');
  await host.page.getByTestId('room').locator('header button').first().click(); // go live
  await expect(host.page.getByTestId('ceremony-state')).toHaveText(/Live/i);

  const removed = await signedIn(browser, delegate.email);
  let heldToken: { serverUrl: string; token: string } | undefined;
  removed.page.on('response', async (response) => {
    if (response.url().endsWith('/livekit-token') && response.ok()) heldToken = (await response.json()) as { serverUrl: string; token: string };
  });
  await passPreJoin(removed.page);
  await admitAll(host.page, removed.page, delegate.name);
  await expect.poll(() => heldToken !== undefined, { timeout: 30_000 }).toBe(true);

  await test.step('the organiser removes them: disconnected, and no new token', async () => {
    await host.page.getByRole('tab', { name: /Teilnehmende/ }).click();
    host.page.once('dialog', (dialog) => void dialog.accept());
    await host.page.getByTestId('people-entry').filter({ hasText: delegate.name }).getByRole('button').last().click();
    await expect(removed.page.getByTestId('room-removed')).toBeVisible();
    const status = await removed.page.evaluate(async (id) => (await fetch(`/api/ceremonies/${id}/livekit-token`, { method: 'POST' })).status, ceremonyId);
    expect(status).toBe(403);
  });

  await test.step('they come back with the old token (through another room page): LiveKit lets them in, the app throws them out', async () => {
    const rejoin = await signedIn(browser, accomplice.email);
    await rejoin.page.route('**/livekit-token', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(heldToken) }));
    await passPreJoin(rejoin.page);
    await admitAll(host.page, rejoin.page, accomplice.name);
    await host.page.getByRole('tab', { name: /Teilnehmende/ }).click();
    await expect
      .poll(async () => (await readAuditEvents(ceremonyId)).filter((event) => event.kind === 'participant.evicted').map((event) => event.payload.reason), {
        timeout: 30_000,
      })
      .toContain('removed');
    // Gone from the room for everyone.
    await expect.poll(() => host.page.getByTestId('people-entry').filter({ hasText: delegate.name }).count(), { timeout: 15_000 }).toBe(0);
    await rejoin.context.close();
  });

  for (const person of [host, removed]) await person.context.close();
});
