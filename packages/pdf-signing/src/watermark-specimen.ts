import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import { PdfError } from './pdf-error';

export const SPECIMEN_WATERMARK = 'SPECIMEN — not for signature';

/**
 * A SPECIMEN copy of an agreement for the technical rehearsal: every page carries a large
 * diagonal "SPECIMEN — not for signature" across its visible box. This is a new document
 * (rewritten, not an incremental update of the original): nothing signed on it is evidence,
 * and its hash can never be mistaken for one of the agreement's revisions.
 */
export async function watermarkSpecimen(original: Uint8Array): Promise<Uint8Array> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(original, { updateMetadata: false });
  } catch (error) {
    throw new PdfError('MALFORMED', `The agreement cannot be read to make a specimen: ${error instanceof Error ? error.message : String(error)}`);
  }
  const font = await document.embedFont(StandardFonts.HelveticaBold);
  for (const page of document.getPages()) {
    const box = page.getCropBox();
    const angle = Math.atan2(box.height, box.width);
    const diagonal = Math.hypot(box.width, box.height);
    const size = Math.min(72, (diagonal * 0.65) / font.widthOfTextAtSize(SPECIMEN_WATERMARK, 1));
    const width = font.widthOfTextAtSize(SPECIMEN_WATERMARK, size);
    const height = font.heightAtSize(size, { descender: false });
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Start so that the rotated line's middle sits on the page's centre.
    const x = centre.x - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * height) / 2;
    const y = centre.y - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * height) / 2;
    page.drawText(SPECIMEN_WATERMARK, { x, y, size, font, color: rgb(0.75, 0.1, 0.1), opacity: 0.28, rotate: degrees((angle * 180) / Math.PI) });
    page.drawText(SPECIMEN_WATERMARK, { x: box.x + 24, y: box.y + 14, size: 10, font, color: rgb(0.75, 0.1, 0.1) });
  }
  document.setTitle(`SPECIMEN – ${document.getTitle() ?? 'agreement'}`);
  return document.save({ useObjectStreams: false });
}
