import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { referenceCeremony, referenceDelegations } from '../../lib/demo/reference-scenario';
import { renderPage, runPdfsig } from '@accord/pdf-signing/testing/external-validators';
import de from '../../messages/de.json' with { type: 'json' };
import ko from '../../messages/ko.json' with { type: 'json' };
import { withFinalSounds } from '../../lib/i18n/korean-particle';
import { expect, signInByEmail, test } from '../fixtures';
import { expectClickable, expectViewerDrew, lookAtEveryField, PAGE_RENDER_TIMEOUT_MS, SERVER_PDF_STEP_TIMEOUT_MS } from '../support/signing-capture';

/**
 * The LNI 4.0 × KOSMO ceremony from SCHEDULED to CONCLUDED in the real room (real LiveKit,
 * real SMTP sign-in). Both signatories sign in alternat order — their own originals, the
 * exchange, the countersignatures — while the organiser and a delegate watch each signature
 * appear in the signing panel and in the viewer; the organiser concludes (the room stays
 * open for the closing), ends the ceremony for everyone (which archives it) and downloads
 * the evidence package, whose sealed PDFs pass pdfsig.
 * What you see is what you sign: a signer's viewer is held on each field due while their
 * capture is open (the organiser's page turns do not move it), Confirm waits until every
 * field was on screen, and the signature shows in place before confirming. Dr. Schäfer
 * signs on a small laptop (1024 × 768) and then a large screen (1440 × 900), 김민준 on a
 * phone (390 × 844): the Sign control is reachable and uncovered at each size.
 */

const lni = referenceDelegations[0]!;
const kosmo = referenceDelegations[1]!;
const organiser = lni.members.find((member) => member.role === 'organiser')!;
const schaefer = lni.members.find((member) => member.role === 'signatory')!;
const kim = kosmo.members.find((member) => member.role === 'signatory')!;
const delegate = lni.members.find((member) => member.key === 'lni-delegate')!;

const CEREMONY_BUDGET_MS = 600_000;

/**
 * Each run signs its own copy of the reference ceremony (a concluded copy cannot be signed
 * again), so that `--repeat-each` and retries run the whole ceremony each time.
 */
let signingCeremonyId = 'ceremony-e2e-signing';

interface Person {
  name: string;
  delegationName: string;
  context: BrowserContext;
  page: Page;
  messages: typeof de;
  /** The browser's own errors and warnings, said when one of this person's expectations fails. */
  console: string[];
}

/**
 * ICU just far enough for our strings: `{name}`, the `other` branch of a plural (count > 1) and
 * the Korean particle selects on `{nameFinal}` (the same final sounds the app computes).
 */
function say(template: string, values: Record<string, string | number>): string {
  const withFinals: Record<string, string | number> = withFinalSounds(values);
  const plural = /\{(\w+), plural, .*other \{([^{}]*)\}\}/.exec(template);
  const text = plural ? plural[2]!.replace('#', String(withFinals[plural[1]!])) : template;
  return text
    .replace(/\{(\w+), select, ((?:\w+ \{[^{}]*\} ?)+)\}/g, (_, key: string, arms: string) => {
      const choices = new Map([...arms.matchAll(/(\w+) \{([^{}]*)\}/g)].map((arm) => [arm[1]!, arm[2]!]));
      return choices.get(String(withFinals[key])) ?? choices.get('other') ?? '';
    })
    .replace(/\{(\w+)\}/g, (_, key: string) => String(withFinals[key]));
}

const desktop = { width: 1440, height: 900 };
const laptop = { width: 1024, height: 768 };
const phone = { width: 390, height: 844 };

async function signedIn(browser: Browser, email: string, name: string, delegationName: string, messages: typeof de, viewport = desktop): Promise<Person> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport,
    ...(viewport === phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (entry) => {
    if (entry.type() === 'error' || entry.type() === 'warning') console.push(`${new Date().toISOString()} ${entry.type()}: ${entry.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => console.push(`${new Date().toISOString()} pageerror: ${error.message.slice(0, 300)}`));
  // The page's refetches (React Server Component requests): when a change does not show, did the page ask, and what came back?
  page.on('requestfinished', (request) => {
    if (request.headers()['rsc']) console.push(`${new Date().toISOString()} rsc ${new URL(request.url()).pathname} done`);
  });
  page.on('request', (request) => {
    if (request.method() === 'POST')
      console.push(
        `${new Date().toISOString()} POST ${new URL(request.url()).pathname}${request.headers()['next-action'] ? ` (server action ${request.headers()['next-action']!.slice(0, 12)})` : ''}`,
      );
  });
  page.on('requestfailed', (request) =>
    console.push(`${new Date().toISOString()} failed ${request.method()} ${new URL(request.url()).pathname}: ${request.failure()?.errorText}`),
  );
  await signInByEmail(page, email);
  return { name, delegationName, context, page, messages, console };
}

async function enterRoom(person: Person) {
  await person.page.goto(`/ceremonies/${signingCeremonyId}/room`);
  await expect(person.page.getByTestId('prejoin')).toBeVisible();
  await person.page.locator('.lk-join-button').click();
}

async function signingStatus(page: Page) {
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/ceremonies/${id}/signing-status`);
    return (await response.json()) as {
      documents: { id: string; myStatus: string; revision: { number: number } | null; signatures: { signerName: string }[] }[];
    };
  }, signingCeremonyId);
}

