import { getSessionUser } from '@/lib/auth';
import { contentDisposition } from '@/lib/archive/content-disposition';
import { AppError, toHttpError } from '@/lib/errors';
import { readFullPowersLetter } from '@/lib/protocol/read-full-powers-letter';

export const runtime = 'nodejs';

/** A full-powers letter, for the ceremony's organisers and the signatory it is for. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fullPowersId: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const { id: ceremonyId, fullPowersId } = await params;
    const letter = await readFullPowersLetter({ ceremonyId, fullPowersId, userId: user.id });
    return new Response(new Uint8Array(letter.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(letter.bytes.byteLength),
        'Content-Disposition': contentDisposition(letter.fileName, 'inline'),
        'Cache-Control': 'private, no-store',
        ETag: `"${letter.sha256}"`,
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
  }
}
