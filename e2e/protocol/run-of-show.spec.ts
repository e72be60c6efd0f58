import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { referenceCeremony, referenceDelegations, referencePress } from '../../lib/demo/reference-scenario';
import de from '../../messages/de.json' with { type: 'json' };
import ko from '../../messages/ko.json' with { type: 'json' };
import { expect, signInByEmail, test } from '../fixtures';
import { lookAtEveryField } from '../support/signing-capture';
import { readAuditEvents } from '../support/audit-log';
import { readAgreementDocumentIds } from '../support/ceremony-documents';

/**
 * The run of show end to end, against the real LiveKit server: the organiser runs the seed
 * ceremony's programme with both signatories and the press in four browser contexts —
 * roll call, remarks, signing (alternat: own originals, exchange, countersignature),
 * conclusion, closing — while the press sees every step but no page until the organiser releases them.
 * Screenshots of the room at each step (test-results/…/protocol-*.png).
 */

const ceremonyId = 'ceremony-e2e-protocol';
const organiser = referenceDelegations[0]!.members.find((member) => member.role === 'organiser')!;
const lniSignatory = referenceDelegations[0]!.members.find((member) => member.role === 'signatory')!;
const kosmoSignatory = referenceDelegations[1]!.members.find((member) => member.role === 'signatory')!;
const press = referencePress;
const closingTitle = 'Closing words and family photo';

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

async function signedIn(browser: Browser, name: string, email: string): Promise<Person> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  await signInByEmail(page, email);
  return { name, context, page };
}

async function enterRoom(person: Person, observer = false) {
  await person.page.goto(`/ceremonies/${ceremonyId}/room`);
  await expect(person.page.getByTestId('prejoin')).toBeVisible();
  if (observer) await person.page.getByTestId('prejoin').getByRole('button').click();
  else await person.page.locator('.lk-join-button').click();
}

async function shoot(people: Person[], step: string) {
  for (const person of people) await person.page.screenshot({ path: test.info().outputPath(`protocol-${step}-${person.name}.png`) });
}

/** Everyone's programme shows the same current step. */
async function expectCurrentStep(people: Person[], kind: string, timeout = 10_000) {
  for (const person of people) await expect(person.page.getByTestId('programme-current')).toHaveAttribute('data-kind', kind, { timeout });
}

/** A signatory signs everything that is their turn now: look at each field, type (prefilled name), review, confirm. */
async function signMyTurn(person: Person, texts: { review: string; confirm: string }) {
  const panel = person.page.getByTestId('signing-panel');
  await panel.getByTestId('sign-now').click();
  const capture = person.page.getByTestId('signature-capture');
  await lookAtEveryField(person.page);
  await capture.getByRole('button', { name: texts.review, exact: true }).click();
  await capture.getByRole('button', { name: texts.confirm, exact: true }).click();
  await expect(capture).toBeHidden({ timeout: 30_000 });
}

test('before the day: the organiser edits the programme; full powers and the readiness checklist are on their screens', async ({ page, browser }) => {
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/e2e/seed-ceremony-copy.ts', ceremonyId, `${referenceCeremony.title} (protocol)`], {
    stdio: 'pipe',
  });
  await signInByEmail(page, organiser.email);

  await page.goto(`/ceremonies/${ceremonyId}/programme`);
  const editor = page.getByTestId('programme-editor');
  await expect(editor.getByTestId('programme-step')).toHaveCount(6);
  const closing = editor.locator('[data-testid="programme-step"][data-kind="closing"]');
  await closing.getByRole('textbox').fill(closingTitle);
  await editor.getByTestId('programme-save').click();
  await expect(page.getByRole('status').filter({ hasText: de.protocol.editor.saved })).toBeVisible();
  // Saved once, the page shows this ceremony's programme, which can be saved again.
  await expect(page.getByText(de.protocol.editor.intro)).toBeVisible();
  await editor.getByTestId('programme-save').click();
  await expect(page.getByRole('status').filter({ hasText: de.protocol.editor.saved })).toBeVisible();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('protocol-0-programme-editor.png'), fullPage: true });
  const editorScan = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(editorScan.violations.map((violation) => violation.id)).toEqual([]);

  await page.goto(`/ceremonies/${ceremonyId}`);
  await expect(page.getByTestId('protocol-checklist')).toBeVisible();
  await expect(page.getByTestId('readiness-row')).not.toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('protocol-0-checklist.png'), fullPage: true });

  // KOSMO's protocol officer sees LNI's signatory's full powers, approved by KOSMO in the seed.
  const kosmoOfficer = await browser.newContext();
  const officerPage = await kosmoOfficer.newPage();
  await signInByEmail(officerPage, referenceDelegations[1]!.members.find((member) => member.role === 'organiser')!.email);
  await officerPage.goto(`/ceremonies/${ceremonyId}/full-powers`);
  await expect(officerPage.getByTestId('full-powers-signatory')).toHaveCount(2);
  await expect(officerPage.getByTestId('full-powers-signatory').first()).toHaveAttribute('data-status', 'approved');
  const letter = await officerPage.request.get((await officerPage.getByTestId('full-powers-letter').first().getAttribute('href')) ?? '');
  expect(letter.headers()['content-type']).toBe('application/pdf');
  await officerPage.screenshot({ path: test.info().outputPath('protocol-0-full-powers.png'), fullPage: true });
  const fullPowersScan = await new AxeBuilder({ page: officerPage }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(fullPowersScan.violations.map((violation) => violation.id)).toEqual([]);
  await kosmoOfficer.close();
});

