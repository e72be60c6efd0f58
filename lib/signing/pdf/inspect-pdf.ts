import { PdfError } from './pdf-error';
import { PdfFile, type PdfLimits } from './read-pdf-file';

export interface InspectedPage {
  /** Visible size (crop box within media box) in PDF points, before /Rotate. */
  width: number;
  height: number;
  originX: number;
  originY: number;
  rotate: number;
}

export interface PdfInspection {
  pageCount: number;
  pages: InspectedPage[];
  encrypted: boolean;
}

export interface InspectPdfOptions {
  limits?: Partial<PdfLimits>;
  /** Return encrypted files (encrypted: true) instead of refusing them. */
  allowEncrypted?: boolean;
}

const MAX_PAGE_SIDE = 14_400; // PDF's own limit (200 inches) in points

/**
 * Reads an uploaded file's page count and sizes, or throws a PdfError whose code and
 * English message say why the file is refused: NOT_A_PDF, ENCRYPTED, TRUNCATED,
 * NO_PAGES or MALFORMED (cycles, bombs, absurd counts and nesting included). Pure
 * and synchronous; the caller runs it in a worker with memory and time limits.
 */
export function inspectPdf(bytes: Uint8Array, options: InspectPdfOptions = {}): PdfInspection {
  try {
    const file = PdfFile.open(bytes, { limits: options.limits });
    const encrypted = file.isEncrypted;
    if (encrypted && !options.allowEncrypted) {
      throw new PdfError('ENCRYPTED', 'This PDF is encrypted or password-protected. Please upload an unprotected copy.');
    }
    const pages = file.pages().map((page, index) => {
      const [x0, y0, x1, y1] = page.cropBox;
      const width = x1 - x0;
      const height = y1 - y0;
      if (!(width >= 1 && height >= 1 && width <= MAX_PAGE_SIDE && height <= MAX_PAGE_SIDE)) {
        throw new PdfError('MALFORMED', `Page ${index + 1} of this PDF has an impossible size.`);
      }
      return { width, height, originX: x0, originY: y0, rotate: page.rotate };
    });
    if (pages.length === 0) throw new PdfError('NO_PAGES', 'This PDF has no pages.');
    return { pageCount: pages.length, pages, encrypted };
  } catch (error) {
    throw toInspectionError(error);
  }
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
    return error;
  }
  // A RangeError here would be a bug in a bound, never a reason to crash the caller.
  return new PdfError('MALFORMED', `This PDF cannot be read (${(error as Error)?.message ?? String(error)}).`, { cause: error });
}
