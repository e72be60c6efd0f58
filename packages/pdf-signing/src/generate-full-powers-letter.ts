import * as fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';

import { loadFontBytes } from './load-fonts';

/**
 * A full-powers letter (the document by which a party authorises its signatory), for the
 * demo data and tests: real organisations upload their own scanned or signed letter.
 */
export async function generateFullPowersLetter(input: {
  issuer: string;
  signatoryName: string;
  signatoryTitle: string;
  agreementTitle: string;
  place: string;
  date: string;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(loadFontBytes('sans'), { subset: true });
  const bold = await doc.embedFont(loadFontBytes('sans-bold'), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  const ink = rgb(0.11, 0.14, 0.19);
  let y = 760;
  const line = (text: string, size = 11, font = regular) => {
    page.drawText(text, { x: 72, y, size, font, color: ink, maxWidth: 451, lineHeight: size * 1.45 });
    y -= size * 1.45 * Math.max(1, Math.ceil(font.widthOfTextAtSize(text, size) / 451)) + 6;
  };
  line(input.issuer, 13, bold);
  y -= 20;
  line('FULL POWERS', 18, bold);
  y -= 10;
  line(`${input.issuer} hereby authorises ${input.signatoryName}, ${input.signatoryTitle}, to sign on its behalf the ${input.agreementTitle}.`);
  y -= 10;
  line(`Done at ${input.place}, ${input.date}.`);
  doc.setTitle(`Full powers — ${input.signatoryName}`);
  return doc.save({ useObjectStreams: false });
}
