import 'server-only';
import { createHash, X509Certificate } from 'node:crypto';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import { lockForUpdate, transaction } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { env } from '@/lib/env';
import { buildEvidencePackage } from '@/lib/evidence/build-evidence-package';
import { composeCertificate } from '@/lib/evidence/compose-certificate';
import { runEvidenceJob } from '@/lib/evidence/run-evidence-jobs';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { loadSigningContext, SEAL_FIELD_NAME, turnInputOf } from '@/lib/signing/load-signing-context';
import { assertOnlyAllowedChanges } from '@/lib/signing/pdf/analyse-increment';
import { buildCertificateOfCompletion } from '@/lib/signing/pdf/build-certificate-of-completion';
import { documentLabels, documentLanguage } from '@/lib/signing/pdf/document-labels';
import { createHttpTimestampRequester, type RequestTimestamp } from '@/lib/signing/pdf/request-timestamp';
import { sealDocument } from '@/lib/signing/pdf/seal-document';
import { sealPlatformPdf } from '@/lib/signing/pdf/seal-platform-pdf';
import { allFieldsSigned } from '@/lib/signing/signing-turn';
import { formatDateTime } from '@/lib/time/format-instant';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The organiser concludes (SIGNING → CONCLUDED) once every field of every original is
 * signed: each original gets the platform's closing seal over the whole file, the
 * certificate of completion is drawn, and then the evidence package is built from the
 * job committed with the conclusion.
 */
export async function concludeCeremony({ ceremonyId, userId, now = new Date(), requestTimestamp }: { ceremonyId: string; userId: string; now?: Date; requestTimestamp?: RequestTimestamp }) {
  const { identity } = await loadPlatformIdentity();
  const timestamps = requestTimestamp ?? (env.TSA_URL ? createHttpTimestampRequester({ url: env.TSA_URL }) : undefined);
  const certificateSubject = new X509Certificate(identity.certificateDer).subject.replace(/\n/g, ', ');

  await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { me, ceremony } = await loadSigningContext(tx, { ceremonyId, userId });
    if (me.role !== 'organiser') throw new AppError('FORBIDDEN', 'Only the organiser concludes the ceremony.');
    assertTransition(ceremony.state, 'CONCLUDED');
    if (!allFieldsSigned(turnInputOf(ceremony, true).fields)) throw new AppError('INVALID_STATE', 'Not every field has been signed yet.');

    const sealed = [];
    for (const document of ceremony.documents) {
      await lockForUpdate(tx, `document:${document.id}`);
      const { bytes, revision } = await readRevisionBytes({ documentId: document.id, client: tx });
      const language = documentLanguage(document.language);
      const labels = documentLabels(language);
      const capitals = ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, language, d.capitalTimeZone)}`);
      const seal = await sealDocument({
        pdf: bytes,
        fieldName: SEAL_FIELD_NAME,
        sealTime: now,
        appearance: { title: labels.sealTitle, lines: capitals, developmentCertificate: identity.isDevelopment, language },
        kind: 'platform-signature',
        identity,
        requestTimestamp: timestamps,
        reason: labels.closingSealOf(ceremony.title),
        location: ceremony.placeName,
      });
      assertOnlyAllowedChanges(bytes, seal.pdf);
      const hash = sha256(seal.pdf);
      await tx.documentRevision.create({
        select: { id: true },
        data: {
          documentId: document.id,
          number: revision.number + 1,
          kind: 'sealed',
          appendedBytes: new Uint8Array(seal.increment),
          byteLength: seal.pdf.length,
          sha256: hash,
          previousSha256: revision.sha256,
          createdById: userId,
          createdAt: now,
        },
      });
      sealed.push({ documentId: document.id, sha256: hash, previousSha256: revision.sha256 });
    }

    const certificate = await sealPlatformPdf({
      pdf: await buildCertificateOfCompletion(
        await composeCertificate(tx, { ceremonyId, sealedAt: now, certificateSubject, developmentCertificate: identity.isDevelopment }),
      ),
      identity,
      requestTimestamp: timestamps,
      reason: `Certificate of completion of "${ceremony.title}", issued by the platform`,
      sealTime: now,
    });
    const artefact = await tx.artefact.create({
      omit: { bytes: true },
      data: {
        ceremonyId,
        kind: 'certificate',
        fileName: `certificate-of-completion-${ceremonyId}.pdf`,
        contentType: 'application/pdf',
        bytes: new Uint8Array(certificate),
        sha256: sha256(certificate),
        byteLength: certificate.length,
        createdAt: now,
      },
    });
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { state: 'CONCLUDED', concludedAt: now } });
    // Committed with the conclusion: if this process dies before the package is built, any
    // process resumes it (on start, periodically, or through the cron route).
    await tx.evidenceJob.create({ data: { ceremonyId, createdAt: now }, select: { id: true } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'ceremony.concluded', payload: { sealed, certificateSha256: artefact.sha256 }, at: now });
  });
  await notifyCeremonyRoom(ceremonyId, { kind: 'ceremony', state: 'CONCLUDED' });
  // Null when another process claimed the job between the commit and here: the package is
  // then read (or, if still building, built and stored once) by buildEvidencePackage.
  return (await runEvidenceJob({ ceremonyId, actorUserId: userId })) ?? buildEvidencePackage({ ceremonyId, actorUserId: userId });
}
