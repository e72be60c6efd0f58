/**
 * The PDF signing core: bytes in, bytes out. No database, no Next.js, no network
 * (a timestamp authority is reached only through the function the caller passes).
 * Runs under plain Node too (CLI verifier, worker threads), hence no 'server-only'.
 */

export { PdfError, isPdfError, type PdfErrorCode } from './pdf-error';

export {
  createDevelopmentCertificate,
  DEVELOPMENT_MARKER,
  type CreateDevelopmentCertificateOptions,
  type DevelopmentCertificate,
  type KeyAlgorithm,
} from './create-development-certificate';
export { loadSigningIdentity, type SigningIdentity, type SigningIdentitySource } from './load-signing-identity';

export { buildCmsSignature, type BuildCmsSignatureOptions } from './build-cms-signature';
export {
  checkTimestampToken,
  createHttpTimestampRequester,
  obtainTimestampToken,
  type HttpTimestampOptions,
  type RequestTimestamp,
} from './request-timestamp';

export {
  prepareSigningFields,
  type FieldPlanEntry,
  type FieldRect,
  type PreparedField,
  type PrepareSigningFieldsOptions,
  type PrepareSigningFieldsResult,
} from './prepare-signing-fields';
export {
  signPreparedField,
  signPreparedFields,
  type FieldToSign,
  type SignatureInfo,
  type SignedField,
  type SignPreparedFieldOptions,
  type SignPreparedFieldsOptions,
  type SignPreparedFieldsResult,
} from './sign-prepared-fields';
export type { AppendedSignature } from './append-signature';
export { DEVELOPMENT_NOTICE, developmentNoticeFor, type FieldKind, type SealAppearance, type SignatureAppearance } from './draw-field-appearances';
export { DOCUMENT_LABELS, documentLabels, documentLanguage, partyNameIn, type DocumentLabels } from './document-labels';
export { sealDocument, type SealDocumentOptions } from './seal-document';
export { PLATFORM_SEAL_FIELD, sealPlatformPdf } from './seal-platform-pdf';
export { checkDetachedSignature, signDetached, type DetachedCheck } from './sign-detached';
export {
  analyseIncrement,
  assertOnlyAllowedChanges,
  revisionEnds,
  type ChangeKind,
  type IncrementAnalysis,
  type RevisionChange,
} from './analyse-increment';

export {
  verifyPdfSignatures,
  type CertificateSummary,
  type ChangeAfterSignature,
  type SignatureReport,
  type Verdict,
  type VerificationReport,
  type VerifyPdfSignaturesOptions,
} from './verify-pdf-signatures';

export {
  generateAgreementPdf,
  type AgreementLanguage,
  type AgreementParty,
  type AgreementWitness,
  type GenerateAgreementOptions,
  type GeneratedAgreement,
  type SignatureArea,
} from './generate-agreement-pdf';

export { inspectPdf, type InspectedPage, type InspectPdfOptions, type PdfInspection } from './inspect-pdf';
