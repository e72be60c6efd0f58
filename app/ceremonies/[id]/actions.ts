'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult, FormResult } from '@/lib/actions/action-result';
import { actionFailure, invalidInput, runAction } from '@/lib/actions/run-action';
import { getSessionUser } from '@/lib/auth';
import { cancelCeremony } from '@/lib/ceremonies/cancel-ceremony';
import { rescheduleCeremony } from '@/lib/ceremonies/reschedule-ceremony';
import { cancelCeremonySchema, ceremonyDetailsSchema, ceremonyTimesSchema } from '@/lib/ceremonies/schemas';
import { updateCeremonyDetails } from '@/lib/ceremonies/update-ceremony-details';
import { addDelegation } from '@/lib/delegations/add-delegation';
import { addMember } from '@/lib/delegations/add-member';
import { importMembers, previewMemberImport } from '@/lib/delegations/import-members';
import { makeCoOrganiser } from '@/lib/delegations/make-co-organiser';
import type { CsvMemberRow } from '@/lib/delegations/parse-member-csv';
import { removeDelegation } from '@/lib/delegations/remove-delegation';
import { removeMember } from '@/lib/delegations/remove-member';
import { reorderDelegations } from '@/lib/delegations/reorder-delegations';
import { delegationSchema, memberSchema, memberUpdateSchema } from '@/lib/delegations/schemas';
import { updateDelegation } from '@/lib/delegations/update-delegation';
import { updateMember } from '@/lib/delegations/update-member';
import { removeDocument } from '@/lib/documents/remove-document';
import { saveDocumentFields } from '@/lib/documents/save-document-fields';
import { saveFieldsSchema } from '@/lib/documents/schemas';
import { formValues } from '@/lib/forms/field-errors';
import type { DeliveryReport } from '@/lib/scheduling/deliver-invitations';
import { scheduleCeremony } from '@/lib/scheduling/schedule-ceremony';
import { signingOrderSchema } from '@/lib/scheduling/schemas';
import { sendInvitations } from '@/lib/scheduling/send-invitations';
import { setSigningOrder } from '@/lib/scheduling/set-signing-order';
import { setSigningConsent } from '@/lib/signing/set-signing-consent';
import { signingConsentSchema } from '@/lib/signing/signing-consent';

// Thin glue for the organiser's planning screens: authenticate, parse, call one
// use-case, refresh the pages, hand field errors back to the form.

const idOf = (formData: FormData, name = 'ceremonyId') => String(formData.get(name) ?? '');

type Echo = { values?: Record<string, string> };

/** Runs one use-case for the form's ceremony, refreshes its pages; a failure echoes what was sent. */
async function run(
  formData: FormData,
  work: (userId: string, ceremonyId: string, values: Record<string, string>) => Promise<Echo | void>,
): Promise<FormResult> {
  const values = formValues(formData);
  const ceremonyId = idOf(formData);
  return runAction(
    async (userId) => {
      const result = await work(userId, ceremonyId, values);
      revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
      return result ?? {};
    },
    { values },
  );
}

/** What an invitation round reports back to the form (as strings, like every echoed value). */
function delivered(report: DeliveryReport | undefined): Echo {
  return { values: report ? { sent: String(report.sent), skipped: String(report.skipped), failed: String(report.failed.length) } : undefined };
}

export async function updateDetailsAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = ceremonyDetailsSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    return delivered(await updateCeremonyDetails({ ceremonyId, userId, ...parsed.data }));
  });
}

export async function rescheduleAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = ceremonyTimesSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    return delivered(await rescheduleCeremony({ ceremonyId, userId, ...parsed.data }));
  });
}

export async function cancelAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = cancelCeremonySchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    return delivered(await cancelCeremony({ ceremonyId, userId, reason: parsed.data.reason }));
  });
}

export async function addDelegationAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = delegationSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    await addDelegation({ ceremonyId, userId, ...parsed.data });
  });
}

