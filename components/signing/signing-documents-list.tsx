'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { sharedTitlePrefix } from '@/components/signing/signing-titles';
import type { SigningStatus } from '@/lib/signing/load-signing-status';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/** "Your turn" only while signing is open and nothing else holds the signer back. */
function shownStatus(status: SigningStatus, myStatus: SigningStatus['documents'][number]['myStatus']) {
  if (myStatus === 'signed' || myStatus === 'no-fields') return myStatus;
  if (!status.signingOpen) return 'not-open';
  if (myStatus === 'sign-now' && !status.fullPowersApproved) return 'locked';
  return myStatus;
}

/** Every original with its signatures (and, for a signatory or witness, where they stand on it). */
export function SigningDocumentsList({ status }: { status: SigningStatus }) {
  const t = useTranslations('signing');
  const [listOpen, setListOpen] = useState(false);
  const sharedPrefix = sharedTitlePrefix(status.documents.map((document) => document.title));
  return (
    <>
      {/* On a phone the panel is pinned under the agreement: the list of originals folds away so Sign and the page keep the screen. */}
      <button
        type="button"
        className="self-start rounded-md px-2 py-1 text-xs text-white/70 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-amber-300 lg:hidden"
        aria-expanded={listOpen}
        aria-controls="signing-documents"
        onClick={() => setListOpen((open) => !open)}
        data-testid="toggle-signing-documents"
      >
        {listOpen ? t('hideDocuments') : t('showDocuments', { count: status.documents.length })}
      </button>
      {sharedPrefix ? <p className={`text-xs text-white/60 ${listOpen ? '' : 'max-lg:hidden'}`}>{sharedPrefix.replace(/\s*—\s*$/, '')}</p> : null}
      <ul id="signing-documents" className={`grid gap-2 text-sm xl:grid-cols-2 ${listOpen ? '' : 'max-lg:hidden'}`}>
        {status.documents.map((document) => (
          <li key={document.id} className="rounded-md bg-black/20 p-2" data-testid="signing-document">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium" title={document.title}>
                {document.title.slice(sharedPrefix.length)}
              </span>
              {status.myRole === 'signatory' || status.myRole === 'witness' ? (
                <span className="text-xs text-white/70" data-testid="my-status">
                  {t(`myStatus.${shownStatus(status, document.myStatus)}`)}
                </span>
              ) : null}
            </div>
            <ul className="mt-1 flex flex-col gap-0.5 text-xs text-white/80">
              {document.signatures.map((signature) => (
                <li key={signature.id} data-testid="signature-entry">
                  {signature.kind === 'seal'
                    ? t('sealed')
                    : t('signedBy', withFinalSounds({ name: signature.signerName, delegation: signature.delegationName }))}
                </li>
              ))}
              {document.signatures.length === 0 ? <li>{t('noSignatures')}</li> : null}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
