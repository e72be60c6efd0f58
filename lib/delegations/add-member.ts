import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { addParticipant } from '@/lib/delegations/member-helpers';
import { memberSchema, type MemberInput } from '@/lib/delegations/schemas';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

/** A person joins the ceremony with a role; an unknown email becomes a user who signs in later. */
export async function addMember({ ceremonyId, userId, ...input }: MemberInput & { ceremonyId: string; userId: string }) {
  const parsed = memberSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the member.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const added = await addParticipant(tx, ceremonyId, parsed.data);
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.added',
      payload: { participantId: added.participantId, userId: added.userId, userCreated: added.userCreated, ...parsed.data },
    });
    return added;
  });
}
