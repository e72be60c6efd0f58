'use client';

import { useTranslations } from 'next-intl';
import { DocumentPane } from '@/components/live/document-pane';
import { useRoomFocus } from '@/components/live/room-focus';
import { useSigningFocus } from '@/components/signing/signing-focus';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import type { PageMessage } from '@/lib/live/room-messages';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

export interface RoomDocumentProps {
  ceremony: RoomCeremony;
  me: RoomMe;
  signing: SigningStatus;
  position: PageMessage;
  onChange: (next: PageMessage) => void;
  canDrive: boolean;
  /** Someone else is signing now (spotlight). */
  signerName?: string | null;
}

/**
 * The agreement in the room: the document and page the room is at — or, while my signature
 * capture is open, what I sign (held there, my fields highlighted) — with the version picker for
 * whoever drives; the press tier sees only where the room is, never the pages.
 */
export function RoomDocument({ ceremony, me, signing, position, onChange, canDrive, signerName = null }: RoomDocumentProps) {
  const t = useTranslations('live.document');
  const tSigning = useTranslations('signing');
  const focus = useSigningFocus();
  const { focusMode, toggleFocusMode } = useRoomFocus();
  // While my capture is open my viewer shows what I sign, whatever the room does.
  const shown = focus.position ?? position;
  const document = ceremony.documents.find((candidate) => candidate.id === shown.documentId) ?? ceremony.documents[0];
  if (!document) return <p className="text-sm text-white/60">{t('noDocument')}</p>;
  if (!me.pagesVisible) {
    // Press tier: where the room is in the agreement, never its pages.
    return (
      <div className="flex h-full flex-col gap-2">
        <h2 className="font-medium">{t('heading')}</h2>
        <p className="text-sm text-white/60">{t('notReleased')}</p>
        <p className="font-serif text-2xl" aria-live="polite" data-testid="document-page" data-page={position.page}>
          {t('pageOf', { page: position.page, count: document.pageCount })}
        </p>
      </div>
    );
  }
  const dueHere = signing.signingOpen && signing.documents.find((status) => status.id === document.id)?.myStatus === 'sign-now';
  const highlights = focus.active
    ? focus.steps.filter((step) => step.documentId === document.id).flatMap((step) => step.fields)
    : dueHere
      ? document.myOpenFields
      : [];
  const step = focus.active ? focus.steps[focus.index] : undefined;
  return (
    <div className="flex h-full flex-col gap-2" data-testid="document-view" data-locked={focus.active ? 'yes' : 'no'}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-medium">{t('heading')}</h2>
        {canDrive && !focus.active && ceremony.documents.length > 1 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-white/60">{t('version')}</span>
            <select
              className="max-w-48 truncate rounded-md border border-white/20 bg-[#0f1620] px-2 py-1"
              value={document.id}
              onChange={(event) => onChange({ documentId: event.target.value, page: 1 })}
            >
              {ceremony.documents.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {focus.active ? (
        <p role="status" className="rounded-md bg-amber-300/15 px-2 py-1 text-sm text-amber-100" data-testid="viewer-held">
          {tSigning('steps.held')}
        </p>
      ) : signerName ? (
        <p role="status" className="rounded-md bg-amber-300/15 px-2 py-1 text-sm text-amber-100" data-testid="spotlight-notice">
          {tSigning('spotlight', { name: signerName })}
        </p>
      ) : null}
      <div className="min-h-0 flex-1">
        <DocumentPane
          ceremonyId={ceremony.id}
          documentId={document.id}
          page={shown.page}
          pageCount={document.pageCount}
          title={document.title}
          canDrive={focus.active || canDrive}
          onPageChange={(page) => (focus.active ? focus.turnPage(page) : onChange({ documentId: document.id, page }))}
          // What the page loaded, or a newer revision the room announced (one subscription, in the signing focus).
          revision={focus.newestRevision(document.id)}
          highlights={highlights}
          pageOrigins={document.pageOrigins}
          onFieldsShown={focus.active ? focus.fieldsShown : undefined}
          onPageShown={focus.active ? focus.pageShown : undefined}
          preview={focus.active ? focus.preview : null}
          focusMode={focusMode}
          onToggleFocus={toggleFocusMode}
          revealKey={step ? `${step.documentId}#${step.page}#${focus.index}` : undefined}
        />
      </div>
    </div>
  );
}
