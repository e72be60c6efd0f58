import 'reflect-metadata';

import { webcrypto } from 'node:crypto';

import * as x509 from '@peculiar/x509';

/**
 * A self-signed development CA and a signing certificate issued by it, for when no
 * signing key is configured. Its names say "development" so that nobody can mistake
 * a signature made with it for an official one (the verifier and the certificate of
 * completion check for DEVELOPMENT_MARKER).
 */

export const DEVELOPMENT_MARKER = 'Accord Development';

export type KeyAlgorithm = 'RSA-2048' | 'ECDSA-P256';

export interface DevelopmentCertificate {
  /** PKCS#8 PEM of the signing key. */
  privateKeyPem: string;
  certificatePem: string;
  caCertificatePem: string;
}

export interface CreateDevelopmentCertificateOptions {
  algorithm?: KeyAlgorithm;
  commonName?: string;
  validityDays?: number;
  now?: Date;
}

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export function keyAlgorithmParams(algorithm: KeyAlgorithm): RsaHashedKeyGenParams | EcKeyGenParams {
  return algorithm === 'RSA-2048'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: 'P-256' };
}

function signingAlgorithm(algorithm: KeyAlgorithm): Algorithm | EcdsaParams {
  return algorithm === 'RSA-2048' ? ({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm) : { name: 'ECDSA', hash: 'SHA-256' };
}

function toPem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

export async function createDevelopmentCertificate(options: CreateDevelopmentCertificateOptions = {}): Promise<DevelopmentCertificate> {
  const algorithm = options.algorithm ?? 'RSA-2048';
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(now.getTime() + (options.validityDays ?? 3650) * 24 * 60 * 60 * 1000);
  const params = keyAlgorithmParams(algorithm);
  const crypto = webcrypto as unknown as Crypto;

  const caKeys = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caName = `CN=${DEVELOPMENT_MARKER} CA (not for official use), O=${DEVELOPMENT_MARKER}`;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: caName,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: signingAlgorithm(algorithm),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const leafKeys = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const commonName = options.commonName ?? `${DEVELOPMENT_MARKER} Signing (not for official use)`;
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${commonName}, O=${DEVELOPMENT_MARKER}`,
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: signingAlgorithm(algorithm),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      // No extended key usage: Acrobat and NSS then accept the certificate for
      // document signing without asking for a particular purpose.
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const pkcs8 = await crypto.subtle.exportKey('pkcs8', leafKeys.privateKey);
  return {
    privateKeyPem: toPem('PRIVATE KEY', pkcs8),
    certificatePem: leaf.toString('pem') + '\n',
    caCertificatePem: ca.toString('pem') + '\n',
  };
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  // Positive INTEGER: clear the top bit.
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
