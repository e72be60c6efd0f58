import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { referenceCeremony, referenceCeremonyId, referenceDelegations, referencePress } from '../../lib/demo/reference-scenario';
import ko from '../../messages/ko.json' with { type: 'json' };
import { expect, signInByEmail, test } from '../fixtures';
import { readAuditEvents } from '../support/audit-log';

/**
 * The live room against the real LiveKit server (scripts/livekit/start.sh): organiser,
 * signatory, a delegate and a press observer in four browser contexts with fake camera
 * and microphone.
 */

const organiser = referenceDelegations[0]!.members.find((member) => member.role === 'organiser')!;
const signatory = referenceDelegations[1]!.members.find((member) => member.role === 'signatory')!;
const delegate = referenceDelegations[1]!.members.find((member) => member.key === 'kosmo-delegate')!;
const press = referencePress;

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

/** Remote videos actually playing (decoded frames have a width). */
async function playingRemoteVideos(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLVideoElement>('[data-testid="video-grid"] video')].filter(
        (video) => video.videoWidth > 0 && !video.closest('[data-lk-local-participant="true"]'),
      ).length,
  );
}

async function passPreJoin(page: Page, ceremonyPath: string) {
  await page.goto(`${ceremonyPath}/room`);
  await expect(page.getByTestId('prejoin')).toBeVisible();
  await page.locator('.lk-join-button').click();
}

const roomCeremonyId = 'ceremony-e2e-room';

