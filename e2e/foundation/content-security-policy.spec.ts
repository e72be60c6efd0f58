import type { Page } from '@playwright/test';
import { referenceCeremonyId, referenceDelegations } from '../../lib/demo/reference-scenario';
import { expect, test } from '../fixtures';

/**
 * The pages work under the nonce-based Content-Security-Policy the proxy sends: Next's
 * scripts run, pdf.js draws a page from its worker, the room reaches the LiveKit server,
 * and the browser reports no violation on the way.
 */

const organiser = referenceDelegations[0]!.members.find((member) => member.role === 'organiser')!;

async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('every page carries a nonce policy and works under it: sign-in, home, the fields editor (pdf.js) and the room (LiveKit)', async ({ page, signIn }) => {
  test.setTimeout(120_000);
  const violations = await collectViolations(page);

  const signInPage = await page.goto('/sign-in');
  const policy = signInPage?.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  // Next put the nonce on its own scripts, and nothing runs without one.
  const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((value) => value === nonce)).toBe(true);
  // A second load gets another nonce.
  const again = await page.goto('/sign-in');
  expect(again?.headers()['content-security-policy']).not.toBe(policy);

  await signIn(page, organiser.email);
  await expect(page.getByRole('listitem').first()).toBeVisible();

  // pdf.js: the worker starts and a page is drawn into the canvas.
  await page.goto(`/ceremonies/${referenceCeremonyId}/documents`);
  const fieldsLink = page.locator('a[href*="/fields?document="]').first();
  await fieldsLink.click();
  const canvas = page.getByTestId('page-stage').locator('canvas').first();
  await expect(canvas).toBeVisible();
  await expect.poll(() => canvas.evaluate((element) => (element as HTMLCanvasElement).width), { timeout: 20_000 }).toBeGreaterThan(0);

  // LiveKit: the organiser may enter the scheduled room; the client connects over WebSocket.
  await page.goto(`/ceremonies/${referenceCeremonyId}/room`);
  await expect(page.getByTestId('prejoin')).toBeVisible();
  await page.locator('.lk-join-button').click();
  await expect(page.locator('[data-lk-local-participant="true"]').first()).toBeVisible({ timeout: 30_000 });

  expect(violations).toEqual([]);
});
