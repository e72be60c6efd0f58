import 'server-only';
import { requireAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction, type Db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { stripPhotoMetadata } from '@/lib/protocol/strip-photo-metadata';
import { sha256Hex } from '@/lib/crypto/sha256';

/** A photo still is small: the public page shows one picture, not a film. */
export const SUMMARY_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const signatures: { contentType: 'image/png' | 'image/jpeg'; extension: string; magic: number[] }[] = [
  { contentType: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
];

/** PNG or JPEG by the file's own first bytes (the declared type is not trusted). */
function detectPhotoType(bytes: Uint8Array) {
  return signatures.find((candidate) => candidate.magic.every((byte, index) => bytes[index] === byte)) ?? null;
}

async function assertMayAddPhoto(client: Db | Tx, ids: { ceremonyId: string; userId: string }): Promise<void> {
  await requireAccess(client, ids, 'add-summary-photo');
}

/** Checked before the upload route reads the body (the store re-checks in its transaction). */
export async function authorizeSummaryPhotoUpload(ids: { ceremonyId: string; userId: string }): Promise<void> {
  await assertMayAddPhoto(db, ids);
}

/**
 * The organiser uploads the photo still for the public summary (after conclusion). Each
 * upload is a new artefact row; the newest is shown. The page is public, so what the camera
 * wrote beside the picture (EXIF position, serial numbers, comments) is removed first; the
 * image data is kept as sent, never re-encoded.
 */
export async function uploadSummaryPhoto({
  ceremonyId,
  userId,
  bytes: sent,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  bytes: Uint8Array;
  now?: Date;
}) {
  if (sent.byteLength > SUMMARY_PHOTO_MAX_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The photo is larger than 5 MB.', { file: 'TOO_LARGE' }, { reason: 'photo-too-large' });
  const type = detectPhotoType(sent);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The photo must be a PNG or JPEG image.', { file: 'NOT_AN_IMAGE' }, { reason: 'photo-not-image' });
  const bytes = stripPhotoMetadata(sent, type.contentType);
  const sha256 = sha256Hex(bytes);
  return transaction(async (tx) => {
    await assertMayAddPhoto(tx, { ceremonyId, userId });
    const artefact = await tx.artefact.create({
      data: {
        ceremonyId,
        kind: 'photo',
        fileName: `photo-${ceremonyId}.${type.extension}`,
        contentType: type.contentType,
        bytes: new Uint8Array(bytes),
        sha256,
        byteLength: bytes.byteLength,
        createdAt: now,
      },
      select: { id: true, sha256: true, contentType: true },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'public-summary.photo-added',
      payload: { artefactId: artefact.id, sha256, contentType: type.contentType, byteLength: bytes.byteLength },
      at: now,
    });
    return artefact;
  });
}
