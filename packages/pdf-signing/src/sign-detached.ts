import { createHash } from 'node:crypto';

import { buildCmsSignature } from './build-cms-signature';
import { checkCmsSignedData } from './check-cms-signed-data';
import type { SigningIdentity } from './load-signing-identity';
import { sha256 } from './sha256';

/** A detached CMS signature (DER) over a file's bytes, e.g. an evidence package's manifest. */
export function signDetached(options: { content: Uint8Array; identity: SigningIdentity }): Promise<Uint8Array> {
  return buildCmsSignature({ identity: options.identity, contentDigest: sha256(options.content) });
}

export interface DetachedCheck {
  intact: boolean;
  problem?: string;
  signerCertificateDer?: Uint8Array;
  certificatesDer: Uint8Array[];
}

export function checkDetachedSignature(content: Uint8Array, signatureDer: Uint8Array): DetachedCheck {
  const cms = checkCmsSignedData(signatureDer, (algorithm) => createHash(algorithm).update(content).digest());
  return {
    intact: cms.digestMatches && cms.signatureValid && cms.signingCertificateV2Matches !== false,
    problem: cms.problem ?? (cms.signingCertificateV2Matches === false ? 'its signing-certificate attribute names another certificate' : undefined),
    signerCertificateDer: cms.signerCertificateDer,
    certificatesDer: cms.certificatesDer,
  };
}
