import { AppError, toHttpError } from '@/lib/errors';
import { recordAttendance } from '@/lib/live/record-attendance';
import { verifyLiveKitWebhook } from '@/lib/live/verify-webhook';

export const dynamic = 'force-dynamic';

/** LiveKit's webhooks are a few kilobytes; anything far larger is not one. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

/** LiveKit → attendance log. Verified on the raw body (hostile case "Forged webhook"); nothing is kept otherwise. */
export async function POST(request: Request) {
  try {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Webhook body too large.');
    }
    const rawBody = await request.text();
    const webhook = await verifyLiveKitWebhook(rawBody, request.headers.get('authorization'));
    const outcome = await recordAttendance(webhook);
    return Response.json({ outcome });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status });
  }
}
