import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { isSigningConsentEditable, signingConsentSchema, storedSigningConsent, type SigningConsentInput } from '@/lib/signing/signing-consent';

/**
 * The organiser words the declaration a signatory confirms, per UI language; a language
 * left blank shows the default. Fixed once signing has opened.
 */
export async function setSigningConsent({ ceremonyId, userId, texts }: { ceremonyId: string; userId: string; texts: SigningConsentInput }) {
  const parsed = signingConsentSchema.safeParse(texts);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the consent texts.', fieldErrorsFromZod(parsed.error));
  const stored = storedSigningConsent(parsed.data);
  return transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-ceremony');
    if (!isSigningConsentEditable(ceremony.state)) {
      throw new AppError('INVALID_STATE', `The consent text of a ${ceremony.state} ceremony is fixed.`, undefined, { reason: 'signing-opened' });
    }
    const signingConsent = JSON.stringify(stored);
    if (ceremony.signingConsent === signingConsent) return { changed: false };
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { signingConsent } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'signing.consent-set', payload: { texts: stored } });
    return { changed: true };
  });
}
