import { db } from '@/lib/db';
import { loadSigningStatus } from '@/lib/signing/load-signing-status';
import { signMyTurn } from '@/lib/signing/sign-my-turn';
import type { ConsentLanguage } from '@/lib/signing/signing-consent';

type SignMyTurnInput = Parameters<typeof signMyTurn>[0];

/**
 * What an honest signing client sends with a confirmation, read from the database as its
 * viewer would have shown it now: per document due, the newest revision and the signer's
 * open fields on it; the consent text in the UI language.
 */
export async function shownConfirmation({ ceremonyId, userId, language = 'en' }: { ceremonyId: string; userId: string; language?: ConsentLanguage }) {
  const status = await loadSigningStatus({ ceremonyId, userId });
  const due = status.documents.filter((document) => document.myStatus === 'sign-now');
  const openFields = await db.signatureField.findMany({
    where: { documentId: { in: due.map((document) => document.id) }, signatureId: null, participant: { ceremonyId, userId } },
    select: { documentId: true, fieldName: true },
  });
  return {
    viewed: due.map((document) => ({
      documentId: document.id,
      revision: document.revision?.number ?? 0,
      fields: openFields.filter((field) => field.documentId === document.id).map((field) => field.fieldName),
    })),
    consent: { language, text: status.consent[language] },
  };
}

/** signMyTurn as an honest client calls it: with what it showed just now. */
export async function signMyTurnAsShown(input: Omit<SignMyTurnInput, 'viewed' | 'consent'> & { language?: ConsentLanguage }) {
  const { language, ...rest } = input;
  return signMyTurn({ ...rest, ...(await shownConfirmation({ ceremonyId: input.ceremonyId, userId: input.userId, language })) });
}