export async function updateDelegationAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = delegationSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    await updateDelegation({ ceremonyId, userId, delegationId: idOf(formData, 'delegationId'), ...parsed.data });
  });
}

export async function removeDelegationAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, (userId, ceremonyId) => removeDelegation({ ceremonyId, userId, delegationId: idOf(formData, 'delegationId') }));
}

export async function reorderDelegationsAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, (userId, ceremonyId) => reorderDelegations({ ceremonyId, userId, order: formData.getAll('order').map(String) }));
}

export async function addMemberAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = memberSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    await addMember({ ceremonyId, userId, ...parsed.data, delegationId: parsed.data.delegationId ?? undefined });
  });
}

export async function updateMemberAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = memberUpdateSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    await updateMember({
      ceremonyId,
      userId,
      participantId: idOf(formData, 'participantId'),
      ...parsed.data,
      delegationId: parsed.data.delegationId ?? undefined,
    });
  });
}

export async function removeMemberAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, (userId, ceremonyId) => removeMember({ ceremonyId, userId, participantId: idOf(formData, 'participantId') }));
}

export async function makeCoOrganiserAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, (userId, ceremonyId) => makeCoOrganiser({ ceremonyId, userId, participantId: idOf(formData, 'participantId') }));
}

type ImportRows = { rows?: CsvMemberRow[] };
/** A preview (rows, nothing imported yet) or an import (counts); a refused import still shows the rows. */
export type ImportResult = ActionResult<ImportRows & { values?: Record<string, string>; imported?: number; skipped?: number }, ImportRows> | null;

export async function importMembersAction(_previous: ImportResult, formData: FormData): Promise<ImportResult> {
  const values = formValues(formData);
  const ceremonyId = idOf(formData);
  const csv = values.csv ?? '';
  const defaultDelegationId = values.defaultDelegationId || null;
  const preview = (userId: string) => previewMemberImport({ ceremonyId, userId, csv, defaultDelegationId });
  const result = await runAction(
    async (userId) => {
      if (values.intent === 'preview') return { values, rows: await preview(userId) };
      const imported = await importMembers({ ceremonyId, userId, csv, defaultDelegationId, onlyValid: values.intent === 'import-valid' });
      revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
      return { imported: imported.imported, skipped: imported.skipped };
    },
    { values },
  );
  if (result.ok || result.code === 'UNAUTHENTICATED') return result;
  const user = await getSessionUser();
  return { ...result, rows: user ? await preview(user.id).catch(() => undefined) : undefined };
}

export async function removeDocumentAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, (userId, ceremonyId) => removeDocument({ ceremonyId, userId, documentId: idOf(formData, 'documentId') }));
}

/** Called by the field editor with its whole state (not a form post). */
export async function saveFieldsAction(ceremonyId: string, input: unknown): Promise<ActionResult> {
  const parsed = saveFieldsSchema.safeParse(input);
  if (!parsed.success) return actionFailure('INVALID_INPUT', 'The fields are not well formed.');
  return runAction(async (userId) => {
    await saveDocumentFields({ ceremonyId, userId, ...parsed.data });
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return {};
  });
}

export async function setSigningOrderAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = signingOrderSchema.safeParse({ signingOrder: values.signingOrder, sequence: formData.getAll('sequence').map(String) });
    if (!parsed.success) throw invalidInput(parsed.error);
    await setSigningOrder({ ceremonyId, userId, ...parsed.data });
  });
}

export async function setSigningConsentAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = signingConsentSchema.safeParse(values);
    if (!parsed.success) throw invalidInput(parsed.error);
    await setSigningConsent({ ceremonyId, userId, texts: parsed.data });
  });
}

export async function scheduleAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId) => {
    await scheduleCeremony({ ceremonyId, userId });
  });
}

export async function sendInvitationsAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return run(formData, async (userId, ceremonyId) => delivered(await sendInvitations({ ceremonyId, userId })));
}
