import 'server-only';
import type { Tx } from '@/lib/db';
import type { CertificateOfCompletion } from '@accord/pdf-signing/build-certificate-of-completion';
import { DEVELOPMENT_NOTICE } from '@accord/pdf-signing/draw-field-appearances';
import { certificateLabels } from '@/lib/evidence/certificate-labels';
import type { Locale } from '@/lib/i18n/locales';
import { formatDateTime } from '@/lib/time/format-instant';

/** The certificate's one language; its codes are said through the catalogue (certificate-labels.ts). */
const CERTIFICATE_LOCALE: Locale = 'en';

/** A revision about to be stored with the certificate (the closing seals): listed as if it already were. */
export interface PlannedRevision {
  documentId: string;
  number: number;
  kind: string;
  sha256: string;
  previousSha256: string | null;
  createdAt: Date;
}

/**
 * The certificate of completion's content, from the database as it stands before the
 * concluding transaction, plus the closing seals that transaction will store
 * (`sealedRevisions`). In English (CERTIFICATE_LOCALE), stored codes said in words; names in any
 * script are drawn as they are.
 */
export async function composeCertificate(
  tx: Tx,
  {
    ceremonyId,
    sealedAt,
    certificateSubject,
    developmentCertificate,
    sealedRevisions = [],
  }: { ceremonyId: string; sealedAt: Date; certificateSubject: string; developmentCertificate: boolean; sealedRevisions?: PlannedRevision[] },
): Promise<CertificateOfCompletion> {
  const ceremony = await tx.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    include: {
      delegations: { orderBy: { position: 'asc' }, include: { participants: { where: { removedAt: null }, orderBy: { createdAt: 'asc' } } } },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        include: {
          revisions: { orderBy: { number: 'asc' }, select: { number: true, kind: true, sha256: true, previousSha256: true, createdAt: true } },
          signatures: { orderBy: { signedAt: 'asc' } },
        },
      },
    },
  });
  const fullPowersRows = await tx.fullPowers.findMany({
    where: { participant: { ceremonyId } },
    orderBy: { createdAt: 'asc' },
    // The letters themselves (up to 25 MB each) are not part of the certificate.
    omit: { bytes: true },
    include: { participant: { select: { displayName: true } } },
  });
  const reviewers = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: fullPowersRows.flatMap((r) => (r.reviewedById ? [r.reviewedById] : [])) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const fullPowers = fullPowersRows.map((record) => ({ ...record, reviewerName: record.reviewedById ? (reviewers.get(record.reviewedById) ?? null) : null }));
  const label = certificateLabels(CERTIFICATE_LOCALE);
  const capitals = ceremony.delegations.map((d) => ({ name: d.capitalName, zone: d.capitalTimeZone }));
  const inCapitals = (instant: Date) => capitals.map((c) => `${c.name}: ${formatDateTime(instant, CERTIFICATE_LOCALE, c.zone)}`).join('\n');
  const events = await tx.auditEvent.findMany({
    where: { chain: ceremonyId },
    orderBy: { seq: 'asc' },
    select: { kind: true, payload: true, createdAt: true, hash: true },
  });
  const attendance = new Map<string, { joins: number; first?: Date; last?: Date }>();
  for (const event of events.filter((e) => e.kind === 'participant.joined' || e.kind === 'participant.left')) {
    const payload = JSON.parse(event.payload) as { name?: string; identity?: string };
    const who = payload.name ?? payload.identity ?? 'unknown';
    const entry = attendance.get(who) ?? { joins: 0 };
    if (event.kind === 'participant.joined') {
      entry.joins += 1;
      entry.first ??= event.createdAt;
    } else entry.last = event.createdAt;
    attendance.set(who, entry);
  }

  return {
    title: 'Certificate of Completion',
    subtitle: `${ceremony.title} — sealed ${inCapitals(sealedAt).replace(/\n/g, ' · ')}`,
    developmentNotice: developmentCertificate ? `${DEVELOPMENT_NOTICE}. The signatures in this ceremony chain to a self-signed development CA.` : undefined,
    footer: `Accord · ceremony ${ceremony.id}`,
    sections: [
      {
        heading: 'Ceremony',
        rows: [
          { label: 'Title', value: ceremony.title },
          { label: 'Place', value: ceremony.placeName },
          { label: 'Signing order', value: label.signingOrder(ceremony.signingOrder) },
          { label: 'Scheduled', value: inCapitals(ceremony.scheduledStart) },
          { label: 'Signing opened', value: ceremony.signingOpenedAt ? inCapitals(ceremony.signingOpenedAt) : '—' },
        ],
      },
      {
        heading: 'Parties and people',
        rows: ceremony.delegations.flatMap((d) => [
          { label: d.name, value: `${d.country} · ${d.capitalName} (${d.capitalTimeZone})` },
          ...d.participants
            .filter((p) => p.role !== 'observer')
            .map((p) => ({ label: '', value: `   ${p.displayName}${p.title ? `, ${p.title}` : ''} — ${label.role(p.role)}` })),
        ]),
      },
      ...ceremony.documents.map((document) => ({
        heading: `Agreement: ${document.title} (${label.language(document.language)}${document.authentic ? ', authentic' : ''})`,
        rows: [
          { label: 'Original SHA-256', value: document.originalSha256 },
          ...document.signatures.map((signature) => ({
            label: `Signed by ${signature.signerName}`,
            value: `${signature.signerTitle ? `${signature.signerTitle}, ` : ''}${signature.delegationName}\n${inCapitals(signature.signedAt)}\nIP ${signature.ipAddress || '—'} · ${signature.userAgent || '—'}`,
          })),
          ...[...document.revisions, ...sealedRevisions.filter((planned) => planned.documentId === document.id)].map((revision) => ({
            label: `Revision ${revision.number} (${label.revisionKind(revision.kind)})`,
            value: `${revision.sha256}${revision.previousSha256 ? `\nprevious ${revision.previousSha256}` : ''}`,
          })),
        ],
      })),
      {
        heading: 'Full powers',
        rows:
          fullPowers.length === 0
            ? [{ label: '', value: 'No full powers were recorded.' }]
            : fullPowers.map((record) => ({
                label: record.participant.displayName,
                value: `${label.fullPowersStatus(record.status)}${record.reviewedAt ? ` ${inCapitals(record.reviewedAt).replace(/\n/g, ' · ')}` : ''}${record.reviewerName ? ` by ${record.reviewerName}` : ''}\nletter ${record.fileName}, SHA-256 ${record.sha256}`,
              })),
      },
      {
        heading: 'Attendance',
        rows:
          attendance.size === 0
            ? [{ label: '', value: 'No video attendance was recorded (the ceremony may have been signed without the call).' }]
            : [...attendance].map(([who, entry]) => ({
                label: who,
                value: `joined ${entry.joins}×${entry.first ? `, first ${formatDateTime(entry.first, CERTIFICATE_LOCALE, capitals[0]?.zone ?? 'UTC')}` : ''}${entry.last ? `, last left ${formatDateTime(entry.last, CERTIFICATE_LOCALE, capitals[0]?.zone ?? 'UTC')}` : ''}`,
              })),
      },
      {
        heading: 'Integrity',
        rows: [
          { label: 'Audit log head', value: `${events.at(-1)?.hash ?? '—'} (${events.length} events before conclusion)` },
          { label: 'Platform certificate', value: certificateSubject },
        ],
      },
    ],
  };
}
