import { referencePress } from '../../lib/demo/reference-scenario';
import { expect, test } from '../fixtures';

test('a user switches to Korean and German; the preference survives a new sign-in; times follow the language', async ({ browser, signIn }) => {
  const first = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin' });
  const page = await first.newPage();
  await signIn(page, referencePress.email);
  await expect(page.getByRole('heading', { name: 'Your ceremonies' })).toBeVisible();

  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('heading', { name: '나의 서명식' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const card = page.getByRole('listitem').first();
  await expect(card.getByTestId('time-Seoul')).toHaveText(/^\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 오[전후] \d{1,2}:\d{2} KST$/);
  await expect(card.getByTestId('time-Berlin')).toHaveText(/년 .* CES?T$/);
  await page.screenshot({ path: test.info().outputPath('home-korean.png'), fullPage: true });
  await first.close();

  // A new browser (no cookies): the saved preference, not the browser's English, decides.
  const second = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Seoul' });
  const again = await second.newPage();
  await signIn(again, referencePress.email);
  await expect(again.getByRole('heading', { name: '나의 서명식' })).toBeVisible();
  await expect(again.getByTestId('time-viewer').first()).toContainText('KST');

  await again.getByLabel('언어').selectOption('de');
  await expect(again.getByRole('heading', { name: 'Ihre Zeremonien' })).toBeVisible();
  await expect(again.locator('html')).toHaveAttribute('lang', 'de');
  await expect(again.getByLabel('Sprache')).toHaveValue('de');
  const germanCard = again.getByRole('listitem').first();
  await expect(germanCard.getByTestId('time-Berlin')).toHaveText(/^[A-Z][a-z]+, \d{1,2}\. [A-ZÄ][a-zä]+ \d{4}, \d{2}:\d{2} ME(S)?Z$/);
  await germanCard.getByRole('link').first().click();
  await expect(again.getByRole('heading', { name: 'Delegationen' })).toBeVisible();
  await expect(again.getByTestId('time-Seoul')).toContainText('KST');
  await again.screenshot({ path: test.info().outputPath('ceremony-german.png'), fullPage: true });
  await second.close();
});
