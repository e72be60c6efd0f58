import type { Page } from '@playwright/test';
import { referenceCeremony, referenceDelegations } from '../../lib/demo/reference-scenario';
import { expect, test } from '../fixtures';
import { countUsers, readLinkedAccounts } from '../support/accounts';
import { UNVERIFIED_LOGIN_PREFIX } from '../support/oidc-provider';

/**
 * Sign-in through a real OpenID provider (oidc-provider on 127.0.0.1, started by
 * playwright.config.ts): an invited person whose address the provider has verified signs
 * in and their provider account is linked to their invited user; an address the provider
 * has not verified is refused with a clear page and links nothing.
 */

const verifiedPerson = referenceDelegations[0]!.members.find((member) => member.key === 'lni-delegate')!;
const unverifiedTarget = referenceDelegations[1]!.members.find((member) => member.key === 'kosmo-delegate')!;
const providerName = process.env.E2E_OIDC_NAME ?? 'Test Identity Provider';

/** From our sign-in page through the provider's own login screen, back to the app. */
async function signInWithProvider(page: Page, login: string) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: new RegExp(providerName) }).click();
  // The provider's own login screen, on its own origin.
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password: the test provider accepts it');
  await page.locator('button[type="submit"]').click();
}

test('an invited person whose address the provider verified signs in, linked to their invited user', async ({ page, baseURL }) => {
  await signInWithProvider(page, verifiedPerson.email);
  await page.waitForURL((url) => url.origin === new URL(baseURL!).origin && !url.pathname.startsWith('/sign-in') && !url.pathname.startsWith('/api/auth'));
  // Their own ceremony, in their saved language (German): the invited user, not a new one.
  await expect(page.getByRole('listitem').filter({ hasText: referenceCeremony.title })).toBeVisible();
  await expect(page.getByText(verifiedPerson.name).first()).toBeVisible();
  expect(await readLinkedAccounts([verifiedPerson.email])).toEqual([
    { provider: 'oidc', providerAccountId: verifiedPerson.email, userEmail: verifiedPerson.email },
  ]);
  expect(await countUsers(verifiedPerson.email)).toBe(1);
});

test('an address the provider has not verified is refused with a clear page, and nothing is linked', async ({ page, baseURL }) => {
  await signInWithProvider(page, `${UNVERIFIED_LOGIN_PREFIX}${unverifiedTarget.email}`);
  await page.waitForURL((url) => url.origin === new URL(baseURL!).origin && url.pathname.startsWith('/auth-error'));
  expect(new URL(page.url()).searchParams.get('error')).toBe('EmailUnverified');
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/not confirmed this email address|nicht bestätigt|확인하지/);
  expect(await readLinkedAccounts([unverifiedTarget.email])).toEqual([]);
  expect(await countUsers(unverifiedTarget.email)).toBe(1);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});