test('the run of show: roll call, remarks, signing with the exchange, closing; the press sees steps but no pages until released', async ({ browser }) => {
  // Four browsers, four confirmations each stepping through its three originals in the viewer, the seal.
  test.setTimeout(420_000);
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/e2e/seed-ceremony-copy.ts', ceremonyId, `${referenceCeremony.title} (protocol)`], {
    stdio: 'pipe',
  });
  const documentIds = await readAgreementDocumentIds(ceremonyId);
  expect(documentIds).toHaveLength(6);

  const host = await signedIn(browser, 'organiser', organiser.email);
  await test.step('the organiser enters, starts the ceremony and sees the programme not yet begun', async () => {
    await enterRoom(host);
    await expect(host.page.getByTestId('room')).toBeVisible();
    // A click on the server's HTML before React hydrates it would be lost.
    await expect(host.page.getByTestId('room')).toHaveAttribute('data-hydrated', 'yes');
    await host.page.getByTestId('room').locator('header button').first().click(); // go live
    await expect(host.page.getByTestId('ceremony-state')).toHaveText(de.states.LIVE);
    await expect(host.page.getByTestId('programme-current')).toHaveAttribute('data-kind', 'none');
    await expect(host.page.getByTestId('programme-next')).toContainText(de.protocol.kinds.opening);
  });

  const lni = await signedIn(browser, 'lni-signatory', lniSignatory.email);
  const kosmo = await signedIn(browser, 'kosmo-signatory', kosmoSignatory.email);
  const reporter = await signedIn(browser, 'press', press.email);
  const everyone = [host, lni, kosmo, reporter];

  await test.step('everyone else is admitted from the lobby', async () => {
    await enterRoom(lni);
    await enterRoom(kosmo);
    await enterRoom(reporter, true);
    for (const person of [lni, kosmo, reporter]) await expect(person.page.getByTestId('lobby')).toBeVisible();
    await host.page.getByRole('tab', { name: new RegExp(de.live.lobby.tab) }).click();
    const admissions = host.page.getByTestId('lobby-admissions');
    for (const person of [lniSignatory, kosmoSignatory, press]) await expect(admissions).toContainText(person.name);
    await admissions.getByRole('button', { name: de.live.lobby.admitAll }).click();
    for (const person of [lni, kosmo, reporter]) await expect(person.page.getByTestId('room')).toBeVisible();
    // LiveKit's webhooks have recorded both signatories in the call (the roll call is prefilled from them).
    await expect
      .poll(async () => new Set((await readAuditEvents(ceremonyId)).filter((e) => e.kind === 'participant.joined').map((e) => e.payload.name)).size, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(4);
  });

  await test.step('opening and roll call: the organiser confirms who is present, prefilled from the attendance', async () => {
    await host.page.getByTestId('programme-advance').click();
    await expectCurrentStep(everyone, 'opening');
    const rollCall = host.page.getByTestId('roll-call');
    await expect(rollCall).toBeVisible();
    for (const name of [lniSignatory.name, kosmoSignatory.name]) await expect(rollCall.getByRole('checkbox', { name })).toBeChecked();
    // Someone who is not in the call is not ticked.
    const minister = referenceDelegations[0]!.members.find((member) => member.key === 'lni-minister')!;
    await expect(rollCall.getByRole('checkbox', { name: minister.name })).not.toBeChecked();
    await shoot([host, reporter], '1-roll-call');
    await rollCall.getByTestId('roll-call-confirm').click();
    await expect(rollCall.getByRole('status')).toBeVisible();
    await expect.poll(async () => (await readAuditEvents(ceremonyId)).filter((e) => e.kind === 'roll-call.confirmed').length).toBe(1);
    const roomScan = await new AxeBuilder({ page: host.page }).include('[data-testid="programme"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(roomScan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  await test.step('remarks by each head of delegation: everyone, the press included, sees who has the floor', async () => {
    await host.page.getByTestId('programme-advance').click();
    await expectCurrentStep(everyone, 'remarks');
    await expect(reporter.page.getByTestId('programme-speaker')).toContainText(lniSignatory.name);
    await expect(reporter.page.getByTestId('programme-next')).toContainText(kosmoSignatory.name);
    await shoot([reporter, lni], '2-remarks-lni');
    await host.page.getByTestId('programme-advance').click();
    await expect(reporter.page.getByTestId('programme-speaker')).toContainText(kosmoSignatory.name);
    await expect(kosmo.page.getByTestId('programme-speaker')).toContainText(kosmoSignatory.name);
    await shoot([reporter, kosmo], '3-remarks-kosmo');
  });

  await test.step('reaching the signing step opens signing; the press sees the step, no pages, and no route gives it bytes', async () => {
    await host.page.getByTestId('programme-advance').click();
    // Opening signing prepares every original (six PDFs) before the step moves.
    await expectCurrentStep(everyone, 'signing', 60_000);
    await expect(host.page.getByTestId('ceremony-state')).toHaveText(de.states.SIGNING);
    await expect(lni.page.getByTestId('sign-now')).toBeVisible();
    await expect(reporter.page.getByTestId('document-pane')).toHaveCount(0);
    await expect(lni.page.getByTestId('document-pane')).toBeVisible();
    const statuses = await reporter.page.evaluate(
      async ({ id, documents }) =>
        Promise.all(
          documents.flatMap((documentId) => [
            fetch(`/api/ceremonies/${id}/documents/${documentId}/file`).then((r) => r.status),
            fetch(`/api/ceremonies/${id}/documents/${documentId}/revision`).then((r) => r.status),
            fetch(`/api/archive/${id}/download/document?document=${documentId}`).then((r) => r.status),
          ]),
        ),
      { id: ceremonyId, documents: documentIds },
    );
    expect(new Set(statuses)).toEqual(new Set([403, 404]));
    // The exchange cannot begin before each party has signed its own original: said beside the controls.
    await host.page.getByTestId('programme-advance').click();
    await expect(host.page.getByTestId('programme-error')).toHaveText(de.errors.reasons['own-originals-first']);
    await expectCurrentStep([host, reporter], 'signing');
    await shoot(everyone, '4-signing');
  });

  await test.step('alternat: each signatory signs their own originals, the exchange step records the exchange, then they countersign', async () => {
    await signMyTurn(lni, { review: de.signing.capture.review, confirm: de.signing.capture.confirm });
    await signMyTurn(kosmo, { review: ko.signing.capture.review, confirm: ko.signing.capture.confirm });
    await expect(host.page.getByTestId('signature-entry')).toHaveCount(6);
    await host.page.getByTestId('programme-advance').click();
    await expectCurrentStep(everyone, 'exchange');
    await expect(host.page.getByTestId('programme-error')).toHaveCount(0);
    await shoot([host, reporter], '5-exchange');
    await signMyTurn(lni, { review: de.signing.capture.review, confirm: de.signing.capture.confirm });
    await signMyTurn(kosmo, { review: ko.signing.capture.review, confirm: ko.signing.capture.confirm });
    await expect(host.page.getByTestId('signature-entry')).toHaveCount(12);
    await expect(reporter.page.getByTestId('signature-entry')).toHaveCount(12);
    await shoot([lni, reporter], '6-countersigned');
  });

  await test.step('the organiser concludes: everyone stays in the room, signing is read-only, the programme runs on', async () => {
    await host.page.getByTestId('signing-panel').getByRole('button', { name: de.signing.organiser.conclude }).click();
    for (const person of everyone) {
      await expect(person.page.getByTestId('concluded-notice')).toBeVisible({ timeout: 90_000 });
      await expect(person.page.getByTestId('room')).toBeVisible();
    }
    await expect(host.page.getByTestId('ceremony-state')).toHaveText(de.states.CONCLUDED);
    // The seal moved the run of show on by itself: nobody still reads "now: exchange".
    await expectCurrentStep(everyone, 'closing');
  });

  await test.step('closing, after conclusion: the organiser releases the pages, and only now does the press see them', async () => {
    await expect(reporter.page.getByTestId('programme-current')).toContainText(closingTitle);
    await expect(reporter.page.getByTestId('document-pane')).toHaveCount(0);
    host.page.once('dialog', (dialog) => void dialog.accept());
    await host.page.getByTestId('release-pages').click();
    await expect(host.page.getByTestId('pages-released')).toBeVisible();
    await expect(reporter.page.getByTestId('document-pane')).toBeVisible({ timeout: 10_000 });
    await expect
      .poll(
        () =>
          reporter.page
            .getByTestId('document-pane')
            .locator('canvas')
            .evaluateAll((canvases) => canvases.some((canvas) => (canvas as HTMLCanvasElement).width > 0)),
        { timeout: 15_000 },
      )
      .toBe(true);
    const status = await reporter.page.evaluate(async ({ id, documentId }) => (await fetch(`/api/ceremonies/${id}/documents/${documentId}/revision`)).status, {
      id: ceremonyId,
      documentId: documentIds[0]!,
    });
    expect(status).toBe(200);
    await shoot([host, reporter], '7-closing-released');
  });

  await test.step('each step change is one audit event, with the time in both capitals', async () => {
    await host.page.getByTestId('programme-advance').click();
    await expect(host.page.getByTestId('programme-current')).toHaveAttribute('data-kind', 'none');
    await expect(host.page.getByTestId('programme-advance')).toHaveCount(0);
    const moves = (await readAuditEvents(ceremonyId)).filter((event) => event.kind === 'run-of-show.moved');
    expect(moves.map((event) => event.payload.stepKind)).toEqual(['opening', 'remarks', 'remarks', 'signing', 'exchange', 'closing', null]);
    for (const move of moves) expect(move.payload.times).toEqual([expect.stringMatching(/^Berlin: /), expect.stringMatching(/^Seoul: /)]);
    await shoot([host], '8-programme-complete');
  });

  for (const person of everyone) await person.context.close();
});

