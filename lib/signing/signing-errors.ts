import { isArchivedState } from '@/lib/access/access-sets';
import { AppError } from '@/lib/errors';
import type { TurnRefusal } from '@/lib/signing/decide-signing';

/**
 * Refusals of a signing, each with the stable reason the signing capture maps to its own
 * text (messages are English detail for logs and API clients).
 */

export function viewOutdated(documentId: string, currentRevision: number): AppError {
  return new AppError('CONFLICT', 'The document changed while you were reviewing it; please review the current revision.', undefined, {
    reason: 'view-outdated',
    params: { documentId, revision: currentRevision },
  });
}

export function viewIncomplete(documentId: string): AppError {
  return new AppError('CONFLICT', 'Not every field you are about to sign was shown to you; please review the document.', undefined, {
    reason: 'view-incomplete',
    params: { documentId },
  });
}

export function consentChanged(): AppError {
  return new AppError('CONFLICT', 'The consent text you were shown is not this ceremony’s current one; please review it.', undefined, {
    reason: 'consent-changed',
  });
}

export function signingStateError(state: string): AppError {
  return isArchivedState(state)
    ? new AppError('INVALID_STATE', 'Signing is closed.', undefined, { reason: 'signing-closed' })
    : new AppError('INVALID_STATE', 'Signing is not open yet.', undefined, { reason: 'signing-not-open' });
}

const perDocument: Record<TurnRefusal, string> = {
  'no-fields': 'You have no field to sign on this document.',
  'already-signed': 'You have already signed this document.',
  'not-your-turn': 'It is not your turn to sign yet.',
  'awaiting-exchange': 'The originals have not been exchanged yet.',
};

/** `overall`: said of the whole confirmation (every document) rather than of one document. */
export function turnRefused(reason: TurnRefusal, { overall = false } = {}): AppError {
  const message =
    overall && reason === 'already-signed'
      ? 'You have already signed.'
      : overall && reason === 'no-fields'
        ? 'You have no field to sign.'
        : perDocument[reason];
  return new AppError(reason === 'no-fields' ? 'FORBIDDEN' : 'CONFLICT', message, undefined, { reason });
}
