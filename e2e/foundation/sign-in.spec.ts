import AxeBuilder from '@axe-core/playwright';
import { referenceCeremony, referenceDelegations } from '../../lib/demo/reference-scenario';
import { expect, test } from '../fixtures';
import { extractSignInLink, waitForMail } from '../support/mailbox';

const organiser = referenceDelegations[0]!.members[0]!;

test('the organiser signs in by emailed link and sees the LNI 4.0 × KOSMO ceremony in Berlin and Seoul time', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  const accessibility = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);

  const since = Date.now() - 1;
  await page.getByLabel(/email/i).fill(organiser.email);
  await page.getByRole('button', { name: /sign-in link/i }).click();
  await expect(page.getByRole('heading', { name: /check your email/i })).toBeVisible();

  const mail = await waitForMail(organiser.email, since);
  // Katrin Weiß prefers German: the sign-in mail speaks German.
  expect(mail.subject).toBe('Ihr Anmeldelink für Accord');
  await page.goto(extractSignInLink(mail));

  // Her saved language (German) now drives the UI.
  await expect(page.getByRole('heading', { name: 'Ihre Zeremonien' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: referenceCeremony.title });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('time-Berlin')).toHaveText(/, 10:00 ME(S)?Z/);
  await expect(card.getByTestId('time-Seoul')).toHaveText(/, 1[78]:00 KST/);
  await page.screenshot({ path: test.info().outputPath('home-signed-in.png'), fullPage: true });

  const home = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(home.violations.map((violation) => violation.id)).toEqual([]);
});

test('a used or unknown sign-in link shows a clear page and signs nobody in', async ({ page }) => {
  const email = referenceDelegations[1]!.members[1]!.email;
  const since = Date.now() - 1;
  await page.goto('/sign-in');
  await page.getByLabel(/email/i).fill(email);
  await page.getByRole('button', { name: /sign-in link/i }).click();
  const link = extractSignInLink(await waitForMail(email, since));

  const tampered = link.replace(/token=[0-9a-f]+/, 'token=00000000');
  await page.goto(tampered);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/invalid|ungültig|유효하지/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an unknown address is told the same as a known one, and no mail is sent', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel(/email/i).fill('nobody-at-all@unknown.example');
  await page.getByRole('button', { name: /sign-in link/i }).click();
  await expect(page.getByRole('heading', { name: /check your email/i })).toBeVisible();
});

test('a ceremony id the user is not part of is a 404', async ({ page, signIn }) => {
  await signIn(page, referenceDelegations[0]!.members[1]!.email);
  const response = await page.goto('/ceremonies/ceremony-that-is-not-theirs');
  expect(response?.status()).toBe(404);
});

test('health answers without authentication', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, db: 'ok' });
});

test('a state-changing request from a foreign origin or with x-middleware-subrequest is refused (hostile case "Foreign request")', async ({ request }) => {
  const foreign = await request.post('/api/auth/signin/nodemailer', { headers: { origin: 'https://evil.example' }, form: { email: 'x@y.z' } });
  expect(foreign.status()).toBe(403);
  const subrequest = await request.get('/', { headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware' }, maxRedirects: 0 });
  expect(subrequest.status()).toBe(403);
});

test('too many sign-in link requests for one address get 429 with a clear message (hostile case "Too many requests")', async ({ request, baseURL }) => {
  // Its own client address (as the trusted proxy would name it: TRUSTED_PROXY_HOPS=1 in
  // playwright.config.ts), so the other tests' sign-ins are not throttled with it.
  const headers = { origin: baseURL!, 'x-forwarded-for': '198.51.100.23' };
  const limit = 200; // RATE_LIMIT_PER_MINUTE in playwright.config.ts
  let lastStatus = 0;
  for (let attempt = 0; attempt <= limit; attempt++) {
    const response = await request.post('/api/auth/signin/nodemailer', { headers, form: { email: 'flood@unknown.example' }, maxRedirects: 0 });
    lastStatus = response.status();
    if (lastStatus === 429) {
      expect(attempt).toBe(limit);
      expect((await response.json()).error.message).toMatch(/Too many requests\. Please wait \d+ seconds/);
      break;
    }
  }
  expect(lastStatus).toBe(429);

  // A forged entry left of the one the proxy appended does not buy the same client a fresh limit.
  const spoofed = await request.post('/api/auth/signin/nodemailer', {
    headers: { ...headers, 'x-forwarded-for': '203.0.113.9, 198.51.100.23' },
    form: { email: 'flood-spoofed@unknown.example' },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(429);
});