/** The viewer shows the newest revision of whatever document it shows (it reloads by itself). */
async function expectViewerCurrent(person: Person) {
  await expect
    .poll(
      async () => {
        const pane = person.page.getByTestId('document-pane');
        const [documentId, rendered] = await Promise.all([pane.getAttribute('data-document-id'), pane.getAttribute('data-revision')]);
        const status = await signingStatus(person.page);
        const newest = status.documents.find((document) => document.id === documentId)?.revision?.number;
        return newest !== undefined && Number(rendered) === newest;
      },
      { timeout: 10_000, message: `${person.name}'s viewer shows the newest revision` },
    )
    .toBe(true);
}

/** Where a viewer is: document and drawn page. */
async function shownPage(person: Person) {
  const pane = person.page.getByTestId('document-pane');
  return `${await pane.getAttribute('data-document-id')}#${await pane.getAttribute('data-rendered-page')}`;
}

/**
 * A signatory signs every document due now (typed signature), watched by everyone else.
 * `interferer` (the organiser) turns the page while the capture is open: the signer's viewer
 * must not move, the others follow the organiser.
 */
async function signDue(
  signer: Person,
  watchers: Person[],
  expectedDocuments: number,
  signaturesBefore: number,
  options: { interferer?: Person; shot?: string } = {},
) {
  const m = signer.messages;
  const button = signer.page.getByTestId('sign-now');
  await expect(button).toHaveText(say(m.signing.signNow, { count: expectedDocuments }));
  await expectClickable(button);
  if (options.shot) await signer.page.screenshot({ path: test.info().outputPath(`${options.shot}-sign-button.png`) });
  await button.click();
  const capture = signer.page.getByTestId('signature-capture');
  await expect(capture).toBeVisible();

  // The capture names what is signed first, and the signer's viewer shows exactly that, with the field highlighted.
  const first = signer.page.getByTestId('signing-step-current');
  const firstDocument = await first.getAttribute('data-document-id');
  const firstPage = await first.getAttribute('data-page');
  await expect(signer.page.getByTestId('signing-step')).toHaveCount(expectedDocuments);
  await expect(signer.page.getByTestId('document-pane')).toHaveAttribute('data-document-id', firstDocument!);
  await expect(signer.page.getByTestId('document-pane')).toHaveAttribute('data-rendered-page', firstPage!, { timeout: PAGE_RENDER_TIMEOUT_MS });
  await expect(signer.page.getByTestId('my-field-highlight').first()).toBeVisible();

  // Spotlight: while the capture is open, everyone's layout focuses on the signer and the page being signed.
  for (const watcher of watchers) {
    await expect(watcher.page.getByTestId('room')).toHaveAttribute('data-spotlight', 'on');
    await expect(watcher.page.getByTestId('video-spotlight')).toBeVisible();
    await expect(watcher.page.getByTestId('spotlight-notice')).toContainText(signer.name);
  }
  const [watcher] = watchers;
  await expect.poll(async () => (await shownPage(watcher!)) === (await shownPage(signer)), { message: 'the watcher sees the page being signed' }).toBe(true);

  // Before every field was on screen, Confirm stays disabled and says why.
  await capture.getByRole('button', { name: m.signing.capture.review, exact: true }).click();
  const confirmButton = capture.getByRole('button', { name: m.signing.capture.confirm, exact: true });
  if (expectedDocuments > 1) {
    await expect(confirmButton).toBeDisabled();
    await expect(signer.page.getByTestId('confirm-blocked')).toBeVisible();
  }

  if (options.interferer) {
    // The organiser turns the page: the delegate follows the organiser, the signer's view is held.
    const before = await shownPage(signer);
    const organiserPane = options.interferer.page.getByTestId('document-pane');
    await options.interferer.page.getByRole('button', { name: options.interferer.messages.live.document.previous, exact: true }).click();
    const organiserPage = async () => `${await organiserPane.getAttribute('data-document-id')}#${await organiserPane.getAttribute('data-rendered-page')}`;
    const watcherOnly = watchers.find((person) => person !== options.interferer)!;
    await expect
      .poll(async () => (await shownPage(watcherOnly)) === (await organiserPage()), {
        message: 'the others follow the organiser',
        timeout: PAGE_RENDER_TIMEOUT_MS,
      })
      .toBe(true);
    expect(await shownPage(signer), "the signer's viewer is held on the field being signed").toBe(before);
  }

  await lookAtEveryField(signer.page);
  await expect(confirmButton).toBeEnabled();
  // The review: the signature drawn in place on the page, every document listed, the consent text.
  await expect(signer.page.getByTestId('signature-in-place').first()).toBeVisible();
  await expect(signer.page.getByTestId('signature-in-place').first()).toContainText(signer.name);
  await expect(signer.page.getByTestId('signature-preview')).toContainText(signer.name);
  await expect(signer.page.getByTestId('signing-review-document')).toHaveCount(expectedDocuments);
  await expect(signer.page.getByTestId('signing-consent')).not.toBeEmpty();
  await expectClickable(confirmButton);
  if (options.shot) await signer.page.screenshot({ path: test.info().outputPath(`${options.shot}-review.png`) });
  return async (shots: { signer?: string; watcher?: string } = {}) => {
    if (shots.signer) await signer.page.screenshot({ path: test.info().outputPath(shots.signer) });
    if (shots.watcher) await watcher!.page.screenshot({ path: test.info().outputPath(shots.watcher) });
    // The short notice ("Dr. Matthias Schäfer hat für … unterzeichnet") in each watcher's language; it fades after a few seconds.
    const noticesSeen = Promise.all(
      watchers.map((person) =>
        expect(person.page.getByText(say(person.messages.signing.signedNotice, { name: signer.name, delegation: signer.delegationName })).first()).toBeVisible({
          timeout: 60_000,
        }),
      ),
    );
    await confirmButton.click();
    await expect(capture).toBeHidden({ timeout: 60_000 });

    const after = signaturesBefore + expectedDocuments;
    for (const person of [signer, ...watchers]) {
      await expect(person.page.getByTestId('signature-entry')).toHaveCount(after);
      // The signer's "spotlight off" message normally ends it at once; if a client misses it,
      // the spotlight fades once the signer's heartbeat stops (STALE_MS, 12 s, use-spotlight.tsx).
      await expect(person.page.getByTestId('room')).toHaveAttribute('data-spotlight', 'off', { timeout: 20_000 });
      await expect(person.page.getByTestId('video-grid')).toBeVisible();
      await expectViewerCurrent(person);
    }
    await noticesSeen;
  };
}

