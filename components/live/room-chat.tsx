'use client';

import { useChat } from '@livekit/components-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

/** The room's chat (LiveKit's chat protocol), in our words; read-only for observers. */
export function RoomChat({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('live.chat');
  const { chatMessages, send, isSending } = useChat();
  const [draft, setDraft] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || !send) return;
    await send(text);
    setDraft('');
  };
  return (
    <div className="flex h-full min-h-0 flex-col gap-2" data-testid="room-chat">
      <ol className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto text-sm" aria-live="polite">
        {chatMessages.length === 0 ? <li className="text-white/60">{t('empty')}</li> : null}
        {chatMessages.map((message) => (
          <li key={message.id}>
            <span className="font-medium">{message.from?.name ?? message.from?.identity}</span>
            <p className="whitespace-pre-wrap break-words text-white/90">{message.message}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form onSubmit={submit} className="flex gap-2">
          <label className="sr-only" htmlFor="room-chat-input">
            {t('label')}
          </label>
          <input
            id="room-chat-input"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder={t('placeholder')}
            maxLength={2000}
            className="min-w-0 flex-1 rounded-md border border-white/20 bg-white/10 px-3 py-1.5 text-sm text-white placeholder:text-white/50"
          />
          <button
            type="submit"
            disabled={isSending || !draft.trim()}
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-[#0f1620] disabled:opacity-50"
          >
            {t('send')}
          </button>
        </form>
      ) : (
        <p className="text-xs text-white/60">{t('readOnly')}</p>
      )}
    </div>
  );
}