test('the technical rehearsal: the same room on SPECIMEN copies, readiness reported, the signing pad tried', async ({ browser }) => {
  test.setTimeout(180_000);
  const rehearsalId = 'ceremony-e2e-rehearsal';
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/e2e/seed-ceremony-copy.ts', rehearsalId, `${referenceCeremony.title} (rehearsal)`], {
    stdio: 'pipe',
  });
  const host = await signedIn(browser, 'organiser', organiser.email);
  const lni = await signedIn(browser, 'lni-signatory', lniSignatory.email);
  for (const person of [host, lni]) {
    await person.page.goto(`/ceremonies/${rehearsalId}/room`);
    await person.page.locator('.lk-join-button').click();
  }
  await expect(host.page.getByTestId('room')).toBeVisible();
  await expect(host.page.getByTestId('rehearsal-badge')).toBeVisible();
  await expect(host.page.getByTestId('ceremony-state')).toHaveText(de.states.SCHEDULED);
  await host.page.getByRole('tab', { name: new RegExp(de.live.lobby.tab) }).click();
  await host.page.getByTestId('lobby-admissions').getByRole('button', { name: de.live.lobby.admitAll }).click();
  await expect(lni.page.getByTestId('room')).toBeVisible();

  // The signatory's browser measures and reports camera, microphone and connection.
  await expect(lni.page.getByTestId('readiness-probe')).toHaveAttribute('data-reported', 'yes', { timeout: 30_000 });
  // The rehearsal runs the programme; its signing step makes the SPECIMEN copies.
  for (let step = 0; step < 4; step++) await host.page.getByTestId('programme-advance').click();
  await expect(host.page.getByTestId('programme-current')).toHaveAttribute('data-kind', 'signing', { timeout: 60_000 });
  await expect(host.page.getByTestId('ceremony-state')).toHaveText(de.states.SCHEDULED);
  await expect(lni.page.getByTestId('document-pane')).toContainText('SPECIMEN', { timeout: 15_000 });
  await lni.page.getByTestId('try-signing-pad').click();
  const capture = lni.page.getByTestId('signature-capture');
  await capture.getByRole('button', { name: de.signing.capture.review, exact: true }).click();
  await capture.getByRole('button', { name: de.signing.capture.confirm, exact: true }).click();
  await expect(lni.page.getByTestId('signing-pad-trial').getByRole('status')).toHaveText(de.protocol.rehearsal.padTried);
  await lni.page.screenshot({ path: test.info().outputPath('protocol-rehearsal-signatory.png') });
  await host.page.screenshot({ path: test.info().outputPath('protocol-rehearsal-organiser.png') });

  // The organiser's checklist shows the signatory ready, the pad tried.
  await host.page.goto(`/ceremonies/${rehearsalId}`);
  const row = host.page.getByTestId('readiness-row').filter({ hasText: lniSignatory.name });
  await expect(row).toHaveAttribute('data-ready', 'checked');
  await expect(row).toContainText(de.protocol.overview.readiness.ok);
  await host.page.screenshot({ path: test.info().outputPath('protocol-rehearsal-checklist.png'), fullPage: true });
  const events = (await readAuditEvents(rehearsalId)).map((event) => event.kind);
  expect(events).toContain('rehearsal.specimens-prepared');
  expect(events).toContain('rehearsal.specimen-signed');
  expect(events).not.toContain('signing.opened');
  for (const person of [host, lni]) await person.context.close();
});