test('the ceremony from SCHEDULED to CONCLUDED: alternat signing in the live room, seen by everyone, evidence package that pdfsig accepts', async ({
  browser,
}) => {
  // Bounds the whole ceremony, not any one wait (those stay condition-based, below): five
  // browsers, twelve signatures, the seal and the evidence package take ≈ 3 min on a quiet
  // two-core machine and ≈ 6.5 min while other work keeps both cores busy.
  test.setTimeout(CEREMONY_BUDGET_MS);
  const { repeatEachIndex, retry } = test.info();
  signingCeremonyId = repeatEachIndex === 0 && retry === 0 ? 'ceremony-e2e-signing' : `ceremony-e2e-signing-${repeatEachIndex}-${retry}`;
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/e2e/seed-ceremony-copy.ts', signingCeremonyId, `${referenceCeremony.title} (signing)`], {
    stdio: 'pipe',
  });

  const host = await signedIn(browser, organiser.email, organiser.name, lni.name, de);
  await test.step('the organiser enters the scheduled room and starts the ceremony', async () => {
    await enterRoom(host);
    await expect(host.page.getByTestId('room')).toBeVisible();
    await expect(host.page.getByTestId('room')).toHaveAttribute('data-hydrated', 'yes');
    await host.page.getByTestId('room').locator('header').getByRole('button', { name: de.live.room.goLive }).click();
    await expect(host.page.getByTestId('ceremony-state')).toHaveText(de.states.LIVE);
  });

  const lniSigner = await signedIn(browser, schaefer.email, schaefer.name, lni.name, de, laptop);
  const kosmoSigner = await signedIn(browser, kim.email, kim.name, kosmo.name, ko as typeof de, phone);
  const watcher = await signedIn(browser, delegate.email, delegate.name, lni.name, de);
  const everyone = [host, lniSigner, kosmoSigner, watcher];

  await test.step('both signatories and a delegate wait in the lobby; the organiser admits them', async () => {
    for (const person of [lniSigner, kosmoSigner, watcher]) await enterRoom(person);
    for (const person of [lniSigner, kosmoSigner, watcher]) await expect(person.page.getByTestId('lobby')).toBeVisible();
    await host.page.getByRole('tab', { name: de.live.lobby.tab }).click();
    await host.page.getByTestId('lobby-admissions').getByRole('button', { name: de.live.lobby.admitAll }).click();
    for (const person of everyone) {
      await expect(person.page.getByTestId('room')).toBeVisible();
      await expect(person.page.getByTestId('signing-panel')).toBeVisible();
      // The viewer renders the agreement itself (pdf.js), not a placeholder.
      await expectViewerDrew(person.page, person.name, '0');
    }
    // "Your turn" only once signing is open: before that, the signatory is told it is not open yet.
    await expect(lniSigner.page.getByTestId('sign-now')).toHaveCount(0);
    await expect(lniSigner.page.getByTestId('my-status').filter({ hasText: de.signing.myStatus['not-open'] })).toHaveCount(6);
    await expect(lniSigner.page.getByTestId('my-status').filter({ hasText: de.signing.myStatus['sign-now'] })).toHaveCount(0);
  });

  await test.step('the organiser opens signing: everyone sees the prepared revision', async () => {
    await host.page.getByTestId('signing-panel').getByRole('button', { name: de.signing.organiser.open }).click();
    for (const person of everyone) {
      await expect(person.page.getByTestId('signing-state'))
        .toHaveText(person.messages.signing.state.open, { timeout: SERVER_PDF_STEP_TIMEOUT_MS })
        .catch((error: unknown) => {
          throw new Error(`${person.name} does not see signing open. Browser: ${person.console.slice(-16).join(' | ') || 'nothing'}\n${String(error)}`);
        });
      await expectViewerDrew(person.page, person.name, '1');
    }
    await expect(watcher.page.getByTestId('sign-now')).toHaveCount(0);
    await host.page.screenshot({ path: test.info().outputPath('signing-opened-organiser.png') });
  });

  await test.step('Dr. Schäfer signs the LNI 4.0 originals in three languages, in the spotlight', async () => {
    const confirm = await signDue(lniSigner, [watcher, host, kosmoSigner], 3, 0, { shot: 'laptop-1024x768' });
    const scan = await new AxeBuilder({ page: lniSigner.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await confirm({ signer: 'signing-review-signatory.png', watcher: 'signing-spotlight-delegate.png' });
    await watcher.page.screenshot({ path: test.info().outputPath('signed-first-delegate.png') });
  });

  await test.step('out of turn: Dr. Schäfer cannot countersign before the exchange of originals (hostile case "Out of turn")', async () => {
    await expect(lniSigner.page.getByTestId('sign-now')).toHaveCount(0);
    await expect(lniSigner.page.getByTestId('my-status').filter({ hasText: de.signing.myStatus['awaiting-exchange'] })).toHaveCount(3);
    const refused = await lniSigner.page.evaluate(async (id) => {
      const response = await fetch(`/api/ceremonies/${id}/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: `e2e-out-of-turn-${Date.now()}`, capture: { typed: 'Out of turn' } }),
      });
      return { status: response.status, body: (await response.json()) as { error: { message: string } } };
    }, signingCeremonyId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('The originals have not been exchanged yet.');
    expect((await signingStatus(lniSigner.page)).documents.flatMap((document) => document.signatures)).toHaveLength(3);
  });

  await test.step('김민준 signs the KOSMO originals', async () => {
    const confirm = await signDue(kosmoSigner, [watcher, host, lniSigner], 3, 3, { shot: 'phone-390x844' });
    await confirm({ signer: 'signing-review-kosmo.png' });
  });

  await test.step('the organiser records the exchange of originals; the countersignatures follow', async () => {
    await host.page.getByTestId('signing-panel').getByRole('button', { name: de.signing.organiser.exchange }).click();
    await expect(lniSigner.page.getByTestId('sign-now')).toBeVisible();
    await lniSigner.page.setViewportSize(desktop);
    const schaeferCountersigns = await signDue(lniSigner, [watcher, host, kosmoSigner], 3, 6, { shot: 'desktop-1440x900' });
    await schaeferCountersigns();
    // The defect this guards against: after the exchange 김민준's capture opened for the LNI 4.0
    // originals while his viewer still showed a KOSMO original. Now the capture holds his viewer on
    // the LNI 4.0 original it signs, whatever the organiser does meanwhile.
    const kimCountersigns = await signDue(kosmoSigner, [watcher, host, lniSigner], 3, 9, { interferer: host });
    const dueForKim = (await signingStatus(kosmoSigner.page)).documents.filter((document) => document.myStatus === 'sign-now').map((document) => document.id);
    expect(dueForKim).toHaveLength(3);
    expect(dueForKim).toContain(await kosmoSigner.page.getByTestId('document-pane').getAttribute('data-document-id'));
    await kimCountersigns();
    await watcher.page.screenshot({ path: test.info().outputPath('signed-all-delegate.png') });
    for (const person of [lniSigner, kosmoSigner]) await expect(person.page.getByTestId('sign-now')).toHaveCount(0);
  });

  await test.step('the organiser concludes: the room stays open for the closing, signing is read-only', async () => {
    const conclude = host.page.getByTestId('signing-panel').getByRole('button', { name: de.signing.organiser.conclude });
    await expect(conclude).toBeEnabled();
    await conclude.click();
    for (const person of everyone) {
      await expect(person.page.getByTestId('concluded-notice')).toBeVisible({ timeout: 90_000 });
      await expect(person.page.getByTestId('concluded-notice')).toContainText(person.messages.signing.concluded.heading);
      await expect(person.page.getByTestId('ceremony-state')).toHaveText(person.messages.states.CONCLUDED);
      await expect(person.page.getByTestId('room')).toBeVisible();
      await expect(person.page.getByTestId('sign-now')).toHaveCount(0);
    }
    await expect(host.page.getByTestId('signing-panel').getByRole('button')).toHaveCount(0);
    await expect(host.page.getByTestId('programme-controls')).toBeVisible();
    await host.page.screenshot({ path: test.info().outputPath('concluded-room-organiser.png') });
  });

  await test.step('the organiser ends the ceremony for everyone: it is archived and the room closes, pointing to the signed originals', async () => {
    const end = host.page.getByTestId('end-for-all');
    await expect(end).toHaveText(de.live.room.endAndArchive);
    host.page.once('dialog', (dialog) => void dialog.accept());
    await end.click();
    await expect(host.page.getByTestId('concluded-record')).toBeVisible({ timeout: 30_000 });
    await expect(host.page.getByText(de.live.closed.overTitle)).toBeVisible();
    await expect(watcher.page.getByText(de.live.closed.overTitle)).toBeVisible({ timeout: 30_000 });
    await expect(kosmoSigner.page.getByText(ko.live.closed.overTitle)).toBeVisible({ timeout: 30_000 });
  });

  await test.step('the evidence package downloads; every sealed original passes pdfsig; the certificate renders', async () => {
    await host.page.getByTestId('concluded-record').click();
    await expect(host.page).toHaveURL(new RegExp(`/archive/${signingCeremonyId}$`));
    const [download] = await Promise.all([host.page.waitForEvent('download'), host.page.getByTestId('download-evidence-package').click()]);
    const zipPath = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const sealed = Object.keys(files).filter((name) => name.startsWith('originals/') && name.endsWith('.sealed.pdf'));
    expect(sealed).toHaveLength(6);
    for (const name of sealed) {
      const pdfsig = runPdfsig(files[name]!);
      const signed = pdfsig.signatures.filter((signature) => !signature.unsigned);
      expect(signed, `${name}\n${pdfsig.output}`).toHaveLength(3); // both signatories and the closing seal
      expect(
        signed.every((signature) => signature.validation === 'Signature is Valid.'),
        pdfsig.output,
      ).toBe(true);
      expect(signed.at(-1)!.totalDocumentSigned, pdfsig.output).toBe(true);
    }
    const lastPage = (bytes: Uint8Array) => Number(/\/Count (\d+)/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? 1);
    const original = files[sealed[0]!]!;
    writeFileSync(test.info().outputPath('sealed-original.pdf'), original);
    renderPage(original, lastPage(original), test.info().outputPath('sealed-original-signature-page'), 80);
    renderPage(files['certificate-of-completion.pdf']!, 1, test.info().outputPath('certificate-page-1'), 80);
  });

  for (const person of everyone) await person.context.close();
});
