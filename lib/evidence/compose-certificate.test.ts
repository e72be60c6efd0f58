import { describe, expect, it } from 'vitest';
import type { Tx } from '@/lib/db';
import { certificateLabels } from '@/lib/evidence/certificate-labels';
import { composeCertificate } from '@/lib/evidence/compose-certificate';
import { locales } from '@/lib/i18n/locales';
import { signingOrders } from '@/lib/signing/decide-signing';

const at = new Date('2026-05-04T10:00:00Z');

/** Just the reads composeCertificate makes, answered from memory. */
function fakeTx(): Tx {
  const ceremony = {
    id: 'c1',
    title: 'Treaty',
    placeName: 'Geneva',
    signingOrder: 'alternat',
    scheduledStart: at,
    signingOpenedAt: at,
    delegations: [
      {
        name: 'Germany',
        country: 'DE',
        capitalName: 'Berlin',
        capitalTimeZone: 'Europe/Berlin',
        participants: [{ displayName: 'Dr. Matthias Schäfer', title: null, role: 'signatory' }],
      },
    ],
    documents: [
      {
        id: 'd1',
        title: 'Agreement',
        language: 'de',
        authentic: true,
        originalSha256: 'aa',
        revisions: [{ number: 1, kind: 'original', sha256: 'aa', previousSha256: null, createdAt: at }],
        signatures: [],
      },
    ],
  };
  const fullPowers = [
    { participant: { displayName: 'Dr. Matthias Schäfer' }, status: 'approved', reviewedAt: at, reviewedById: null, fileName: 'letter.pdf', sha256: 'bb' },
  ];
  return {
    ceremony: { findUniqueOrThrow: async () => ceremony },
    fullPowers: { findMany: async () => fullPowers },
    user: { findMany: async () => [] },
    auditEvent: { findMany: async () => [] },
  } as unknown as Tx;
}

describe('certificate of completion', () => {
  it('says stored codes in words, never as the raw value', async () => {
    const certificate = await composeCertificate(fakeTx(), {
      ceremonyId: 'c1',
      sealedAt: at,
      certificateSubject: 'CN=Accord',
      developmentCertificate: false,
      sealedRevisions: [{ documentId: 'd1', number: 2, kind: 'sealed', sha256: 'cc', previousSha256: 'aa', createdAt: at }],
    });
    const rows = certificate.sections.flatMap((section) => section.rows);
    const text = [certificate.title, ...certificate.sections.map((s) => s.heading), ...rows.flatMap((r) => [r.label, r.value])].join('\n');
    expect(rows.find((row) => row.label === 'Signing order')?.value).toBe('Alternat');
    expect(text).toContain('— Signatory');
    expect(text).toContain('Agreement: Agreement (German, authentic)');
    expect(text).toContain('Revision 1 (Original upload)');
    expect(text).toContain('Revision 2 (Sealed)');
    expect(text).toMatch(/^Approved /m);
    expect(text).not.toMatch(/\balternat\b|— signatory|\(de\b|\(original\)|\(sealed\)|^approved/m);
  });

  it.each(locales)('has words for every code in %s', (locale) => {
    const label = certificateLabels(locale);
    for (const order of signingOrders) expect(label.signingOrder(order)).not.toBe(order);
    for (const role of ['organiser', 'signatory', 'witness', 'delegate', 'observer']) expect(label.role(role)).not.toBe(role);
    for (const kind of ['original', 'prepared', 'signed', 'sealed']) expect(label.revisionKind(kind)).not.toBe(kind);
    for (const status of ['pending', 'approved', 'rejected']) expect(label.fullPowersStatus(status)).not.toBe(status);
    for (const language of locales) expect(label.language(language)).not.toBe(language);
  });
});
