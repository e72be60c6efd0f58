import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import type { Page } from '@playwright/test';
import { referenceDelegations } from '../../lib/demo/reference-scenario';
import { generateAgreementPdf, type AgreementParty } from '@accord/pdf-signing/generate-agreement-pdf';
import { encryptedPdf } from '@accord/pdf-signing/testing/hostile-pdfs';
import { expect, test } from '../fixtures';
import { waitForMail } from '../support/mailbox';

/**
 * Scheduling end to end: the protocol officer plans the LNI 4.0 × KOSMO ceremony in the
 * browser (UI labels are found by form names, so the test holds in any UI language),
 * uploads one original per party, places both signatories' fields, picks alternat,
 * schedules, sends invitations (real SMTP), then reschedules.
 */

const organiser = referenceDelegations[0]!.members[0]!; // Katrin Weiß, protocol officer (German UI)
const stamp = Date.now().toString(36);
const title = `LNI 4.0 × KOSMO: Joint Declaration (${stamp})`;
const german = { name: 'Dr. Matthias Schäfer', title: 'Vorstandsvorsitzender', email: `schaefer-${stamp}@lni40.example` };
const korean = { name: '김민준', title: '원장', email: `minjun-${stamp}@kosmo.example` };

const lniParty: AgreementParty = {
  name: 'Labs Network Industrie 4.0',
  shortName: 'LNI 4.0',
  country: 'Germany',
  signatoryName: german.name,
  signatoryTitle: german.title,
};
const kosmoParty: AgreementParty = {
  name: 'Korean Smart Manufacturing Office',
  shortName: 'KOSMO',
  country: 'Republic of Korea',
  signatoryName: korean.name,
  signatoryTitle: korean.title,
};

function localDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((file) => file.filename?.endsWith('.ics') || file.contentType.startsWith('text/calendar'));
  expect(attachment, `calendar entry in "${mail.subject}"`).toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    summary: String(event.getFirstPropertyValue('summary')),
    startIsUtc: start.zone?.tzid === 'UTC',
    start: start.toJSDate().toISOString(),
  };
}

