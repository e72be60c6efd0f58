import type { SigningIdentity } from './load-signing-identity';
import { prepareSigningFields } from './prepare-signing-fields';
import type { RequestTimestamp } from './request-timestamp';
import { sealDocument } from './seal-document';

export const PLATFORM_SEAL_FIELD = 'accord-platform-seal';

/**
 * Seals a PDF the platform itself issues (the certificate of completion): an invisible
 * seal field is prepared and filled with a PAdES platform signature over the whole file,
 * so the document proves its origin on its own, offline.
 */
export async function sealPlatformPdf(options: {
  pdf: Uint8Array;
  identity: SigningIdentity;
  reason: string;
  sealTime?: Date;
  requestTimestamp?: RequestTimestamp;
}): Promise<Uint8Array> {
  const prepared = await prepareSigningFields({
    pdf: options.pdf,
    fields: [{ name: PLATFORM_SEAL_FIELD, kind: 'seal', page: 1, rect: { x: 0, y: 0, width: 0, height: 0 } }],
    emptyAppearance: false,
  });
  const sealed = await sealDocument({
    pdf: prepared.pdf,
    fieldName: PLATFORM_SEAL_FIELD,
    kind: 'platform-signature',
    identity: options.identity,
    requestTimestamp: options.requestTimestamp,
    reason: options.reason,
    sealTime: options.sealTime,
  });
  return sealed.pdf;
}