test('the live room: lobby, video both ways, hidden press, shared page, mute, removal and attendance', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await signedIn(browser, organiser.email);
  // Its own copy of the scenario: this test goes live and removes people.
  execFileSync(
    'npx',
    ['tsx', '--conditions=react-server', 'scripts/e2e/seed-ceremony-copy.ts', roomCeremonyId, `${referenceCeremony.title} (room rehearsal)`],
    { stdio: 'pipe' },
  );
  const ceremonyPath: string | null = `/ceremonies/${roomCeremonyId}`;
  await host.page.goto('/');
  await expect(host.page.getByRole('listitem').filter({ hasText: '(room rehearsal)' })).toBeVisible();
  const ceremonyId = ceremonyPath!.split('/')[2]!;

  await test.step('the organiser checks devices, enters the scheduled room and starts the ceremony', async () => {
    await passPreJoin(host.page, ceremonyPath!);
    await expect(host.page.getByTestId('room')).toBeVisible();
    // A click on the server's HTML before React hydrates it would be lost.
    await expect(host.page.getByTestId('room')).toHaveAttribute('data-hydrated', 'yes');
    await host.page.getByTestId('room').locator('header button').first().click(); // go live
    await expect(host.page.getByTestId('ceremony-state')).toHaveText(/Live|Live/i);
  });

  const signer = await signedIn(browser, signatory.email);
  const removedDelegate = await signedIn(browser, delegate.email);
  const reporter = await signedIn(browser, press.email);

  await test.step("the others wait in the lobby, with both capitals' clocks", async () => {
    await passPreJoin(signer.page, ceremonyPath!);
    await passPreJoin(removedDelegate.page, ceremonyPath!);
    await reporter.page.goto(`${ceremonyPath}/room`);
    await reporter.page.getByTestId('prejoin').getByRole('button').click();
    for (const person of [signer, removedDelegate, reporter]) await expect(person.page.getByTestId('lobby')).toBeVisible();
    await expect(signer.page.getByTestId('clock-Europe/Berlin')).toHaveText(/\d/);
    await expect(signer.page.getByTestId('clock-Asia/Seoul')).toHaveText(/\d/);
    await expect(signer.page.getByTestId('lobby-arrivals')).toContainText(signatory.name);
    await expect(signer.page.getByTestId('lobby-arrivals')).not.toContainText(press.name);
    await signer.page.screenshot({ path: test.info().outputPath('lobby-signatory.png'), fullPage: true });
    const lobbyScan = await new AxeBuilder({ page: signer.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(lobbyScan.violations.map((violation) => violation.id)).toEqual([]);
  });

  await test.step('the organiser sees the lobby live and admits everyone', async () => {
    await host.page.getByRole('tab', { name: /Warteraum/ }).click();
    const admissions = host.page.getByTestId('lobby-admissions');
    for (const name of [signatory.name, delegate.name, press.name]) await expect(admissions).toContainText(name);
    await admissions.getByRole('button', { name: /Alle Wartenden einlassen/ }).click();
    for (const person of [signer, removedDelegate, reporter]) await expect(person.page.getByTestId('room')).toBeVisible();
  });

  await test.step("each publisher's video reaches the others; the observer publishes nothing and is listed nowhere", async () => {
    await expect.poll(() => playingRemoteVideos(host.page), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => playingRemoteVideos(signer.page), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => playingRemoteVideos(reporter.page), { timeout: 30_000 }).toBe(3);
    await expect(reporter.page.locator('[data-lk-local-participant="true"]')).toHaveCount(0);
    await expect(reporter.page.locator('.lk-control-bar [data-lk-source]')).toHaveCount(0);
    for (const person of [host, signer]) {
      await person.page.getByRole('tab', { name: /Teilnehmende|참가자/ }).click();
      await expect(person.page.getByTestId('people-entry')).toHaveCount(3);
      await expect(person.page.getByTestId('people-panel')).not.toContainText(press.name);
      await expect(person.page.getByTestId('video-grid')).not.toContainText(press.name);
    }
    await host.page.screenshot({ path: test.info().outputPath('room-organiser.png') });
    const roomScan = await new AxeBuilder({ page: host.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(roomScan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await reporter.page.screenshot({ path: test.info().outputPath('room-press.png') });
  });

  await test.step("the organiser's page change reaches everyone's viewer", async () => {
    await host.page.getByTestId('document-pane').getByRole('button').last().click();
    await expect(host.page.getByTestId('document-page')).toHaveAttribute('data-page', '2');
    for (const person of [signer, removedDelegate, reporter]) {
      await expect(person.page.getByTestId('document-page')).toHaveAttribute('data-page', '2', { timeout: 5_000 });
    }
  });

  await test.step('folding the side panel gives the agreement the column; choosing a tab unfolds it', async () => {
    const region = signer.page.getByTestId('document-region');
    const before = (await region.boundingBox())!.height;
    await signer.page.getByTestId('fold-side-panels').click();
    await expect(signer.page.getByTestId('side-panels')).toHaveAttribute('data-folded', 'yes');
    await expect(signer.page.getByRole('tabpanel')).toHaveCount(0);
    await expect.poll(async () => (await region.boundingBox())!.height).toBeGreaterThan(before + 100);
    await signer.page.getByRole('tab', { name: /참가자/ }).click();
    await expect(signer.page.getByTestId('side-panels')).toHaveAttribute('data-folded', 'no');
    await expect(signer.page.getByTestId('people-panel')).toBeVisible();
  });

  await test.step('the muted person sees that the organiser muted them', async () => {
    const entry = host.page.getByTestId('people-entry').filter({ hasText: signatory.name });
    await entry.getByRole('button').first().click();
    await expect(signer.page.getByText(ko.live.room.mutedMicrophone)).toBeVisible();
    await expect(signer.page.locator('.lk-control-bar button[data-lk-source="microphone"]')).toHaveAttribute('data-lk-enabled', 'false');
  });

  await test.step('a removed participant is disconnected and cannot get a new token (hostile case "Removed participant")', async () => {
    host.page.once('dialog', (dialog) => void dialog.accept());
    await host.page.getByTestId('people-entry').filter({ hasText: delegate.name }).getByRole('button').last().click();
    await expect(removedDelegate.page.getByTestId('room-removed')).toBeVisible();
    const status = await removedDelegate.page.evaluate(
      async (id) => (await fetch(`/api/ceremonies/${id}/livekit-token`, { method: 'POST' })).status,
      ceremonyId,
    );
    expect(status).toBe(403);
    await expect(host.page.getByTestId('people-entry')).toHaveCount(2);
  });

  await test.step('the organiser removes the hidden press observer from the lobby tab', async () => {
    await host.page.getByRole('tab', { name: /Warteraum/ }).click();
    host.page.once('dialog', (dialog) => void dialog.accept());
    await host.page.getByTestId('lobby-admitted').locator('li').filter({ hasText: press.name }).getByRole('button').click();
    await expect(reporter.page.getByTestId('room-removed')).toBeVisible();
  });

  await test.step('the attendance log lists the joins and leaves', async () => {
    await expect
      .poll(
        async () => {
          const events = await readAuditEvents(ceremonyId);
          const identitiesWith = (kind: string) => new Set(events.filter((event) => event.kind === kind).map((event) => event.payload.name));
          return { joined: identitiesWith('participant.joined').size, left: identitiesWith('participant.left').size };
        },
        { timeout: 15_000 },
      )
      .toEqual({ joined: 4, left: 2 });
  });

  for (const person of [host, signer, removedDelegate, reporter]) await person.context.close();
});

test('without the video service the room says so, and the agreement still works', async ({ page }) => {
  await signInByEmail(page, organiser.email);
  // The token route answers as it does when LiveKit cannot be reached (lib/live/ensure-room.ts).
  await page.route('**/livekit-token', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'unreachable' } }) }),
  );
  await passPreJoin(page, `/ceremonies/${referenceCeremonyId}`);
  await expect(page.getByTestId('video-unreachable')).toBeVisible();
  await page.getByTestId('document-pane').getByRole('button').last().click();
  await expect(page.getByTestId('document-page')).toHaveAttribute('data-page', '2');
  await page.screenshot({ path: test.info().outputPath('room-video-unreachable.png') });
});
