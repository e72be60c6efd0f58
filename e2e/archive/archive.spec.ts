import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { referenceArchivist, referencePress } from '../../lib/demo/reference-scenario';
import { dict, literalString, name, ref, serializeObjectBody } from '@accord/pdf-signing/pdf-objects';
import { appendUpdate } from '@accord/pdf-signing/testing/attack-corpus';
import { runPdfsig } from '@accord/pdf-signing/testing/external-validators';
import { unzipSync } from 'fflate';
import { expect, test } from '../fixtures';

/**
 * The archive end to end: the archivist finds the concluded LNI 4.0 × KOSMO ceremony by searching
 * "KOSMO", downloads the sealed PDF and the evidence package, and verifies the PDF.
 * The ceremony is concluded beforehand by the real use-cases (the signing screens are
 * exercised by their own specs): scripts/e2e/conclude-reference-ceremony.ts.
 */

interface Concluded {
  ceremonyId: string;
  title: string;
}

let concluded: Concluded;

test.beforeAll(() => {
  test.setTimeout(180_000);
  const output = execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/e2e/conclude-reference-ceremony.ts'], {
    env: { ...process.env, E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db' },
    encoding: 'utf8',
    // Its progress and the unreachable video server's complaints stay out of the report; a failure shows them.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  concluded = JSON.parse(output.trim().split('\n').at(-1)!) as Concluded;
});

async function expectNoAxeViolations(page: Page) {
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the archivist finds the concluded ceremony, downloads the sealed PDF and the evidence package, and verifies the PDF', async ({ page, signIn }) => {
  test.setTimeout(180_000);
  await signIn(page, referenceArchivist.email);

  await test.step('search "KOSMO" from the archive link in the header', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Archive' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible();
    await page.getByLabel('Title, party or signatory').fill('KOSMO');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=KOSMO/);
    const result = page.getByTestId('archive-results').getByRole('listitem').filter({ hasText: concluded.title });
    await expect(result).toBeVisible();
    // The seeded ceremony is still SCHEDULED: not in the archive.
    await expect(page.getByTestId('archive-results').getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('archive-search.png'), fullPage: true });
    await expectNoAxeViolations(page);
    await result.getByRole('link', { name: concluded.title }).click();
  });

  let sealedPath = '';
  await test.step('the ceremony record: originals, signatures, intact audit chain; download the sealed PDF', async () => {
    await expect(page).toHaveURL(new RegExp(`/archive/${concluded.ceremonyId}$`));
    await expect(page.getByRole('heading', { level: 1, name: concluded.title })).toBeVisible();
    await expect(page.getByTestId('audit-chain-status')).toContainText('The hash chain is intact');
    await expect(page.getByRole('heading', { name: 'Signatures' })).toBeVisible();
    await expect(page.getByTestId('download-sealed')).toHaveCount(6); // three languages × one original per party
    await page.screenshot({ path: test.info().outputPath('archive-record.png'), fullPage: true });
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-sealed').first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.sealed\.pdf$/);
    sealedPath = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(sealedPath);
    const pdfsig = runPdfsig(readFileSync(sealedPath));
    const signed = pdfsig.signatures.filter((signature) => !signature.unsigned);
    expect(signed.length, pdfsig.output).toBeGreaterThanOrEqual(3); // two signatories and the closing seal
    expect(
      signed.every((signature) => signature.validation === 'Signature is Valid.'),
      pdfsig.output,
    ).toBe(true);
    expect(signed.at(-1)!.totalDocumentSigned, pdfsig.output).toBe(true);
  });

  await test.step('place the ceremony on legal hold, with a reason', async () => {
    await page.getByLabel('Reason').fill('Ratification pending before both parliaments');
    await page.getByRole('button', { name: 'Place on legal hold' }).click();
    await expect(page.getByTestId('legal-hold-status')).toHaveText('This ceremony is on legal hold: nothing of it is deleted.');
    await expect(page.getByText('Reason: Ratification pending before both parliaments')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lift the legal hold' })).toBeVisible();
  });

  await test.step('download the evidence package; accord-verify accepts it offline', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-evidence-package').click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zipPath = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(zipPath);
    // Untrusted until the verifier names a root: the CA the package carries never counts.
    const untrusted = spawnSync('node', ['bin/accord-verify.mjs', zipPath], { encoding: 'utf8', env: { ...process.env, ACCORD_TRUST_ANCHORS: '' } });
    expect(untrusted.status, untrusted.stdout + untrusted.stderr).toBe(2);
    // The test plays the operator who knows the deployment's root: here the development root,
    // which the package also carries for reference.
    const rootPath = test.info().outputPath('root.pem');
    writeFileSync(rootPath, unzipSync(readFileSync(zipPath))['trust/platform-ca.pem']!);
    const verify = spawnSync('node', ['bin/accord-verify.mjs', '--trust', rootPath, zipPath], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('RESULT valid');
  });

  await test.step('upload the sealed PDF to the verify page and read "Valid"', async () => {
    await page.getByRole('link', { name: 'Back to the archive' }).click();
    await page.getByRole('link', { name: 'Verify a PDF' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verify a PDF' })).toBeVisible();
    await page.getByLabel('PDF file').setInputFiles(sealedPath);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByTestId('verify-verdict')).toHaveText('Valid', { timeout: 30_000 });
    await expect(page.getByTestId('verify-match')).toContainText(concluded.title);
    await expect(page.getByTestId('verify-match')).toContainText('It is the final revision.');
    await page.screenshot({ path: test.info().outputPath('archive-verify-valid.png'), fullPage: true });
    await expectNoAxeViolations(page);
  });

  await test.step('a copy changed after signing (an /OpenAction added) reads "Changed after signing", the change named', async () => {
    const changed = appendUpdate(readFileSync(sealedPath), (file, nextNum) => {
      const action = nextNum();
      return [
        { num: action, body: serializeObjectBody(dict({ S: name('JavaScript'), JS: literalString('app.alert(1)') })) },
        { num: file.rootRef.num, body: serializeObjectBody(file.catalog().clone().set('OpenAction', ref(action))) },
      ];
    });
    const changedPath = test.info().outputPath('changed-after-signing.pdf');
    writeFileSync(changedPath, changed);
    await page.getByLabel('PDF file').setInputFiles(changedPath);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByTestId('verify-verdict')).toHaveText('Changed after signing', { timeout: 30_000 });
    await expect(page.getByTestId('verify-changes').first()).toContainText('A document-wide setting (/OpenAction) was added or changed.');
    await expectNoAxeViolations(page);
  });
});

