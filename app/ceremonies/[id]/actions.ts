'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
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
import { fieldErrorsFromZod, formStateFromError, formValues, type FormState } from '@/lib/forms/field-errors';
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

async function run(
  formData: FormData,
  work: (userId: string, ceremonyId: string, values: Record<string, string>) => Promise<FormState | void>,
): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: 'UNAUTHENTICATED' };
  const values = formValues(formData);
  const ceremonyId = idOf(formData);
  try {
    const result = await work(user.id, ceremonyId, values);
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return result ?? { ok: true };
  } catch (error) {
    return formStateFromError(error, values);
  }
}

function invalid(error: z.ZodError, values: Record<string, string>): FormState {
  return { error: 'INVALID_INPUT', fieldErrors: fieldErrorsFromZod(error), values };
}

function delivered(report: DeliveryReport | undefined): FormState {
  return { ok: true, values: report ? { sent: String(report.sent), skipped: String(report.skipped), failed: String(report.failed.length) } : undefined };
}

export async function updateDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = ceremonyDetailsSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    return delivered(await updateCeremonyDetails({ ceremonyId, userId, ...parsed.data }));
  });
}

export async function rescheduleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = ceremonyTimesSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    return delivered(await rescheduleCeremony({ ceremonyId, userId, ...parsed.data }));
  });
}

export async function cancelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = cancelCeremonySchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    return delivered(await cancelCeremony({ ceremonyId, userId, reason: parsed.data.reason }));
  });
}

export async function addDelegationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = delegationSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await addDelegation({ ceremonyId, userId, ...parsed.data });
  });
}

export async function updateDelegationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = delegationSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await updateDelegation({ ceremonyId, userId, delegationId: idOf(formData, 'delegationId'), ...parsed.data });
  });
}

export async function removeDelegationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, (userId, ceremonyId) => removeDelegation({ ceremonyId, userId, delegationId: idOf(formData, 'delegationId') }));
}

export async function reorderDelegationsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, (userId, ceremonyId) => reorderDelegations({ ceremonyId, userId, order: formData.getAll('order').map(String) }));
}

export async function addMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = memberSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await addMember({ ceremonyId, userId, ...parsed.data, delegationId: parsed.data.delegationId ?? undefined });
  });
}

export async function updateMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = memberUpdateSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await updateMember({ ceremonyId, userId, participantId: idOf(formData, 'participantId'), ...parsed.data, delegationId: parsed.data.delegationId ?? undefined });
  });
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, (userId, ceremonyId) => removeMember({ ceremonyId, userId, participantId: idOf(formData, 'participantId') }));
}

export async function makeCoOrganiserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, (userId, ceremonyId) => makeCoOrganiser({ ceremonyId, userId, participantId: idOf(formData, 'participantId') }));
}

export type ImportFormState = FormState & { rows?: CsvMemberRow[]; imported?: number; skipped?: number };

export async function importMembersAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const user = await getSessionUser();
  if (!user) return { error: 'UNAUTHENTICATED' };
  const values = formValues(formData);
  const ceremonyId = idOf(formData);
  const csv = values.csv ?? '';
  const defaultDelegationId = values.defaultDelegationId || null;
  try {
    if (values.intent === 'preview') {
      return { values, rows: await previewMemberImport({ ceremonyId, userId: user.id, csv, defaultDelegationId }) };
    }
    const result = await importMembers({ ceremonyId, userId: user.id, csv, defaultDelegationId, onlyValid: values.intent === 'import-valid' });
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return { ok: true, imported: result.imported, skipped: result.skipped };
  } catch (error) {
    const state = formStateFromError(error, values);
    const rows = await previewMemberImport({ ceremonyId, userId: user.id, csv, defaultDelegationId }).catch(() => undefined);
    return { ...state, rows };
  }
}

export async function removeDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, (userId, ceremonyId) => removeDocument({ ceremonyId, userId, documentId: idOf(formData, 'documentId') }));
}

/** Called by the field editor with its whole state (not a form post). */
export async function saveFieldsAction(ceremonyId: string, input: unknown): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: 'UNAUTHENTICATED' };
  const parsed = saveFieldsSchema.safeParse(input);
  if (!parsed.success) return { error: 'INVALID_INPUT' };
  try {
    await saveDocumentFields({ ceremonyId, userId: user.id, ...parsed.data });
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return { ok: true };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function setSigningOrderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = signingOrderSchema.safeParse({ signingOrder: values.signingOrder, sequence: formData.getAll('sequence').map(String) });
    if (!parsed.success) return invalid(parsed.error, values);
    await setSigningOrder({ ceremonyId, userId, ...parsed.data });
  });
}

export async function setSigningConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId, values) => {
    const parsed = signingConsentSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await setSigningConsent({ ceremonyId, userId, texts: parsed.data });
  });
}

export async function scheduleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId) => {
    await scheduleCeremony({ ceremonyId, userId });
  });
}

export async function sendInvitationsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (userId, ceremonyId) => delivered(await sendInvitations({ ceremonyId, userId })));
}
