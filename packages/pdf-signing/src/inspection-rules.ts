/**
 * The one table of what the PDF inspector enforces: every limit it applies and every
 * reason it refuses a file for, each with the message key the screens translate
 * (messages/{en,de,ko}.json, `pdfInspection.reasons.<code>`) and the limit behind it.
 * Upload, open signing, the archive's verify upload and the full-powers letter all
 * read from here, so a file is judged the same way wherever it enters.
 */

const MB = 1024 * 1024;

export const PDF_INSPECTION_LIMITS = {
  /** Wall time one inspection may take in its worker before the worker is ended. */
  timeoutMs: 2000,
  /** V8 heap of each inspector worker (resourceLimits); past it the worker dies and is replaced. */
  workerHeapMb: 192,
  /** Decoded bytes a file may produce across all its streams, all filter stages counted: this × its size… */
  decodeBudgetFactor: 100,
  /** …and never more than this. */
  decodeBudgetMaxBytes: 256 * MB,
  /** One structure stream (object or cross-reference stream) the reader holds in memory. */
  maxStructureStreamBytes: 32 * MB,
  /** Declared pixels × components of one image whose codec (JPEG, JPEG 2000, JBIG2, CCITT) the inspector does not run. */
  maxImageDecodedBytes: 256 * MB,
  maxObjects: 1_000_000,
  maxXrefSections: 4096,
  maxPages: 5000,
  maxPageTreeNodes: 20_000,
  /** PDF's own largest page side (200 inches), in points. */
  maxPageSide: 14_400,
  /** Array and dictionary nesting (the reader's own bound). */
  maxNesting: 64,
} as const;

export function decodeBudgetFor(byteLength: number): number {
  return Math.min(PDF_INSPECTION_LIMITS.decodeBudgetMaxBytes, PDF_INSPECTION_LIMITS.decodeBudgetFactor * byteLength);
}

export type PdfRefusalCode =
  | 'NOT_A_PDF'
  | 'ENCRYPTED'
  | 'TRUNCATED'
  | 'NO_PAGES'
  | 'MALFORMED'
  | 'TOO_COMPLEX'
  | 'STRUCTURE_LOOP'
  | 'DECODE_BUDGET'
  | 'ACTIVE_CONTENT'
  | 'SIGNATURE_MACHINERY'
  | 'INCREMENTAL_UPDATES'
  | 'REPAIRED'
  | 'TIMEOUT'
  | 'OUT_OF_MEMORY';

export interface PdfRefusalRule {
  /** `pdfInspection.reasons.<code>` in messages/{en,de,ko}.json. */
  messageKey: `pdfInspection.reasons.${PdfRefusalCode}`;
  /** 415 for what is not a PDF at all, 422 for a PDF that cannot be accepted. */
  status: 415 | 422;
  /** The limit behind the refusal, in words an operator can check against the table above. */
  limit: string | null;
  /** "Flatten to a clean copy" removes the cause: the organiser may ask for one. */
  cleanCopyRemoves: boolean;
}

const rule = (code: PdfRefusalCode, status: 415 | 422, limit: string | null, cleanCopyRemoves = false): PdfRefusalRule => ({
  messageKey: `pdfInspection.reasons.${code}`,
  status,
  limit,
  cleanCopyRemoves,
});

const L = PDF_INSPECTION_LIMITS;

export const PDF_REFUSALS: Record<PdfRefusalCode, PdfRefusalRule> = {
  NOT_A_PDF: rule('NOT_A_PDF', 415, 'starts with %PDF- within its first 1 KB'),
  ENCRYPTED: rule('ENCRYPTED', 422, 'no /Encrypt'),
  TRUNCATED: rule('TRUNCATED', 422, 'ends with %%EOF'),
  NO_PAGES: rule('NO_PAGES', 422, 'at least one page'),
  MALFORMED: rule('MALFORMED', 422, null),
  TOO_COMPLEX: rule(
    'TOO_COMPLEX',
    422,
    `≤ ${L.maxObjects} objects, ≤ ${L.maxXrefSections} xref sections, ≤ ${L.maxPages} pages, ≤ ${L.maxPageTreeNodes} page-tree nodes, nesting ≤ ${L.maxNesting}, pages ≤ ${L.maxPageSide} pt, images ≤ ${L.maxImageDecodedBytes / MB} MB decoded`,
  ),
  STRUCTURE_LOOP: rule('STRUCTURE_LOOP', 422, 'no loop in /Prev, the page tree or references'),
  DECODE_BUDGET: rule('DECODE_BUDGET', 422, `decoded bytes ≤ ${L.decodeBudgetFactor} × the file, ≤ ${L.decodeBudgetMaxBytes / MB} MB`),
  ACTIVE_CONTENT: rule('ACTIVE_CONTENT', 422, 'none', true),
  SIGNATURE_MACHINERY: rule('SIGNATURE_MACHINERY', 422, 'none', true),
  INCREMENTAL_UPDATES: rule('INCREMENTAL_UPDATES', 422, 'one revision (one xref section; linearised files count as one)', true),
  REPAIRED: rule('REPAIRED', 422, 'readable through its cross-reference table', true),
  TIMEOUT: rule('TIMEOUT', 422, `${L.timeoutMs / 1000} s`),
  OUT_OF_MEMORY: rule('OUT_OF_MEMORY', 422, `${L.workerHeapMb} MB heap per inspection`),
};

export const PDF_REFUSAL_CODES = Object.keys(PDF_REFUSALS) as PdfRefusalCode[];

export function isPdfRefusalCode(value: unknown): value is PdfRefusalCode {
  return typeof value === 'string' && value in PDF_REFUSALS;
}

/**
 * What the inspector finds and may refuse; each has `pdfInspection.findings.<kind>`.
 * The clean copy drops every one of them.
 */
export const PDF_FINDING_KINDS = {
  javascript: 'ACTIVE_CONTENT',
  launch: 'ACTIVE_CONTENT',
  'submit-form': 'ACTIVE_CONTENT',
  'import-data': 'ACTIVE_CONTENT',
  'other-action': 'ACTIVE_CONTENT',
  'additional-actions': 'ACTIVE_CONTENT',
  'open-action': 'ACTIVE_CONTENT',
  'embedded-file': 'ACTIVE_CONTENT',
  'file-attachment': 'ACTIVE_CONTENT',
  xfa: 'ACTIVE_CONTENT',
  'rich-media': 'ACTIVE_CONTENT',
  '3d': 'ACTIVE_CONTENT',
  movie: 'ACTIVE_CONTENT',
  sound: 'ACTIVE_CONTENT',
  rendition: 'ACTIVE_CONTENT',
  'signature-field': 'SIGNATURE_MACHINERY',
  signature: 'SIGNATURE_MACHINERY',
  permissions: 'SIGNATURE_MACHINERY',
  'doc-mdp': 'SIGNATURE_MACHINERY',
  'field-mdp': 'SIGNATURE_MACHINERY',
  'usage-rights': 'SIGNATURE_MACHINERY',
  'incremental-update': 'INCREMENTAL_UPDATES',
  repaired: 'REPAIRED',
} as const satisfies Record<string, PdfRefusalCode>;

export type PdfFindingKind = keyof typeof PDF_FINDING_KINDS;