test('a member who is not an archivist gets no archive and no download (hostile cases "Cross-ceremony access" and "Archivist signs")', async ({
  page,
  signIn,
}) => {
  await signIn(page, referencePress.email);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Archive' })).toHaveCount(0);
  await page.goto('/archive');
  await expect(page.getByRole('heading', { name: 'The archive is not open to you' })).toBeVisible();
  const download = await page.request.get(`/api/archive/${concluded.ceremonyId}/download/evidence-package`);
  expect(download.status()).toBe(404);
  const verify = await page.request.post('/api/archive/verify', {
    data: Buffer.from('%PDF-1.7\n'),
    headers: { 'content-type': 'application/pdf', origin: new URL(page.url()).origin },
  });
  expect(verify.status()).toBe(403);
});

test('the retention cron route wants its bearer secret and, with no RETENTION_DAYS, purges nothing', async ({ request }) => {
  expect((await request.post('/api/cron/purge')).status()).toBe(401);
  expect((await request.post('/api/cron/purge', { headers: { authorization: 'Bearer wrong' } })).status()).toBe(401);
  // playwright.config.ts gives the app CRON_SECRET=e2e-cron-secret.
  const run = await request.post('/api/cron/purge', { headers: { authorization: 'Bearer e2e-cron-secret' } });
  expect(run.status()).toBe(200);
  expect(await run.json()).toMatchObject({ ok: true, retentionDays: null, purgedCount: 0 });
});
