'use client';

import { useConnectionQualityIndicator, useConnectionState, useLocalParticipant, useMaybeRoomContext } from '@livekit/components-react';
import { ConnectionState, type Room } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { recordReadinessAction, trySigningPadAction } from '@/app/ceremonies/[id]/programme/actions';
import { useProtocolError } from '@/components/protocol/use-protocol-text';
import { SignatureCapture, type Capture } from '@/components/signing/signature-capture';

const qualities = ['excellent', 'good', 'poor', 'lost', 'unknown'] as const;
type Quality = (typeof qualities)[number];

/**
 * The technical rehearsal in the room: the participant's readiness (camera, microphone,
 * connection quality) measured by their browser and reported to the organiser's checklist,
 * and for signatories the signing pad tried on the SPECIMEN copy.
 */
export function RehearsalPanel({ ceremonyId, myRole, myName }: { ceremonyId: string; myRole: string; myName: string }) {
  const t = useTranslations('protocol.rehearsal');
  const room = useMaybeRoomContext();
  return (
    <div className="flex flex-col gap-2 rounded-md border border-sky-300/40 bg-sky-400/10 p-2 text-sm" data-testid="rehearsal-panel">
      <p className="text-white/80">{t('intro')}</p>
      {myRole === 'observer' ? null : room ? <ReadinessProbe ceremonyId={ceremonyId} room={room} /> : <p className="text-white/60">{t('noVideo')}</p>}
      {myRole === 'signatory' || myRole === 'witness' ? <SigningPadTrial ceremonyId={ceremonyId} myName={myName} /> : null}
    </div>
  );
}

function ReadinessProbe({ ceremonyId, room }: { ceremonyId: string; room: Room }) {
  const t = useTranslations('protocol.rehearsal');
  const tQuality = useTranslations('protocol.overview.readiness.quality');
  const { isCameraEnabled, isMicrophoneEnabled, cameraTrack, microphoneTrack } = useLocalParticipant({ room });
  const { quality } = useConnectionQualityIndicator({ participant: room.localParticipant });
  const connection = useConnectionState(room);
  const [reported, setReported] = useState<string | null>(null);
  const lastSent = useRef<string | null>(null);
  const report = {
    cameraOk: isCameraEnabled && Boolean(cameraTrack?.track),
    microphoneOk: isMicrophoneEnabled && Boolean(microphoneTrack?.track),
    connectionQuality: ((qualities as readonly string[]).includes(quality) ? quality : 'unknown') as Quality,
  };
  const key = JSON.stringify(report);

  useEffect(() => {
    if (connection !== ConnectionState.Connected || lastSent.current === key) return;
    // Let the tracks and the first quality measurement settle before reporting.
    const timer = window.setTimeout(() => {
      lastSent.current = key;
      void recordReadinessAction(ceremonyId, JSON.parse(key)).then((result) => {
        if (result.ok) setReported(key);
      });
    }, 3_000);
    return () => window.clearTimeout(timer);
  }, [ceremonyId, connection, key]);

  const mark = (ok: boolean) => (ok ? t('ok') : t('notOk'));
  return (
    <div data-testid="readiness-probe" data-reported={reported === key ? 'yes' : 'no'}>
      <p className="font-medium">{t('yourReadiness')}</p>
      <ul className="text-white/80">
        <li>{t('camera', { state: mark(report.cameraOk) })}</li>
        <li>{t('microphone', { state: mark(report.microphoneOk) })}</li>
        <li>{t('connection', { quality: tQuality(report.connectionQuality) })}</li>
      </ul>
      <p className="text-xs text-white/60" role="status">
        {reported === key ? t('reported') : t('measuring')}
      </p>
    </div>
  );
}

function SigningPadTrial({ ceremonyId, myName }: { ceremonyId: string; myName: string }) {
  const t = useTranslations('protocol.rehearsal');
  const describeError = useProtocolError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function confirm(capture: Capture) {
    setBusy(true);
    setError(null);
    const result = await trySigningPadAction(ceremonyId, capture);
    setBusy(false);
    if (!result.ok) return setError(describeError(result));
    setOpen(false);
    setDone(true);
    toast.success(result.alreadyTried ? t('alreadyTried') : t('padTried'));
  }

  return (
    <div className="flex flex-col gap-2" data-testid="signing-pad-trial">
      {done ? (
        <p role="status" className="text-emerald-100">
          {t('padTried')}
        </p>
      ) : null}
      {open ? (
        <div className="rounded-md bg-white p-3 text-[#0f1620]">
          <SignatureCapture defaultName={myName} busy={busy} onConfirm={(capture) => void confirm(capture)} onCancel={() => setOpen(false)} />
        </div>
      ) : done ? null : (
        <button type="button" className="self-start rounded-md border border-white/40 px-3 py-1.5" onClick={() => setOpen(true)} data-testid="try-signing-pad">
          {t('tryPad')}
        </button>
      )}
      {error ? (
        <p role="alert" className="text-red-100">
          {error}
        </p>
      ) : null}
    </div>
  );
}