test('the organiser schedules LNI 4.0 × KOSMO: people, originals, fields, alternat, invitations, reschedule', async ({ page, signIn }) => {
  test.setTimeout(240_000);
  await signIn(page, organiser.email);

  // 1. Create the ceremony.
  await page.goto('/ceremonies/new');
  await page.locator('input[name="title"]').fill(title);
  await page.locator('textarea[name="description"]').fill('Signing of the joint declaration of intent, witnessed by both ministers.');
  await page.locator('input[name="placeName"]').fill('Berlin und Seoul (virtuell)');
  await page.locator('select[name="timeZone"]').selectOption('Europe/Berlin');
  await page.locator('input[name="startLocal"]').fill(`${localDay(10)}T10:00`);
  await page.locator('input[name="endLocal"]').fill(`${localDay(10)}T11:00`);
  await expect(page.getByText(/10:00 MEZ/).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('01-new-ceremony.png'), fullPage: true });
  await expectAccessible(page);
  await page.locator('form button[type="submit"]').last().click();
  await page.waitForURL(/\/ceremonies\/[^/]+\/people$/);
  const ceremonyUrl = page.url().replace(/\/people$/, '');

  // 2. Delegations: LNI 4.0 (German mail), KOSMO (Korean mail).
  for (const delegation of [
    { name: 'LNI 4.0', country: 'Deutschland', capital: 'Berlin', zone: 'Europe/Berlin', locale: 'de' },
    { name: 'KOSMO', country: 'Republik Korea', capital: 'Seoul', zone: 'Asia/Seoul', locale: 'ko' },
  ]) {
    await page.locator('#new-delegation-name').fill(delegation.name);
    await page.locator('#new-delegation-country').fill(delegation.country);
    await page.locator('#new-delegation-capital').fill(delegation.capital);
    await page.locator('#new-delegation-zone').selectOption(delegation.zone);
    await page.locator('#new-delegation-locale').selectOption(delegation.locale);
    await page.locator('#new-delegation-name').press('Enter');
    await expect(page.getByTestId(`delegation-${delegation.name}`)).toBeVisible();
  }

  // 3. Members: the German signatory by the form, the Korean one by a pasted spreadsheet row.
  await page.locator('#new-member-name').fill(german.name);
  await page.locator('#new-member-title').fill(german.title);
  await page.locator('#new-member-email').fill(german.email);
  await page.locator('#new-member-role').selectOption('signatory');
  await page.locator('#new-member-delegation').selectOption({ label: 'LNI 4.0' });
  await page.locator('#new-member-email').press('Enter');
  await expect(page.getByTestId(`member-${german.email}`)).toBeVisible();

  await page
    .locator('#import-csv')
    .fill(`name,title,email,role,delegation\n${korean.name},${korean.title},${korean.email},signatory,KOSMO\nBroken Row,,not-an-email,delegate,KOSMO`);
  await page.locator('button[name="intent"][value="preview"]').click();
  await expect(page.locator('table').filter({ hasText: 'not-an-email' })).toBeVisible();
  await page.locator('button[name="intent"][value="import-valid"]').click();
  await expect(page.getByTestId(`member-${korean.email}`)).toBeVisible();
  await expect(page.getByTestId('member-not-an-email')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('02-people.png'), fullPage: true });
  await expectAccessible(page);

  // 4. Documents: a hostile file is refused beside the field; then one original per party.
  await page.goto(`${ceremonyUrl}/documents`);
  await page.locator('#agreement-file').setInputFiles({ name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(encryptedPdf()) });
  await page.locator('#agreement-title').fill('Locked');
  await page.locator('#agreement-title').press('Enter');
  await expect(page.getByTestId('upload-error')).toBeVisible();
  await expect(page.locator('#agreement-file')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: test.info().outputPath('03-upload-refused.png'), fullPage: true });

  for (const [owner, other, label] of [
    [lniParty, kosmoParty, 'LNI 4.0'],
    [kosmoParty, lniParty, 'KOSMO'],
  ] as const) {
    const agreement = await generateAgreementPdf({ language: 'en', parties: [owner, other] });
    await page
      .locator('#agreement-file')
      .setInputFiles({ name: `agreement-${owner.shortName}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(agreement.bytes) });
    await page.locator('#agreement-title').fill(`Joint Declaration (original of ${label})`);
    await page.locator('#agreement-original-for').selectOption({ label });
    await page.locator('#agreement-title').press('Enter');
    await expect(page.getByText(`Joint Declaration (original of ${label})`, { exact: true })).toBeVisible({ timeout: 20_000 });
  }
  await page.screenshot({ path: test.info().outputPath('04-documents.png'), fullPage: true });
  await expectAccessible(page);

  // 5. Fields: on each original, both signatories sign on the last page.
  const fieldLinks = await page.locator('a[href*="/fields?document="]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(fieldLinks).toHaveLength(2);
  for (const [index, link] of fieldLinks.entries()) {
    await page.goto(link);
    const thumbnails = page.locator('nav li button');
    await thumbnails.last().click();
    await expect(page.getByTestId('page-stage').locator('canvas')).toBeVisible();
    const addButtons = page.locator('[data-testid^="add-signature-"]');
    await expect(addButtons).toHaveCount(2);
    await expect(addButtons.first()).toBeEnabled({ timeout: 20_000 });
    // First signatory: drag from the palette onto the page.
    const stage = page.getByTestId('page-stage');
    await addButtons.first().hover();
    await page.mouse.down();
    const box = (await stage.boundingBox())!;
    // A point on the page that is on screen (the stage is taller than the window).
    await page.mouse.move(box.x + 170, box.y + 250, { steps: 8 });
    await page.mouse.move(box.x + 172, box.y + 252, { steps: 2 });
    await page.mouse.up();
    await expect(page.locator('[data-testid^="field-signature-"]')).toHaveCount(1);
    // Second: the keyboard way — the button places it, arrows move it, Shift+arrows resize it.
    await addButtons.nth(1).click();
    const placed = page.locator('[data-testid^="field-signature-"]');
    await expect(placed).toHaveCount(2);
    await placed.nth(1).focus();
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    await expect(page.getByTestId('field-issues')).toHaveCount(0);
    await page.getByTestId('save-fields').click();
    await expect(page.getByText(/2 (fields|Felder)|서명란 2개/).first()).toBeVisible();
    if (index === 0) await page.screenshot({ path: test.info().outputPath('05-fields.png'), fullPage: true });
  }
  await expectAccessible(page);

  // 6. Alternat, checklist, schedule, invitations.
  await page.goto(`${ceremonyUrl}/invitations`);
  await page.locator('input[name="signingOrder"][value="alternat"]').check();
  await page.locator('input[name="signingOrder"][value="alternat"]').press('Enter');
  await expect(
    page
      .getByTestId('signing-plan')
      .locator('li')
      .filter({ has: page.locator('svg.lucide-arrow-left-right') }),
  ).toHaveCount(2);
  await expect(page.getByTestId('schedule-checklist').locator('li[data-ok="false"]')).toHaveCount(0);
  await page.locator('form:has(input[name="ceremonyId"]) button[type="submit"]:not([data-testid])').last().click();
  const sendButton = page.getByTestId('send-invitations');
  await expect(sendButton).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('06-invitations.png'), fullPage: true });
  await expectAccessible(page);

  const sentAt = Date.now() - 1;
  await sendButton.click();
  await expect(page.getByRole('status').filter({ hasText: /3/ }).first()).toBeVisible();

  const isInvitation = (sequence: number) => (mail: ParsedMail) =>
    mail.attachments.some((file) => file.filename?.endsWith('.ics')) && calendarOf(mail).sequence === sequence;
  const toKorean = await waitForMail(korean.email, sentAt, isInvitation(0));
  const toGerman = await waitForMail(german.email, sentAt, isInvitation(0));
  const toOrganiser = await waitForMail(organiser.email, sentAt, isInvitation(0));
  expect(toKorean.subject).toBe(`초대: ${title}`);
  expect(toKorean.text).toContain('역할: 서명자');
  expect(toGerman.subject).toBe(`Einladung: ${title}`);
  expect(toOrganiser.text).toMatch(/sign-in\?callbackUrl=/);
  const invitation = calendarOf(toKorean);
  expect(invitation).toMatchObject({ method: 'REQUEST', sequence: 0, startIsUtc: true, summary: `서명식: ${title}` });
  expect(calendarOf(toGerman)).toMatchObject({ method: 'REQUEST', uid: invitation.uid, sequence: 0, summary: `Unterzeichnungszeremonie: ${title}` });

  // 7. Reschedule one day later: everyone gets SEQUENCE 1 with the same UID.
  await page.goto(`${ceremonyUrl}/edit`);
  const movedAt = Date.now() - 1;
  await page.locator('input[name="startLocal"]').fill(`${localDay(11)}T10:00`);
  await page.locator('input[name="endLocal"]').fill(`${localDay(11)}T11:00`);
  await page.screenshot({ path: test.info().outputPath('07-reschedule.png'), fullPage: true });
  await page.locator('input[name="endLocal"]').press('Enter');
  const moved = await waitForMail(korean.email, movedAt, isInvitation(1));
  expect(moved.subject).toBe(`일정 변경: ${title}`);
  const movedCalendar = calendarOf(moved);
  expect(movedCalendar).toMatchObject({ method: 'REQUEST', uid: invitation.uid, sequence: 1, startIsUtc: true });
  expect(new Date(movedCalendar.start).getTime() - new Date(invitation.start).getTime()).toBe(86_400_000);
  expect(calendarOf(await waitForMail(german.email, movedAt, isInvitation(1))).sequence).toBe(1);

  // 7b. The consent text beside Confirm: English worded for this ceremony, the others keep their defaults (placeholders).
  const consentForm = page.locator('form', { has: page.locator('textarea[name="en"]') });
  await expect(consentForm.locator('textarea[name="de"]')).toHaveAttribute('placeholder', /Bestätigung/);
  await consentForm.locator('textarea[name="en"]').fill('We sign the Joint Declaration as shown, for our party.');
  await consentForm.getByRole('button').click();
  await expect(consentForm.getByRole('status')).toBeVisible();
  await page.reload();
  await expect(page.locator('textarea[name="en"]')).toHaveValue('We sign the Joint Declaration as shown, for our party.');
  await expect(page.locator('textarea[name="ko"]')).toHaveValue('');

  // 8. The overview shows the plan and the new time in Berlin and Seoul.
  await page.goto(ceremonyUrl);
  await expect(page.getByTestId('time-Seoul').first()).toContainText('KST');
  await expect(page.getByTestId('signing-plan')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('08-overview.png'), fullPage: true });
  await expectAccessible(page);
});
