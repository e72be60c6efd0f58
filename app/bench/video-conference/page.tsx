import { notFound } from 'next/navigation';
import { BareVideoConference } from '@/components/live/bare-video-conference';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/**
 * The reference for budget P7 (bench/room-bundle.ts): LiveKit's own VideoConference and
 * nothing else, built by the same Next.js in the same build as the ceremony room.
 */
export default function BareVideoConferencePage() {
  if (!env.ACCORD_BENCH && !env.ACCORD_DEV_TOOLS) notFound();
  return <BareVideoConference />;
}
