import { countDecodedBytes, normaliseFilterName, TERMINAL_FILTERS } from './count-decoded-bytes';
import { decodeBudgetFor, PDF_FINDING_KINDS, PDF_INSPECTION_LIMITS, type PdfFindingKind, type PdfRefusalCode } from './inspection-rules';
import { isHardLimit, PdfError } from './pdf-error';
import { decodeTextString, PdfName, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import { PdfFile, type PdfLimits } from './read-pdf-file';
import { scanPdfObjects, type FontInfo } from './scan-pdf-objects';
import { writeCleanCopy } from './write-clean-copy';

export interface InspectedPage {
  /** Visible size (crop box within media box) in PDF points, before /Rotate. */
  width: number;
  height: number;
  originX: number;
  originY: number;
  rotate: number;
}

/**
 * What a file may carry where it enters:
 * agreement: an upload to be signed (and its check when signing opens): nothing active,
 *   no signature machinery, one revision, not repaired;
 * letter: a full-powers letter, only read by people: nothing active, not repaired (it may
 *   carry its issuer's signatures and their updates);
 * structure: the archive's verify upload, which exists to look at signed and tampered
 *   files: only the limits on structure and decoding.
 */
export type InspectionPolicy = 'agreement' | 'letter' | 'structure';

const REFUSED_BY_POLICY: Record<InspectionPolicy, readonly PdfRefusalCode[]> = {
  agreement: ['ACTIVE_CONTENT', 'SIGNATURE_MACHINERY', 'INCREMENTAL_UPDATES', 'REPAIRED'],
  letter: ['ACTIVE_CONTENT', 'REPAIRED'],
  structure: [],
};

export interface PdfFinding {
  kind: PdfFindingKind;
  count: number;
}

export interface PdfPreflightSummary {
  fonts: FontInfo[];
  /** URI links, listed to the organiser (allowed). */
  links: string[];
  /** The catalog's /Lang, when it says one. */
  language: string | null;
}

export interface PdfInspection {
  pageCount: number;
  pages: InspectedPage[];
  encrypted: boolean;
  summary: PdfPreflightSummary;
  /** Everything found, refused or not (the structure policy refuses none of it). */
  findings: PdfFinding[];
  decodedBytes: number;
  /** Present when a clean copy was asked for: the bytes to hash and store, and what was left out. */
  cleanCopy?: { bytes: Uint8Array; dropped: PdfFinding[] };
}

export interface InspectPdfOptions {
  policy?: InspectionPolicy;
  /** Write a fresh single-revision copy without what the policy refuses, instead of refusing. */
  cleanCopy?: boolean;
  limits?: Partial<PdfLimits>;
  /** Return encrypted files (encrypted: true) instead of refusing them. */
  allowEncrypted?: boolean;
}

/**
 * The one PDF inspector: reads the file with the project's own reader under the limits
 * of inspection-rules.ts, decodes every stream against the file's decoded-byte budget
 * (without keeping the output), looks at every object, and refuses with a PdfError whose
 * code is a PdfRefusalCode and whose details name what was found. Pure (bytes in, verdict
 * out); the server runs it in the resident worker pool (lib/documents/pdf-inspector-pool.ts).
 */
export async function inspectPdf(bytes: Uint8Array, options: InspectPdfOptions = {}): Promise<PdfInspection> {
  const policy = options.policy ?? 'structure';
  try {
    const inspection = await inspectOnce(bytes, options);
    const refusable = inspection.findings.filter((finding) => REFUSED_BY_POLICY[policy].includes(PDF_FINDING_KINDS[finding.kind]));
    if (refusable.length === 0) return inspection;
    if (!options.cleanCopy) throw refusal(refusable);
    const copy = writeCleanCopy(openFile(bytes, options));
    const copied = await inspectOnce(copy, options);
    const left = copied.findings.filter((finding) => REFUSED_BY_POLICY[policy].includes(PDF_FINDING_KINDS[finding.kind]));
    if (left.length > 0) throw refusal(left);
    return { ...copied, cleanCopy: { bytes: copy, dropped: refusable } };
  } catch (error) {
    throw toInspectionError(error);
  }
}

function openFile(bytes: Uint8Array, options: InspectPdfOptions): PdfFile {
  const budget = decodeBudgetFor(bytes.length);
  const L = PDF_INSPECTION_LIMITS;
  return PdfFile.open(bytes, {
    limits: {
      maxStreamBytes: Math.min(L.maxStructureStreamBytes, budget),
      maxTotalInflatedBytes: budget,
      maxXrefSections: L.maxXrefSections,
      maxPages: L.maxPages,
      maxPageTreeNodes: L.maxPageTreeNodes,
      maxObjects: L.maxObjects,
      ...options.limits,
    },
  });
}

async function inspectOnce(bytes: Uint8Array, options: InspectPdfOptions): Promise<PdfInspection> {
  const file = openFile(bytes, options);
  const encrypted = file.isEncrypted;
  if (encrypted && !options.allowEncrypted) {
    throw new PdfError('ENCRYPTED', 'This PDF is encrypted or password-protected. Please upload an unprotected copy.');
  }
  const pages = file.pages().map((page, index) => {
    const [x0, y0, x1, y1] = page.cropBox;
    const width = x1 - x0;
    const height = y1 - y0;
    const side = PDF_INSPECTION_LIMITS.maxPageSide;
    if (!(width >= 1 && height >= 1 && width <= side && height <= side)) {
      throw new PdfError('MALFORMED', `Page ${index + 1} of this PDF has an impossible size.`);
    }
    return { width, height, originX: x0, originY: y0, rotate: page.rotate };
  });
  if (pages.length === 0) throw new PdfError('NO_PAGES', 'This PDF has no pages.');

  const scan = scanPdfObjects(file);
  if (!encrypted) for (const stream of scan.streams) await chargeStream(file, stream);

  const findings = new Map(scan.findings);
  if (file.sections.length > 1 && !scan.linearized) findings.set('incremental-update', file.sections.length - 1);
  if (file.recovered || scan.unreadableObjects > 0) findings.set('repaired', Math.max(1, scan.unreadableObjects));

  const lang = file.catalog().get('Lang');
  return {
    pageCount: pages.length,
    pages,
    encrypted,
    summary: { fonts: scan.fonts, links: scan.links, language: lang instanceof PdfString ? decodeTextString(lang).slice(0, 35) : null },
    findings: [...findings].map(([kind, count]) => ({ kind, count })),
    decodedBytes: file.inflatedBytes,
  };
}

/** Decodes one stream against the file's budget (object and xref streams were charged by the reader). */
async function chargeStream(file: PdfFile, stream: PdfStream): Promise<void> {
  const type = stream.dict.nameOf('Type');
  if (type === 'ObjStm' || type === 'XRef') return;
  const filters = filterNames(file, stream.dict.get('Filter'));
  if (filters.length === 0) return;
  const terminal = filters.map(normaliseFilterName).find((filter) => TERMINAL_FILTERS.has(filter));
  if (terminal && stream.dict.nameOf('Subtype') === 'Image') {
    const width = file.resolveNumber(stream.dict.get('Width')) ?? 0;
    const height = file.resolveNumber(stream.dict.get('Height')) ?? 0;
    const declared = width * height * componentsOf(file, stream.dict.get('ColorSpace'));
    if (declared > PDF_INSPECTION_LIMITS.maxImageDecodedBytes) {
      throw new PdfError('TOO_COMPLEX', `This PDF has an image of ${width} × ${height} pixels, far larger than any page needs.`);
    }
  }
  const params = file.resolve(stream.dict.get('DecodeParms'));
  const paramList = Array.isArray(params) ? params : [params];
  const earlyChange = filters.map((_, i) => {
    const param = file.resolveDict(paramList[i] ?? undefined);
    return param?.get('EarlyChange') === 0 ? 0 : 1;
  });
  await countDecodedBytes(stream.data, filters, (count) => file.chargeDecodedBytes(count), earlyChange);
}

function filterNames(file: PdfFile, value: PdfValue | undefined): string[] {
  const resolved = file.resolve(value);
  const list = Array.isArray(resolved) ? resolved.map((item) => file.resolve(item)) : resolved === undefined || resolved === null ? [] : [resolved];
  return list.map((item) => {
    if (!(item instanceof PdfName)) throw new PdfError('MALFORMED', 'This PDF has a stream with an invalid /Filter.');
    return item.value;
  });
}

function componentsOf(file: PdfFile, value: PdfValue | undefined): number {
  const resolved = file.resolve(value);
  const name = resolved instanceof PdfName ? resolved.value : Array.isArray(resolved) && resolved[0] instanceof PdfName ? resolved[0].value : undefined;
  if (name === 'DeviceGray' || name === 'G' || name === 'Indexed' || name === 'I' || name === 'Separation') return 1;
  if (name === 'DeviceCMYK' || name === 'CMYK') return 4;
  if (name === 'ICCBased' && Array.isArray(resolved)) {
    const n = file.resolveDict(resolved[1])?.get('N');
    if (typeof n === 'number' && n >= 1 && n <= 32) return n;
  }
  return 3;
}

function refusal(findings: PdfFinding[]): PdfError {
  const codes = new Set(findings.map((finding) => PDF_FINDING_KINDS[finding.kind]));
  const details = findings.map((finding) => finding.kind);
  const code: PdfRefusalCode = (['ACTIVE_CONTENT', 'SIGNATURE_MACHINERY', 'INCREMENTAL_UPDATES', 'REPAIRED'] as const).find((candidate) =>
    codes.has(candidate),
  )!;
  const messages: Record<string, string> = {
    ACTIVE_CONTENT: 'This PDF carries active content',
    SIGNATURE_MACHINERY: 'This PDF already carries signature fields, signatures or signing permissions',
    INCREMENTAL_UPDATES: 'This PDF already carries later changes appended to it (incremental updates)',
    REPAIRED: 'This PDF is damaged and could only be read by repairing it',
  };
  return new PdfError(code, `${messages[code]} (${details.join(', ')}). A clean copy without them can be made on request.`, { details });
}

function toInspectionError(error: unknown): PdfError {
  if (error instanceof PdfError) {
    if (error.code === 'UNSUPPORTED') return new PdfError('MALFORMED', `This PDF cannot be read: ${error.message}.`, { cause: error });
    if (error.code === 'MALFORMED' && !/^This PDF/.test(error.message)) {
      return new PdfError('MALFORMED', `This PDF is damaged and cannot be read (${error.message}).`, { cause: error });
    }
    if (error.code === 'TRUNCATED' && !/^This PDF/.test(error.message)) {
      return new PdfError('TRUNCATED', `This PDF is incomplete (${error.message}); the file was probably cut off.`, { cause: error });
    }
    if (isHardLimit(error) && !/^This PDF/.test(error.message)) {
      return new PdfError(error.code, `This PDF cannot be accepted: ${error.message}.`, { cause: error });
    }
    return error;
  }
  // A RangeError here would be a bug in a bound, never a reason to crash the caller.
  return new PdfError('MALFORMED', `This PDF cannot be read (${(error as Error)?.message ?? String(error)}).`, { cause: error });
}
