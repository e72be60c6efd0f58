import { test as base, expect, type Page } from '@playwright/test';
import { extractSignInLink, waitForMail } from './support/mailbox';

export { expect };

/**
 * Signs `email` in the way a person does: asks for a magic link, receives it over SMTP,
 * opens it. Returns the page on the signed-in home screen.
 */
export async function signInByEmail(page: Page, email: string): Promise<void> {
  const since = Date.now() - 1;
  await page.goto('/sign-in');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL(/\/check-email/);
  const mail = await waitForMail(email, since);
  await page.goto(extractSignInLink(mail));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in') && !url.pathname.startsWith('/api/auth'));
}

export const test = base.extend<{ signIn: (page: Page, email: string) => Promise<void> }>({
  signIn: async ({}, use) => {
    await use(signInByEmail);
  },
});
