import { mkdirSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { generateAgreementPdf, type GeneratedAgreement } from './generate-agreement-pdf';
import { isPdfError } from './pdf-error';
import { prepareSigningFields, type FieldPlanEntry } from './prepare-signing-fields';
import { PdfFile } from './read-pdf-file';
import { sealDocument } from './seal-document';
import { signPreparedFields } from './sign-prepared-fields';
import { expectPdfsigAllValid, expectQpdfClean, renderPage, runPdftotext } from './testing/external-validators';
import { appearanceFor, KOSMO, LNI, simplePdf, testIdentity, trustOf } from './testing/fixtures';
import { verifyPdfSignatures } from './verify-pdf-signatures';

const startsWith = (whole: Uint8Array, prefix: Uint8Array) =>
  whole.length > prefix.length && Buffer.from(whole.subarray(0, prefix.length)).equals(Buffer.from(prefix));

/** Object numbers the newest xref section lists, split into overridden (< previous /Size) and new. */
function newestSection(previous: Uint8Array, next: Uint8Array): { overridden: number[]; added: number[] } {
  const before = PdfFile.open(previous).size;
  const section = PdfFile.open(next).sections[0]!;
  const nums = [...section.entries.keys()].sort((a, b) => a - b);
  return { overridden: nums.filter((num) => num < before), added: nums.filter((num) => num >= before) };
}

let agreement: GeneratedAgreement;
let prepared: Uint8Array;
let fieldObject: Record<string, number>;

function plan(): FieldPlanEntry[] {
  const [lniArea, kosmoArea] = agreement.signatureAreas;
  return [
    { name: 'signature.lni', kind: 'signature', page: lniArea!.page, rect: lniArea!.rect, label: 'Signature — Dr. Matthias Schäfer' },
    { name: 'signature.kosmo', kind: 'signature', page: kosmoArea!.page, rect: kosmoArea!.rect, label: '서명 — 김민준' },
    { name: 'initials.lni.p2', kind: 'initials', page: 2, rect: { x: 470, y: 60, width: 60, height: 28 } },
    { name: 'witness.de', kind: 'witness', page: agreement.signatureAreas[2]!.page, rect: agreement.signatureAreas[2]!.rect },
    { name: 'seal', kind: 'seal', page: agreement.pageCount, rect: { x: 0, y: 0, width: 0, height: 0 } },
  ];
}

beforeAll(async () => {
  agreement = await generateAgreementPdf({
    language: 'en',
    parties: [LNI, KOSMO],
    witnesses: [{ partyIndex: 0, name: 'Dr. Anna Bergmann-Kühn', title: 'Federal Minister for Economic Affairs' }],
  });
  const result = await prepareSigningFields({ pdf: agreement.bytes, fields: plan(), developmentNotice: true });
  prepared = result.pdf;
  fieldObject = Object.fromEntries(result.fields.map((field) => [field.name, field.objectNumber]));
});

describe('signPreparedFields', () => {
  it('hostile case "One signature": one signature is valid in pdfsig, covers the whole document, and qpdf finds no error', async () => {
    const { identity, caCertificateDer } = await testIdentity();
    const signed = await signPreparedFields({
      pdf: prepared,
      fields: ['signature.lni'],
      appearance: appearanceFor('lni'),
      signature: { name: 'Dr. Matthias Schäfer', reason: 'Signing the Joint Declaration of Intent', location: 'Berlin' },
      identity,
    });
    expect(startsWith(signed.pdf, prepared)).toBe(true);
    expect(Buffer.from(signed.increment).equals(Buffer.from(signed.pdf.subarray(prepared.length)))).toBe(true);
    const pdfsig = expectPdfsigAllValid(signed.pdf, 1);
    expect(pdfsig.signatures[0]!.fieldName).toBe('signature.lni');
    expect(pdfsig.signatures[0]!.subFilter).toBe('ETSI.CAdES.detached');
    expectQpdfClean(signed.pdf);

    const report = verifyPdfSignatures(signed.pdf, { trustedCaDer: [caCertificateDer] });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]).toMatchObject({
      fieldName: 'signature.lni',
      signerName: 'Dr. Matthias Schäfer',
      coversWholeFile: true,
      chainsToTrustedCa: true,
    });
    expect(report.allTrusted).toBe(true);
  });

  it('changes only the filled field: the update overrides exactly that field/widget object', async () => {
    const { identity } = await testIdentity();
    const signed = await signPreparedFields({
      pdf: prepared,
      fields: ['signature.kosmo'],
      appearance: appearanceFor('kosmo'),
      signature: { name: '김민준', reason: '공동의향서 서명', location: 'Seoul' },
      identity,
    });
    expectPdfsigAllValid(signed.pdf, 1, { unsignedFields: 4 });
    expectQpdfClean(signed.pdf);
    const { overridden, added } = newestSection(prepared, signed.pdf);
    expect(overridden).toEqual([fieldObject['signature.kosmo']]);
    expect(signed.fields[0]!.overriddenObjects).toEqual(overridden);
    // New objects only: the signature dictionary and the appearance (form XObject, fonts).
    expect(added.length).toBeGreaterThanOrEqual(2);
    const file = PdfFile.open(signed.pdf);
    for (const num of added) expect(file.getObject(num)).not.toBeNull();
  });

  it('hostile case "Three signers in turn": three signers in turn are all valid and each revision is a byte-identical prefix of the next', async () => {
    const { identity } = await testIdentity();
    const revisions: Uint8Array[] = [agreement.bytes, prepared];
    const steps = [
      { fields: ['signature.lni', { name: 'initials.lni.p2', kind: 'initials' as const }], who: 'lni' as const, name: 'Dr. Matthias Schäfer' },
      { fields: ['signature.kosmo'], who: 'kosmo' as const, name: '김민준' },
      { fields: [{ name: 'witness.de', kind: 'witness' as const }], who: 'witness' as const, name: 'Dr. Anna Bergmann-Kühn' },
    ];
    let signatureCount = 0;
    for (const step of steps) {
      const previous = revisions[revisions.length - 1]!;
      const signed = await signPreparedFields({
        pdf: previous,
        fields: step.fields,
        appearance: appearanceFor(step.who),
        signature: { name: step.name, reason: 'Signing', location: 'Berlin / Seoul' },
        identity,
      });
      signatureCount += step.fields.length;
      for (const field of signed.fields) expect(field.overriddenObjects).toEqual([fieldObject[field.fieldName]]);
      revisions.push(signed.pdf);
      expectPdfsigAllValid(signed.pdf, signatureCount);
    }
    const sealed = await sealDocument({ pdf: revisions[revisions.length - 1]!, fieldName: 'seal', kind: 'platform-signature', identity });
    revisions.push(sealed.pdf);
    expect(newestSection(revisions[revisions.length - 2]!, sealed.pdf).overridden).toEqual([fieldObject.seal]);

    for (let i = 1; i < revisions.length; i++) expect(startsWith(revisions[i]!, revisions[i - 1]!)).toBe(true);
    const pdfsig = expectPdfsigAllValid(sealed.pdf, signatureCount + 1, { unsignedFields: 0 });
    // pdfsig lists in form order, our verifier in signing order.
    expect(pdfsig.signatures.map((s) => s.fieldName).sort()).toEqual(['initials.lni.p2', 'seal', 'signature.kosmo', 'signature.lni', 'witness.de']);
    expectQpdfClean(sealed.pdf);
    const report = verifyPdfSignatures(sealed.pdf, trustOf((await testIdentity()).identity));
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => s.fieldName)).toEqual(['signature.lni', 'initials.lni.p2', 'signature.kosmo', 'witness.de', 'seal']);
    expect(report.signatures.map((s) => s.modifiedAfterSigning)).toEqual([
      'later-signed-revision',
      'later-signed-revision',
      'later-signed-revision',
      'later-signed-revision',
      'none',
    ]);

    // The signed signature page, rendered for a person to look at (see the test name).
    mkdirSync('/tmp/accord-pdf-render', { recursive: true });
    renderPage(sealed.pdf, agreement.pageCount, '/tmp/accord-pdf-render/signed-signature-page', 60);
    renderPage(sealed.pdf, agreement.pageCount, '/tmp/accord-pdf-render/signed-signature-page-150', 150);
    const text = runPdftotext(sealed.pdf, { firstPage: agreement.pageCount, lastPage: agreement.pageCount });
    expect(text).toContain('For Labs Network Industrie 4.0');
    expect(text).toContain('김민준');
  });

  it('property: 1 to 5 signatures in sequence keep every revision a prefix and every signature valid', async () => {
    const { identity } = await testIdentity('ECDSA-P256');
    const base = await simplePdf({ pages: 3 });
    for (let count = 1; count <= 5; count++) {
      const fields: FieldPlanEntry[] = Array.from({ length: count }, (_, i) => ({
        name: `signer-${i + 1}`,
        kind: 'signature',
        page: (i % 3) + 1,
        rect: { x: 60 + (i % 2) * 250, y: 80 + i * 110, width: 220, height: 100 },
      }));
      let current = (await prepareSigningFields({ pdf: base, fields })).pdf;
      for (let i = 0; i < count; i++) {
        const next = await signPreparedFields({
          pdf: current,
          fields: [`signer-${i + 1}`],
          appearance: { ...appearanceFor(i % 2 === 0 ? 'lni' : 'kosmo'), developmentCertificate: false },
          signature: { name: `Signer ${i + 1}`, reason: 'Property test', location: 'Test' },
          identity,
        });
        expect(startsWith(next.pdf, current)).toBe(true);
        current = next.pdf;
      }
      const report = verifyPdfSignatures(current, trustOf(identity));
      expect(report.verdict, `${count} signatures: ${report.reason}`).toBe('valid');
      expect(report.signatures).toHaveLength(count);
      expectPdfsigAllValid(current, count, { unsignedFields: 0 });
      expectQpdfClean(current);
    }
  });

  it('refuses a field that does not exist or is already signed, without producing bytes', async () => {
    const { identity } = await testIdentity();
    const args = { appearance: appearanceFor('lni'), signature: { name: 'A', reason: 'R', location: 'L' }, identity };
    await expect(signPreparedFields({ pdf: prepared, fields: ['nope'], ...args })).rejects.toSatisfy((e) => isPdfError(e, 'FIELD_NOT_FOUND'));
    const once = await signPreparedFields({ pdf: prepared, fields: ['signature.lni'], ...args });
    expectPdfsigAllValid(once.pdf, 1);
    expectQpdfClean(once.pdf);
    await expect(signPreparedFields({ pdf: once.pdf, fields: ['signature.lni'], ...args })).rejects.toSatisfy((e) => isPdfError(e, 'FIELD_ALREADY_SIGNED'));
  });

  it('draws a PNG signature into the appearance', async () => {
    const { identity } = await testIdentity();
    const png = await tinyPng();
    const signed = await signPreparedFields({
      pdf: prepared,
      fields: ['signature.lni'],
      appearance: { ...appearanceFor('lni'), typedSignature: undefined, signatureImagePng: png },
      signature: { name: 'Dr. Matthias Schäfer', reason: 'Signing', location: 'Berlin' },
      identity,
    });
    expectPdfsigAllValid(signed.pdf, 1);
    expectQpdfClean(signed.pdf);
    expect(Buffer.from(signed.increment).toString('latin1')).toContain('/Subtype /Image');
  });
});

/** A 40×16 RGBA PNG with a diagonal stroke, made with zlib (no image library needed). */
async function tinyPng(): Promise<Uint8Array> {
  const { deflateSync, crc32 } = await import('node:zlib');
  const width = 40;
  const height = 16;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (Math.abs(x - y * 2.5) < 2) raw.writeUInt32BE(0x142a6bff, y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
