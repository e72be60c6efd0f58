import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { db, isUniqueViolation } from '@/lib/db';
import { env } from '@/lib/env';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  locale: string;
  ceremonyId?: string;
  /** Sending the same key twice sends once (reminders, re-runs of a cron). */
  dedupeKey?: string;
  attachments?: { filename: string; content: string | Uint8Array; contentType: string }[];
  /** Extra MIME alternative, e.g. text/calendar for invitations */
  icalEvent?: { method: string; content: string; filename?: string };
}

let transporter: Transporter | undefined;
function smtpTransport(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

/**
 * Records the mail, then delivers it over SMTP. With no SMTP_URL (embedded default) the
 * text is kept for the development outbox and printed to the server log instead.
 * Returns false when `dedupeKey` was already used.
 */
export async function sendMail(mail: OutgoingMail): Promise<boolean> {
  const transport = smtpTransport();
  let record;
  try {
    record = await db.mailMessage.create({
      data: {
        toEmail: mail.to,
        subject: mail.subject,
        kind: mail.kind,
        locale: mail.locale,
        ceremonyId: mail.ceremonyId,
        dedupeKey: mail.dedupeKey,
        textBody: transport ? null : mail.text,
      },
    });
  } catch (error) {
    if (mail.dedupeKey && isUniqueViolation(error)) return false;
    throw error;
  }

  if (!transport) {
    console.info(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
    await db.mailMessage.update({ where: { id: record.id }, data: { deliveredAt: new Date() } });
    return true;
  }
  try {
    await transport.sendMail({
      from: env.EMAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((file) => ({
        filename: file.filename,
        content: typeof file.content === 'string' ? file.content : Buffer.from(file.content),
        contentType: file.contentType,
      })),
      icalEvent: mail.icalEvent,
    });
    await db.mailMessage.update({ where: { id: record.id }, data: { deliveredAt: new Date() } });
    return true;
  } catch (error) {
    await db.mailMessage.update({ where: { id: record.id }, data: { error: String(error) } });
    throw error;
  }
}
