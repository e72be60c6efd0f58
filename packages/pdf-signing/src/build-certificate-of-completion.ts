import * as fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

import { loadFontBytes } from './load-fonts';

/**
 * The certificate of completion: a separate, unsigned-by-people PDF summarising how the
 * agreement was signed. Text arrives already formatted (times in both capitals, in the
 * reader's language); this module only lays it out. Noto Sans KR, subset, so Hangul,
 * umlauts and ß render.
 */
export interface CertificateSection {
  heading: string;
  /** Rows of label → value, or plain paragraphs when label is empty. */
  rows: { label: string; value: string }[];
}

export interface CertificateOfCompletion {
  title: string;
  subtitle: string;
  /** Shown in a red box at the top when the platform signed with a development key. */
  developmentNotice?: string;
  sections: CertificateSection[];
  footer: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const NAVY = rgb(0.12, 0.23, 0.37);
const INK = rgb(0.11, 0.14, 0.19);
const MUTED = rgb(0.36, 0.4, 0.46);
const LINE = rgb(0.85, 0.83, 0.78);

export async function buildCertificateOfCompletion(certificate: CertificateOfCompletion): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(loadFontBytes('sans'), { subset: true });
  const bold = await doc.embedFont(loadFontBytes('sans-bold'), { subset: true });
  doc.setTitle(certificate.title);
  doc.setProducer('Accord');
  doc.setCreator('Accord');

  const layout = new PageLayout(doc, regular, bold, certificate.footer);
  layout.text(certificate.title, { font: bold, size: 20, color: NAVY });
  layout.text(certificate.subtitle, { size: 11, color: MUTED });
  layout.gap(10);
  if (certificate.developmentNotice) layout.notice(certificate.developmentNotice);
  for (const section of certificate.sections) {
    layout.gap(12);
    layout.text(section.heading, { font: bold, size: 13, color: NAVY });
    layout.rule();
    for (const row of section.rows) layout.row(row.label, row.value);
  }
  layout.finish();
  return doc.save({ useObjectStreams: false });
}

class PageLayout {
  private page!: PDFPage;
  private y = 0;
  private pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN + 24) this.newPage();
  }

  gap(height: number) {
    this.y -= height;
  }

  rule() {
    this.ensure(6);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.6, color: LINE });
    this.y -= 8;
  }

  text(value: string, options: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; x?: number; width?: number } = {}) {
    const font = options.font ?? this.regular;
    const size = options.size ?? 10;
    const x = options.x ?? MARGIN;
    const width = options.width ?? A4.width - MARGIN - x;
    for (const line of wrap(value, font, size, width)) {
      this.ensure(size * 1.45);
      this.y -= size * 1.2;
      this.page.drawText(line, { x, y: this.y, size, font, color: options.color ?? INK });
      this.y -= size * 0.25;
    }
  }

  row(label: string, value: string) {
    if (!label) {
      this.text(value);
      return;
    }
    const labelWidth = 150;
    const size = 9.5;
    const labelLines = wrap(label, this.bold, size, labelWidth - 8);
    const valueLines = wrap(value, this.regular, size, A4.width - 2 * MARGIN - labelWidth);
    const lines = Math.max(labelLines.length, valueLines.length);
    this.ensure(lines * size * 1.45 + 4);
    for (let index = 0; index < lines; index++) {
      this.y -= size * 1.2;
      const labelLine = labelLines[index];
      const valueLine = valueLines[index];
      if (labelLine) this.page.drawText(labelLine, { x: MARGIN, y: this.y, size, font: this.bold, color: MUTED });
      if (valueLine) this.page.drawText(valueLine, { x: MARGIN + labelWidth, y: this.y, size, font: this.regular, color: INK });
      this.y -= size * 0.25;
    }
    this.y -= 3;
  }

  notice(message: string) {
    const size = 10;
    const lines = wrap(message, this.bold, size, A4.width - 2 * MARGIN - 20);
    const height = lines.length * size * 1.45 + 14;
    this.ensure(height);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: A4.width - 2 * MARGIN,
      height,
      color: rgb(1, 0.94, 0.94),
      borderColor: rgb(0.64, 0.15, 0.17),
      borderWidth: 1,
    });
    this.y -= 7;
    for (const line of lines) {
      this.y -= size * 1.2;
      this.page.drawText(line, { x: MARGIN + 10, y: this.y, size, font: this.bold, color: rgb(0.64, 0.15, 0.17) });
      this.y -= size * 0.25;
    }
    this.y -= 10;
  }

  finish() {
    this.pages.forEach((page, index) => {
      const text = `${this.footer} · ${index + 1}/${this.pages.length}`;
      page.drawText(text, { x: MARGIN, y: MARGIN / 2, size: 8, font: this.regular, color: MUTED });
    });
  }
}

/** Greedy wrap by words; breaks inside words (hashes, Hangul runs) when a word is too long. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(\s+)/)) {
      const candidate = line + word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = word.trimStart();
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
