/**
 * The PDF signing core (@accord/pdf-signing): bytes in, bytes out. No database, no Next.js,
 * no network (a timestamp authority is reached only through the function the caller passes).
 * Runs under plain Node too (CLI verifier, worker threads), hence no 'server-only'.
 * Everything public is here; each module is also an entry of its own in package.json's
 * exports, so that a client component, a worker or the CLI loads only what it uses.
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
export { checkTimestampToken, createHttpTimestampRequester, obtainTimestampToken, type HttpTimestampOptions, type RequestTimestamp } from './request-timestamp';

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
export { analyseIncrement, assertOnlyAllowedChanges, revisionEnds, type ChangeKind, type IncrementAnalysis, type RevisionChange } from './analyse-increment';

export {
  chainToAnchor,
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

export { generateFullPowersLetter } from './generate-full-powers-letter';
export { buildCertificateOfCompletion, type CertificateOfCompletion, type CertificateSection } from './build-certificate-of-completion';
export { SPECIMEN_WATERMARK, watermarkSpecimen } from './watermark-specimen';

export {
  inspectPdf,
  type InspectedPage,
  type InspectionPolicy,
  type InspectPdfOptions,
  type PdfFinding,
  type PdfInspection,
  type PdfPreflightSummary,
} from './inspect-pdf';
export {
  decodeBudgetFor,
  isPdfRefusalCode,
  PDF_FINDING_KINDS,
  PDF_INSPECTION_LIMITS,
  PDF_REFUSAL_CODES,
  PDF_REFUSALS,
  type PdfFindingKind,
  type PdfRefusalCode,
  type PdfRefusalRule,
} from './inspection-rules';
