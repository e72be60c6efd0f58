import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';

const mailDir = path.resolve(process.env.E2E_MAIL_DIR ?? 'e2e/.artifacts/mail');

export interface ReceivedMail {
  file: string;
  parsed: ParsedMail;
}

async function readAll(): Promise<ReceivedMail[]> {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir)
      .filter((name) => name.endsWith('.eml'))
      .sort();
  } catch {
    return [];
  }
  return Promise.all(files.map(async (file) => ({ file, parsed: await simpleParser(readFileSync(path.join(mailDir, file))) })));
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((entry) => (entry.address ?? '').toLowerCase()));
}

/** Mail names are `<ms>-<n>.eml`: files at or after `since` are new. */
function arrivedSince(file: string, since: number): boolean {
  return Number(file.split('-')[0]) >= since;
}

/** Waits (polling, no fixed sleep) for mail to `address` that arrived after `since`. */
export async function waitForMail(address: string, since: number, predicate: (mail: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await readAll();
        found = mails.find(
          (mail) => arrivedSince(mail.file, since) && recipients(mail.parsed).includes(address.toLowerCase()) && predicate(mail.parsed),
        )?.parsed;
        return Boolean(found);
      },
      { message: `mail to ${address}`, timeout: 20_000, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return found!;
}

export function extractSignInLink(mail: ParsedMail): string {
  const match = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/.exec(mail.text ?? '');
  if (!match) throw new Error(`No sign-in link in mail "${mail.subject}"`);
  return match[0];
}
