import { describe, expect, it } from 'vitest';
import { composeTransmittalJson, composeTransmittalPdfContent, type TransmittalInput } from '@/lib/protocol/compose-transmittal';

const concluded: TransmittalInput = {
  ceremony: {
    id: 'c1',
    title: 'Joint Declaration',
    placeName: 'Berlin and Seoul',
    signingOrder: 'alternat',
    concludedAt: new Date('2026-12-03T09:45:00Z'),
    scheduledStart: new Date('2026-12-03T09:00:00Z'),
  },
  delegations: [
    { name: 'Labs Network Industrie 4.0', country: 'Germany', capitalName: 'Berlin', capitalTimeZone: 'Europe/Berlin' },
    { name: 'Korean Smart Manufacturing Office', country: 'Republic of Korea', capitalName: 'Seoul', capitalTimeZone: 'Asia/Seoul' },
  ],
  signatories: [
    {
      name: 'Dr. Matthias Schäfer',
      title: 'Chair',
      delegation: 'Labs Network Industrie 4.0',
      role: 'signatory',
      fullPowers: { fileName: 'fp-lni.pdf', sha256: 'a'.repeat(64), status: 'approved', reviewedBy: '박지은', reviewedAt: new Date('2026-12-01T08:00:00Z') },
    },
    { name: '김민준', title: 'President', delegation: 'Korean Smart Manufacturing Office', role: 'signatory', fullPowers: null },
    { name: 'Dr. Anna Bergmann-Kühn', title: 'Federal Minister', delegation: 'Labs Network Industrie 4.0', role: 'witness', fullPowers: null },
  ],
  versions: [
    {
      title: 'EN (LNI original)',
      language: 'en',
      authentic: true,
      originalFor: 'Labs Network Industrie 4.0',
      originalSha256: '1'.repeat(64),
      finalSha256: '9'.repeat(64),
      revisions: [
        { number: 0, kind: 'original', sha256: '1'.repeat(64) },
        { number: 4, kind: 'sealed', sha256: '9'.repeat(64) },
      ],
    },
    {
      title: 'Courtesy translation',
      language: 'fr',
      authentic: false,
      originalFor: null,
      originalSha256: '2'.repeat(64),
      finalSha256: '2'.repeat(64),
      revisions: [],
    },
  ],
  evidencePackage: { fileName: 'evidence-c1.zip', sha256: 'e'.repeat(64) },
};

describe('transmittal', () => {
  it('carries what the records office files, with the time in both capitals', () => {
    const json = composeTransmittalJson(concluded);
    expect(json.ceremony).toMatchObject({
      signingMode: 'alternat',
      concludedAtInCapitals: { Berlin: 'Thursday, 3 December 2026, 10:45 CET', Seoul: 'Thursday, 3 December 2026, 18:45 KST' },
    });
    expect(json.signatories.map((s) => s.name)).toEqual(['Dr. Matthias Schäfer', '김민준']);
    expect(json.signatories[0]!.fullPowers).toMatchObject({ sha256: 'a'.repeat(64), reviewedBy: '박지은', reviewedAt: '2026-12-01T08:00:00.000Z' });
    expect(json.witnesses).toEqual([{ name: 'Dr. Anna Bergmann-Kühn', title: 'Federal Minister', delegation: 'Labs Network Industrie 4.0' }]);
    expect(json.authenticVersions.map((v) => v.language)).toEqual(['en']);
    expect(json.revisions[0]!.revisions.map((r) => r.sha256)).toEqual(['1'.repeat(64), '9'.repeat(64)]);
    expect(json.evidencePackage?.sha256).toBe('e'.repeat(64));
  });

  it('lays the same content out for people', () => {
    const pdf = composeTransmittalPdfContent(concluded);
    const text = JSON.stringify(pdf);
    for (const expected of ['Dr. Matthias Schäfer', '김민준', 'No full powers on record', 'e'.repeat(64), '9'.repeat(64), 'Witnesses'])
      expect(text).toContain(expected);
  });
});
