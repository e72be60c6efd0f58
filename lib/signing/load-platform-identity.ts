import 'server-only';
import { X509Certificate } from 'node:crypto';
import { db, isUniqueViolation } from '@/lib/db';
import { env } from '@/lib/env';
import { createDevelopmentCertificate } from '@accord/pdf-signing/create-development-certificate';
import { loadSigningIdentity, type SigningIdentity } from '@accord/pdf-signing/load-signing-identity';

const DEVELOPMENT_KEY_ID = 'development';

export interface PlatformIdentity {
  identity: SigningIdentity;
  /** PEM of the CA our signatures chain to (the archive's verifier trusts it). */
  trustedCaPem: string[];
}

let cached: Promise<PlatformIdentity> | undefined;

/**
 * The platform's signing identity: the configured PEM pair or PKCS#12; with none, a
 * self-signed development CA + certificate made once, stored, and marked as such on
 * every signature and certificate of completion.
 */
export function loadPlatformIdentity(): Promise<PlatformIdentity> {
  cached ??= resolveIdentity().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function resolveIdentity(): Promise<PlatformIdentity> {
  if (env.SIGNING_KEY_PEM && env.SIGNING_CERT_PEM) {
    const identity = await loadSigningIdentity({
      kind: 'pem',
      privateKeyPem: env.SIGNING_KEY_PEM,
      certificatePem: env.SIGNING_CERT_PEM,
      chainPem: env.SIGNING_CHAIN_PEM,
    });
    return { identity, trustedCaPem: env.SIGNING_CHAIN_PEM ? [env.SIGNING_CHAIN_PEM] : [env.SIGNING_CERT_PEM] };
  }
  if (env.SIGNING_P12_BASE64) {
    const identity = await loadSigningIdentity({ kind: 'pkcs12', pkcs12Base64: env.SIGNING_P12_BASE64, passphrase: env.SIGNING_P12_PASSPHRASE });
    // The archive's verifier needs a root to trust: the top of the bundle's chain, else the certificate itself.
    const rootDer = identity.chainDer.at(-1) ?? identity.certificateDer;
    return { identity, trustedCaPem: [new X509Certificate(rootDer).toString()] };
  }
  const stored = (await db.platformKey.findUnique({ where: { id: DEVELOPMENT_KEY_ID } })) ?? (await createStoredDevelopmentKey());
  const identity = await loadSigningIdentity({
    kind: 'pem',
    privateKeyPem: stored.keyPem,
    certificatePem: stored.certPem,
    chainPem: stored.caCertPem,
    isDevelopment: true,
  });
  return { identity, trustedCaPem: [stored.caCertPem] };
}

async function createStoredDevelopmentKey() {
  console.warn('[signing] No signing key configured: made a self-signed development certificate. Artefacts will say so.');
  const made = await createDevelopmentCertificate();
  try {
    return await db.platformKey.create({
      data: { id: DEVELOPMENT_KEY_ID, keyPem: made.privateKeyPem, certPem: made.certificatePem, caCertPem: made.caCertificatePem },
    });
  } catch (error) {
    // Another process made it first: use theirs, so every signature chains to one CA.
    if (isUniqueViolation(error)) return db.platformKey.findUniqueOrThrow({ where: { id: DEVELOPMENT_KEY_ID } });
    throw error;
  }
}
