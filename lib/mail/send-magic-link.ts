import 'server-only';
import { db } from '@/lib/db';
import { localeFromAcceptLanguage, recipientLocale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/messages';
import { sendMail } from '@/lib/mail/send-mail';

/** The sign-in email, in the recipient's language (preference → delegation → browser → en). */
export async function sendMagicLink({ email, url, acceptLanguage }: { email: string; url: string; acceptLanguage: string | null }) {
  const user = await db.user.findUnique({
    where: { email },
    select: { locale: true, participants: { select: { delegation: { select: { defaultLocale: true } } }, take: 1, orderBy: { createdAt: 'desc' } } },
  });
  const delegationLocale = user?.participants[0]?.delegation?.defaultLocale ?? localeFromAcceptLanguage(acceptLanguage);
  const locale = recipientLocale(user?.locale, delegationLocale);
  const t = translatorFor(locale);
  await sendMail({
    to: email,
    subject: t('mail.magicLink.subject'),
    text: t('mail.magicLink.body', { url }),
    kind: 'magic-link',
    locale,
  });
}
