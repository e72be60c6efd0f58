import { readPublicSummaryPhoto } from '@/lib/protocol/load-public-summary';

export const runtime = 'nodejs';

/** The published summary's photo still (public); 404 when not published. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const photo = await readPublicSummaryPhoto({ ceremonyId: id });
  if (!photo) return Response.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      'Content-Type': photo.contentType,
      'Content-Length': String(photo.bytes.byteLength),
      'Cache-Control': 'public, max-age=300',
      ETag: `"${photo.sha256}"`,
    },
  });
}
