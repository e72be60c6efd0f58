import { randomBytes } from 'node:crypto';

import { PDFDocument, StandardFonts, concatTransformationMatrix, degrees, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';

import { createDevelopmentCertificate, type KeyAlgorithm } from '../create-development-certificate';
import type { SignatureAppearance } from '../draw-field-appearances';
import { loadSigningIdentity, type SigningIdentity } from '../load-signing-identity';
import type { AgreementParty } from '../generate-agreement-pdf';

/** Test inputs shared by the PDF tests (and the bench). */

const identities = new Map<KeyAlgorithm, Promise<{ identity: SigningIdentity; caCertificateDer: Uint8Array }>>();

/** A development identity, made once per algorithm and process. */
export function testIdentity(algorithm: KeyAlgorithm = 'RSA-2048'): Promise<{ identity: SigningIdentity; caCertificateDer: Uint8Array }> {
  let pending = identities.get(algorithm);
  if (!pending) {
    pending = (async () => {
      const certificate = await createDevelopmentCertificate({ algorithm });
      const identity = await loadSigningIdentity({
        kind: 'pem',
        privateKeyPem: certificate.privateKeyPem,
        certificatePem: certificate.certificatePem,
        chainPem: certificate.caCertificatePem,
      });
      return { identity, caCertificateDer: identity.chainDer[0]! };
    })();
    identities.set(algorithm, pending);
  }
  return pending;
}

/** Verifier options that trust the root this identity chains to (as a user passing --trust would). */
export function trustOf(identity: SigningIdentity): { trustedCaDer: Uint8Array[] } {
  return { trustedCaDer: [identity.chainDer.at(-1) ?? identity.certificateDer] };
}

/** A plain document made with pdf-lib; objectStreams: true gives a cross-reference stream. */
export async function simplePdf(options: { pages?: number; objectStreams?: boolean; rotate?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (options.pages ?? 2); i++) {
    const page = doc.addPage([595.28, 841.89]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    page.drawText(`Test page ${i + 1}`, { x: 72, y: 760, size: 18, font });
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

/**
 * A large annex-style document for the signing bench: every page carries a side × side grey
 * image of random (incompressible) bytes, so the file's size grows with its page count.
 */
export async function imageHeavyPdf(pages: number, imageSide: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Annex page ${i + 1} of ${pages}`, { x: 72, y: 780, size: 14, font });
    const image = doc.context.register(
      doc.context.stream(randomBytes(imageSide * imageSide), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: imageSide,
        Height: imageSide,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
      }),
    );
    const imageName = page.node.newXObject('Im', image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(400, 0, 0, 400, 97, 300), drawObject(imageName), popGraphicsState());
  }
  return doc.save({ useObjectStreams: false });
}

export const LNI: AgreementParty = {
  name: 'Labs Network Industrie 4.0',
  shortName: 'LNI 4.0',
  country: 'Germany',
  signatoryName: 'Dr. Matthias Schäfer',
  signatoryTitle: 'Chair of the Board, Labs Network Industrie 4.0',
};

export const KOSMO: AgreementParty = {
  name: 'Korean Smart Manufacturing Office',
  shortName: 'KOSMO',
  country: 'Republic of Korea',
  signatoryName: '김민준',
  signatoryTitle: 'President, Korean Smart Manufacturing Office',
  localized: { ko: { signatoryTitle: '스마트제조혁신추진단 단장' } },
};

export function appearanceFor(signer: 'lni' | 'kosmo' | 'witness', developmentCertificate = true): SignatureAppearance {
  if (signer === 'kosmo') {
    return {
      typedSignature: '김민준',
      signerName: '김민준',
      signerTitle: '스마트제조혁신추진단 단장',
      delegationName: 'For the Korean Smart Manufacturing Office',
      timeLines: ['Berlin: 26 Nov 2026, 10:05 CET', 'Seoul: 26 Nov 2026, 18:05 KST'],
      developmentCertificate,
    };
  }
  if (signer === 'witness') {
    return {
      typedSignature: 'Anna Bergmann-Kühn',
      signerName: 'Dr. Anna Bergmann-Kühn',
      signerTitle: 'Bundesministerin für Wirtschaft',
      delegationName: 'Bundesrepublik Deutschland',
      timeLines: ['Berlin: 26 Nov 2026, 10:10 CET', 'Seoul: 26 Nov 2026, 18:10 KST'],
      developmentCertificate,
    };
  }
  return {
    typedSignature: 'Matthias Schäfer',
    signerName: 'Dr. Matthias Schäfer',
    signerTitle: 'Vorsitzender des Vorstands (Chair of the Board)',
    delegationName: 'For Labs Network Industrie 4.0',
    timeLines: ['Berlin: 26 Nov 2026, 10:00 CET', 'Seoul: 26 Nov 2026, 18:00 KST'],
    developmentCertificate,
  };
}
