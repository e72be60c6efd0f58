import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireSessionUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { listOutbox } from '@/lib/mail/list-outbox';

// Development only: shows sign-in links when no SMTP server is configured.
export const dynamic = 'force-dynamic';

export default async function OutboxPage() {
  if (!env.ACCORD_DEV_TOOLS) notFound();
  const user = await requireSessionUser('/dev/outbox');
  const [messages, t] = await Promise.all([listOutbox({ userId: user.id }), getTranslations('outbox')]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl">{t('title')}</h1>
      <p className="text-muted">{t('intro')}</p>
      {messages.length === 0 ? <p>{t('empty')}</p> : null}
      {messages.map((message) => (
        <Card key={message.id}>
          <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
            <dt className="font-medium">{t('to')}</dt>
            <dd>{message.toEmail}</dd>
            <dt className="font-medium">{t('subject')}</dt>
            <dd>{message.subject}</dd>
            <dt className="font-medium">{t('sent')}</dt>
            <dd>{message.createdAt.toISOString()}</dd>
          </dl>
          <pre className="whitespace-pre-wrap break-all rounded bg-paper p-3 text-sm">{message.textBody}</pre>
        </Card>
      ))}
    </div>
  );
}
