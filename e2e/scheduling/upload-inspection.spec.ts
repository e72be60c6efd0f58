import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { referenceDelegations } from '../../lib/demo/reference-scenario';
import { ACTIVE_CONTENT_PDFS, allowedLinkPdf, DECODE_BOMB_PDFS } from '@accord/pdf-signing/testing/hostile-pdfs';
import { expect, test } from '../fixtures';

/**
 * The upload screen and the PDF inspector (hostile cases "Active content upload", "Decoding bomb"): a refusal says why in the
 * user's language (the organiser's UI is German), a file a clean copy cures offers one by
 * keyboard, and a good upload shows the pre-flight summary with its links out.
 */

const organiser = referenceDelegations[0]!.members[0]!;
const stamp = Date.now().toString(36);

function localDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function choose(page: Page, name: string, bytes: Uint8Array, title: string) {
  await page.locator('#agreement-file').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  await page.locator('#agreement-title').fill(title);
}

test('the inspector refuses with the reason, offers a clean copy, and summarises a good upload', async ({ page, signIn }) => {
  test.setTimeout(120_000);
  await signIn(page, organiser.email);
  await page.goto('/ceremonies/new');
  await page.locator('input[name="title"]').fill(`Inspector check (${stamp})`);
  await page.locator('input[name="placeName"]').fill('Berlin');
  await page.locator('select[name="timeZone"]').selectOption('Europe/Berlin');
  await page.locator('input[name="startLocal"]').fill(`${localDay(12)}T10:00`);
  await page.locator('input[name="endLocal"]').fill(`${localDay(12)}T11:00`);
  await page.locator('form button[type="submit"]').last().click();
  await page.waitForURL(/\/ceremonies\/[^/]+\/people$/);
  await page.goto(page.url().replace(/\/people$/, '/documents'));

  // A decompression bomb: refused, no clean copy offered (none would cure it).
  await choose(page, 'bomb.pdf', DECODE_BOMB_PDFS['chain of filters (Flate over Flate, 1 GB page)'](), 'Bombe');
  await page.locator('#agreement-title').press('Enter');
  await expect(page.getByTestId('upload-error')).toContainText('Dekompressionsbombe');
  await expect(page.getByTestId('clean-copy-offer')).toHaveCount(0);

  // Active content: refused with what was found; the clean copy is offered and taken by keyboard.
  await choose(page, 'launch.pdf', ACTIVE_CONTENT_PDFS.launch(), 'Mit Startaktion');
  await page.locator('#agreement-title').press('Enter');
  await expect(page.getByTestId('upload-error')).toContainText('aktive Inhalte');
  await expect(page.getByTestId('upload-error')).toContainText('Starten von Programmen');
  const offer = page.getByTestId('clean-copy-offer').getByRole('button');
  await offer.focus();
  await expect(offer).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('upload-dropped')).toContainText('Starten von Programmen', { timeout: 20_000 });
  await expect(page.getByText('Mit Startaktion', { exact: true })).toBeVisible();

  // A good file with a link out: accepted, and the summary lists pages, fonts, the link and the language.
  await choose(page, 'linked.pdf', allowedLinkPdf(), 'Mit Link');
  await page.locator('#agreement-language').selectOption('de');
  await page.locator('#agreement-title').press('Enter');
  const summary = page.getByTestId('upload-preflight');
  await expect(summary).toContainText('https://example.org/treaty', { timeout: 20_000 });
  await expect(summary).toContainText('216 × 279 mm');
  await expect(summary).toContainText('Helvetica (nicht eingebettet)');
  await expect(summary).toContainText('de-DE');
  await expectAccessible(page);
});
