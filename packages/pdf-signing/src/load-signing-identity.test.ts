import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createDevelopmentCertificate } from './create-development-certificate';
import { loadSigningIdentity } from './load-signing-identity';
import { isPdfError } from './pdf-error';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('createDevelopmentCertificate', () => {
  it('makes a CA and a signing certificate issued by it, both saying "development"', async () => {
    const created = await createDevelopmentCertificate({ algorithm: 'ECDSA-P256' });
    const leaf = new X509Certificate(created.certificatePem);
    const ca = new X509Certificate(created.caCertificatePem);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.subject).toMatch(/Accord Development/);
    expect(leaf.subject).toMatch(/not for official use/);
    expect(created.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe('loadSigningIdentity', () => {
  it('loads PEM key, certificate and chain, finds the signer and orders the chain', async () => {
    const created = await createDevelopmentCertificate();
    // Chain given first and the leaf second: the loader finds the key's certificate itself.
    const identity = await loadSigningIdentity({
      kind: 'pem',
      privateKeyPem: created.privateKeyPem,
      certificatePem: created.caCertificatePem + created.certificatePem,
    });
    expect(Buffer.from(identity.certificateDer).equals(new X509Certificate(created.certificatePem).raw)).toBe(true);
    expect(identity.chainDer).toHaveLength(1);
    expect(Buffer.from(identity.chainDer[0]!).equals(new X509Certificate(created.caCertificatePem).raw)).toBe(true);
    expect(identity.isDevelopment).toBe(true);
  });

  it('refuses a key that belongs to none of the certificates', async () => {
    const one = await createDevelopmentCertificate({ algorithm: 'ECDSA-P256' });
    const other = await createDevelopmentCertificate({ algorithm: 'ECDSA-P256' });
    await expect(loadSigningIdentity({ kind: 'pem', privateKeyPem: one.privateKeyPem, certificatePem: other.certificatePem })).rejects.toSatisfy(
      (error) => isPdfError(error, 'INVALID_SIGNING_IDENTITY') && /does not belong/.test((error as Error).message),
    );
    await expect(loadSigningIdentity({ kind: 'pem', privateKeyPem: 'nonsense', certificatePem: other.certificatePem })).rejects.toSatisfy((error) =>
      isPdfError(error, 'INVALID_SIGNING_IDENTITY'),
    );
  });

  it.runIf(hasOpenssl)('loads a PKCS#12 file written by OpenSSL 3 (AES, SHA-256 MAC) and refuses a wrong passphrase', async () => {
    const created = await createDevelopmentCertificate();
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-p12-'));
    try {
      writeFileSync(path.join(dir, 'key.pem'), created.privateKeyPem);
      writeFileSync(path.join(dir, 'cert.pem'), created.certificatePem);
      writeFileSync(path.join(dir, 'ca.pem'), created.caCertificatePem);
      const result = spawnSync('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        path.join(dir, 'key.pem'),
        '-in',
        path.join(dir, 'cert.pem'),
        '-certfile',
        path.join(dir, 'ca.pem'),
        '-out',
        path.join(dir, 'identity.p12'),
        '-passout',
        'pass:correct horse',
      ]);
      expect(result.status, String(result.stderr)).toBe(0);
      const pkcs12Base64 = readFileSync(path.join(dir, 'identity.p12')).toString('base64');
      const identity = await loadSigningIdentity({ kind: 'pkcs12', pkcs12Base64, passphrase: 'correct horse' });
      expect(Buffer.from(identity.certificateDer).equals(new X509Certificate(created.certificatePem).raw)).toBe(true);
      expect(identity.chainDer).toHaveLength(1);
      await expect(loadSigningIdentity({ kind: 'pkcs12', pkcs12Base64, passphrase: 'wrong' })).rejects.toSatisfy((error) =>
        isPdfError(error, 'INVALID_SIGNING_IDENTITY'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
