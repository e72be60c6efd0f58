import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction, type Tx } from '@/lib/db';
import { addParticipant } from '@/lib/delegations/member-helpers';
import { parseMemberCsv, type CsvMemberRow } from '@/lib/delegations/parse-member-csv';
import { importMembersSchema } from '@/lib/delegations/schemas';
import { AppError } from '@/lib/errors';

async function parseAgainstCeremony(tx: Tx, ceremonyId: string, csv: string, defaultDelegationId: string | null): Promise<CsvMemberRow[]> {
  const [delegations, members] = await Promise.all([
    tx.delegation.findMany({ where: { ceremonyId }, select: { id: true, name: true } }),
    tx.participant.findMany({ where: { ceremonyId, removedAt: null }, select: { user: { select: { email: true } } } }),
  ]);
  if (defaultDelegationId && !delegations.some((delegation) => delegation.id === defaultDelegationId)) {
    throw new AppError('INVALID_INPUT', 'Unknown delegation.', { defaultDelegationId: 'unknownDelegation' }, { reason: 'delegation-unknown' });
  }
  return parseMemberCsv(csv, { delegations, defaultDelegationId, existingEmails: members.map((member) => member.user.email) });
}

/** The preview: every row with its problems, nothing written. */
export async function previewMemberImport({
  ceremonyId,
  userId,
  csv,
  defaultDelegationId,
}: {
  ceremonyId: string;
  userId: string;
  csv: string;
  defaultDelegationId: string | null;
}) {
  const parsed = importMembersSchema.safeParse({ csv, defaultDelegationId: defaultDelegationId ?? '' });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'The pasted text is too long.', { csv: 'tooLong' }, { reason: 'import-too-long' });
  return transaction(async (tx) => {
    // A preview writes nothing: it works in any state, the import itself checks the plan is editable.
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-ceremony');
    return parseAgainstCeremony(tx, ceremonyId, parsed.data.csv, parsed.data.defaultDelegationId);
  });
}

/**
 * Imports pasted members in one transaction. When any row is wrong nothing is written,
 * unless the organiser chose to import only the valid rows.
 */
export async function importMembers({
  ceremonyId,
  userId,
  csv,
  defaultDelegationId,
  onlyValid,
}: {
  ceremonyId: string;
  userId: string;
  csv: string;
  defaultDelegationId: string | null;
  onlyValid: boolean;
}) {
  const parsed = importMembersSchema.safeParse({ csv, defaultDelegationId: defaultDelegationId ?? '', onlyValid });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'The pasted text is too long.', { csv: 'tooLong' }, { reason: 'import-too-long' });
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const rows = await parseAgainstCeremony(tx, ceremonyId, parsed.data.csv, parsed.data.defaultDelegationId);
    const invalid = rows.filter((row) => !row.member);
    if (rows.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to import.', { csv: 'empty' }, { reason: 'import-empty' });
    if (invalid.length > 0 && !parsed.data.onlyValid) {
      throw new AppError(
        'INVALID_INPUT',
        `${invalid.length} of ${rows.length} rows have errors; nothing was imported.`,
        { csv: 'rowsInvalid' },
        { reason: 'import-rows-invalid', params: { invalid: invalid.length, rows: rows.length } },
      );
    }
    const imported: { participantId: string; email: string }[] = [];
    for (const row of rows) {
      if (!row.member) continue;
      const added = await addParticipant(tx, ceremonyId, row.member);
      imported.push({ participantId: added.participantId, email: row.member.email });
    }
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.imported',
      payload: { imported, skippedLines: invalid.map((row) => row.line) },
    });
    return { imported: imported.length, skipped: invalid.length, rows };
  });
}
