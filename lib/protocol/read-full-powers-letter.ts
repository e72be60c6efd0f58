import 'server-only';
import { requireParticipantAccess } from '@/lib/access/require-access';
import { db, readBlob } from '@/lib/db';
import { notFound } from '@/lib/errors';

/**
 * The bytes of one full-powers letter, for the ceremony's organisers (who examine it) and
 * the signatory it is for. Anyone else, and ids of another ceremony: NOT_FOUND.
 */
export async function readFullPowersLetter({ ceremonyId, fullPowersId, userId }: { ceremonyId: string; fullPowersId: string; userId: string }) {
  const { participant: me } = await requireParticipantAccess(db, { ceremonyId, userId }, 'view-ceremony');
  const letter = await db.fullPowers.findUnique({
    where: { id: fullPowersId },
    select: { id: true, fileName: true, sha256: true, participantId: true, participant: { select: { ceremonyId: true } } },
  });
  if (!letter || letter.participant.ceremonyId !== ceremonyId) throw notFound('Full powers not found', 'full-powers-not-found');
  if (me.role !== 'organiser' && me.id !== letter.participantId) throw notFound('Full powers not found', 'full-powers-not-found');
  // A letter's bytes are never updated, so reading them after its row is safe.
  return { fileName: letter.fileName, bytes: await readBlob(db, 'FullPowers.bytes', letter.id), sha256: letter.sha256 };
}
