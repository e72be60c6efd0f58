import { createPrivateKey, KeyObject, sign, verify, X509Certificate, type webcrypto } from 'node:crypto';

import * as pkijs from 'pkijs';

import { berView } from './cms-oids';
import { DEVELOPMENT_MARKER } from './create-development-certificate';
import { PdfError } from './pdf-error';

export interface SigningIdentity {
  privateKey: webcrypto.CryptoKey | KeyObject;
  certificateDer: Uint8Array;
  /** Intermediate and root certificates, issuer of certificateDer first. */
  chainDer: Uint8Array[];
  /** Made by createDevelopmentCertificate: signatures must say so. */
  isDevelopment: boolean;
}

export type SigningIdentitySource =
  | { kind: 'pem'; privateKeyPem: string; certificatePem: string; chainPem?: string; passphrase?: string; isDevelopment?: boolean }
  | { kind: 'pkcs12'; pkcs12Base64: string; passphrase: string; isDevelopment?: boolean };

const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';

function invalid(message: string, cause?: unknown): PdfError {
  return new PdfError('INVALID_SIGNING_IDENTITY', message, { cause });
}

export function splitPemCertificates(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
}

export async function loadSigningIdentity(source: SigningIdentitySource): Promise<SigningIdentity> {
  let privateKey: KeyObject;
  let certificates: Uint8Array[];
  if (source.kind === 'pem') {
    try {
      privateKey = createPrivateKey({ key: source.privateKeyPem, format: 'pem', passphrase: source.passphrase });
    } catch (error) {
      throw invalid('The signing key could not be read: expected a PEM private key (PKCS#8, PKCS#1 or SEC1).', error);
    }
    try {
      certificates = [...splitPemCertificates(source.certificatePem), ...splitPemCertificates(source.chainPem ?? '')];
    } catch (error) {
      throw invalid('The signing certificate could not be read: expected PEM certificates.', error);
    }
  } else {
    ({ privateKey, certificates } = await readPkcs12(Buffer.from(source.pkcs12Base64, 'base64'), source.passphrase));
  }
  if (certificates.length === 0) throw invalid('No signing certificate was given.');

  // The certificate that belongs to the key is the signer; the others form the chain.
  const probe = Buffer.from('accord signing identity check');
  const signerIndex = certificates.findIndex((der) => {
    try {
      const publicKey = new X509Certificate(der).publicKey;
      return verify('sha256', probe, publicKey, sign('sha256', probe, privateKey));
    } catch {
      return false;
    }
  });
  if (signerIndex < 0) throw invalid('The signing key does not belong to any of the given certificates.');
  const certificateDer = certificates[signerIndex]!;
  const chainDer = orderChain(
    certificateDer,
    certificates.filter((_, i) => i !== signerIndex),
  );
  const subject = new X509Certificate(certificateDer).subject;
  return {
    privateKey,
    certificateDer,
    chainDer,
    isDevelopment: source.isDevelopment ?? subject.includes(DEVELOPMENT_MARKER),
  };
}

/** Issuer of the signer first, then its issuer, …; unrelated certificates last. */
function orderChain(signerDer: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const remaining = others.map((der) => ({ der, cert: new X509Certificate(der) }));
  const ordered: Uint8Array[] = [];
  let current = new X509Certificate(signerDer);
  for (;;) {
    const index = remaining.findIndex(({ cert }) => current.checkIssued(cert) && current.verify(cert.publicKey));
    if (index < 0 || current.subject === current.issuer) break;
    const [next] = remaining.splice(index, 1);
    ordered.push(next!.der);
    current = next!.cert;
  }
  return [...ordered, ...remaining.map(({ der }) => der)];
}

/**
 * PKCS#12 through pkijs: PBES2 (PBKDF2 + AES-CBC) bags and a SHA-2 MAC, which is
 * what OpenSSL 3 writes by default. Legacy files (RC2/3DES, OpenSSL 1.x default)
 * are refused with a message saying how to convert them.
 */
async function readPkcs12(bytes: Uint8Array, passphrase: string): Promise<{ privateKey: KeyObject; certificates: Uint8Array[] }> {
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  try {
    const pfx = pkijs.PFX.fromBER(berView(bytes));
    await pfx.parseInternalValues({ password, checkIntegrity: true });
    const safe = pfx.parsedValue?.authenticatedSafe;
    if (!safe) throw new Error('no authenticated safe');
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
    let privateKey: KeyObject | undefined;
    const certificates: Uint8Array[] = [];
    for (const content of safe.parsedValue?.safeContents ?? []) {
      for (const bag of content.value.safeBags) {
        if (bag.bagId === OID_SHROUDED_KEY_BAG) {
          const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          // parseInternalValues is protected in the typings but is the documented way to decrypt.
          await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password });
          const info = shrouded.parsedValue;
          if (!info) throw new Error('key bag did not decrypt');
          privateKey = createPrivateKey({ key: Buffer.from(info.toSchema().toBER()), format: 'der', type: 'pkcs8' });
        } else if (bag.bagId === OID_KEY_BAG) {
          const info = bag.bagValue as pkijs.PrivateKeyInfo;
          privateKey = createPrivateKey({ key: Buffer.from(info.toSchema().toBER()), format: 'der', type: 'pkcs8' });
        } else if (bag.bagId === OID_CERT_BAG) {
          const certBag = bag.bagValue as pkijs.CertBag;
          if (certBag.parsedValue instanceof pkijs.Certificate) certificates.push(new Uint8Array(certBag.parsedValue.toSchema().toBER()));
        }
      }
    }
    if (!privateKey) throw new Error('no private key in the file');
    return { privateKey, certificates };
  } catch (error) {
    if (error instanceof PdfError) throw error;
    throw invalid(
      'The PKCS#12 file could not be opened: check the passphrase. Files with legacy encryption (RC2/3DES) are not ' +
        'supported; convert them with `openssl pkcs12 -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`.',
      error,
    );
  }
}
