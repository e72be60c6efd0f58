import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { concludeReferenceCeremony } from '@/lib/demo/conclude-reference-ceremony';
import { seedReferenceCeremony } from '@/lib/demo/seed-reference-ceremony';
import { renderPage, runPdftotext } from '@accord/pdf-signing/testing/external-validators';

const ceremonyId = 'ceremony-int-reference';

async function rowCounts() {
  const [users, ceremonies, participants, documents, revisions, fields, fullPowers, events] = await Promise.all([
    db.user.count(),
    db.ceremony.count(),
    db.participant.count(),
    db.agreementDocument.count(),
    db.documentRevision.count(),
    db.signatureField.count(),
    db.fullPowers.count(),
    db.auditEvent.count(),
  ]);
  return { users, ceremonies, participants, documents, revisions, fields, fullPowers, events };
}

describe('the reference scenario', () => {
  it('seeds once: a second run changes nothing', async () => {
    const first = await seedReferenceCeremony({ ceremonyId, title: 'Reference (integration)' });
    expect(first.created).toBe(true);
    const before = await rowCounts();
    const second = await seedReferenceCeremony({ ceremonyId, title: 'Reference (integration)' });
    expect(second.created).toBe(false);
    expect(await rowCounts()).toEqual(before);
    const documents = await db.agreementDocument.findMany({ where: { ceremonyId }, select: { language: true, authentic: true } });
    expect(documents.map((d) => d.language).sort()).toEqual(['de', 'de', 'en', 'en', 'ko', 'ko']);
    expect(documents.every((d) => d.authentic)).toBe(true);
  });

  it('signed through the use-cases, the Korean names are in the sealed PDFs’ text and on the rendered page', async () => {
    await concludeReferenceCeremony({ ceremonyId, userAgent: 'vitest' });
    const korean = await db.agreementDocument.findFirstOrThrow({
      where: { ceremonyId, language: 'ko', originalFor: { name: 'Korean Smart Manufacturing Office' } },
    });
    const { bytes, revision } = await readRevisionBytes({ documentId: korean.id });
    expect(revision.kind).toBe('sealed');
    const text = runPdftotext(bytes);
    expect(text).toContain('김민준');
    expect(text).toContain('스마트제조혁신추진단');
    const german = await db.agreementDocument.findFirstOrThrow({ where: { ceremonyId, language: 'de', originalFor: { name: 'Labs Network Industrie 4.0' } } });
    expect(runPdftotext((await readRevisionBytes({ documentId: german.id })).bytes)).toContain('Dr. Matthias Schäfer');
    // A picture of the signed Korean signature page, for people to look at.
    const outputDir = path.resolve('test-results/integration');
    mkdirSync(outputDir, { recursive: true });
    const png = renderPage(bytes, korean.pageCount, path.join(outputDir, 'korean-signature-page'), 70);
    expect(png).toMatch(/korean-signature-page\.png$/);
  });
});
