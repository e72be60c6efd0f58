import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

import type { AgreementLanguage } from './agreement-texts';
import { DOCUMENT_LABELS } from './document-labels';
import { drawFormXObject, uprightMatrix, uprightSize, type DrawingFonts, type DrawnXObject } from './draw-form-xobject';
import { fontCoversText } from './load-fonts';
import { PdfError } from './pdf-error';

export type FieldKind = 'signature' | 'initials' | 'witness' | 'seal';

export interface SignatureAppearance {
  /** A drawn signature (PNG, transparent background preferred). */
  signatureImagePng?: Uint8Array;
  /** A typed signature, drawn in a handwriting face (Hangul falls back to Noto Sans KR). */
  typedSignature?: string;
  signerName: string;
  signerTitle: string;
  delegationName: string;
  /** e.g. "Berlin: 24 Nov 2026, 10:00 CET", "Seoul: 24 Nov 2026, 18:00 KST". */
  timeLines: string[];
  developmentCertificate: boolean;
  /** The document's language: the development notice is written in it (default English). */
  language?: AgreementLanguage;
  /** For initials fields; default: the initials of typedSignature or signerName. */
  initials?: string;
  initialsImagePng?: Uint8Array;
}

export interface SealAppearance {
  title: string;
  lines: string[];
  developmentCertificate: boolean;
  /** The document's language: the development notice is written in it (default English). */
  language?: AgreementLanguage;
}

const INK = rgb(0.08, 0.16, 0.42);
const TEXT = rgb(0.12, 0.13, 0.16);
const MUTED = rgb(0.36, 0.38, 0.43);
const RULE = rgb(0.62, 0.65, 0.7);
const WARNING = rgb(0.62, 0.12, 0.1);

/** The English notice; a document in another language gets `developmentNoticeFor(language)`. */
export const DEVELOPMENT_NOTICE = DOCUMENT_LABELS.en.developmentNotice;

export function developmentNoticeFor(language: AgreementLanguage = 'en'): string {
  return DOCUMENT_LABELS[language].developmentNotice;
}

interface TextLine {
  text: string;
  font: PDFFont;
  size: number;
  color: RGB;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

async function embedPngOrThrow(page: PDFPage, bytes: Uint8Array) {
  if (!isPng(bytes)) throw new PdfError('INVALID_FIELD_PLAN', 'The signature image must be a PNG file.');
  return page.doc.embedPng(bytes);
}

/** Shrinks a line's size until it fits the width. */
function fitted(line: TextLine, maxWidth: number): TextLine {
  const width = line.font.widthOfTextAtSize(line.text, line.size);
  return width <= maxWidth ? line : { ...line, size: (line.size * maxWidth) / width };
}

export function initialsOf(name: string): string {
  const words = name
    .replace(/\b(Dr|Prof|Mr|Mrs|Ms)\.\s*/gi, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  // Hangul names are not abbreviated: the whole name is the "initials".
  if (words.some((word) => /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(word))) return words.join('');
  return words.map((word) => word[0]!.toUpperCase() + '.').join('');
}

async function handwritingFor(text: string, fonts: DrawingFonts): Promise<PDFFont> {
  return fontCoversText('handwriting', text) ? fonts.get('handwriting') : fonts.get('sans');
}

/** Draws `text` as large as fits into the box, centred. */
function drawScript(page: PDFPage, font: PDFFont, text: string, box: { x: number; y: number; width: number; height: number }): void {
  const heightAtOne = font.heightAtSize(1, { descender: true });
  let size = (box.height * 0.9) / heightAtOne;
  const width = font.widthOfTextAtSize(text, size);
  if (width > box.width) size = (size * box.width) / width;
  const textWidth = font.widthOfTextAtSize(text, size);
  const textHeight = font.heightAtSize(size, { descender: true });
  const descent = textHeight - font.heightAtSize(size, { descender: false });
  page.drawText(text, {
    x: box.x + (box.width - textWidth) / 2,
    y: box.y + (box.height - textHeight) / 2 + descent,
    size,
    font,
    color: INK,
  });
}

async function drawImageInBox(page: PDFPage, png: Uint8Array, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  const image = await embedPngOrThrow(page, png);
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height });
}

/** Stacks lines from `top` downwards. Returns nothing: sizes were planned by the caller. */
function drawLines(page: PDFPage, lines: TextLine[], x: number, top: number): void {
  let y = top;
  for (const line of lines) {
    y -= line.size * 1.22;
    page.drawText(line.text, { x, y: y + line.size * 0.22, size: line.size, font: line.font, color: line.color });
  }
}

const linesHeight = (lines: TextLine[]) => lines.reduce((sum, line) => sum + line.size * 1.22, 0);

/** Composed (NFC) text: decomposed Hangul would need the shaping features switched off for speed. */
const nfc = (text: string): string => text.normalize('NFC');

function normalizeAppearance(appearance: SignatureAppearance): SignatureAppearance {
  return {
    ...appearance,
    typedSignature: appearance.typedSignature === undefined ? undefined : nfc(appearance.typedSignature),
    signerName: nfc(appearance.signerName),
    signerTitle: nfc(appearance.signerTitle),
    delegationName: nfc(appearance.delegationName),
    timeLines: appearance.timeLines.map(nfc),
    initials: appearance.initials === undefined ? undefined : nfc(appearance.initials),
  };
}

/** rotate: the page's /Rotate, so that the appearance reads upright on screen. */
export async function drawSignatureAppearance(
  kind: FieldKind,
  rectWidth: number,
  rectHeight: number,
  input: SignatureAppearance,
  firstNum: number,
  rotate = 0,
): Promise<DrawnXObject> {
  const appearance = normalizeAppearance(input);
  const [width, height] = uprightSize(rectWidth, rectHeight, rotate);
  return drawFormXObject(
    width,
    height,
    firstNum,
    async (page, fonts) => {
      const pad = Math.max(2, Math.min(8, Math.min(width, height) * 0.06));
      const inner = { x: pad, y: pad, width: width - 2 * pad, height: height - 2 * pad };

      if (kind === 'initials') {
        const png = appearance.initialsImagePng ?? (appearance.initials ? undefined : appearance.signatureImagePng);
        if (png) await drawImageInBox(page, png, inner);
        else {
          const text = appearance.initials ?? initialsOf(appearance.typedSignature ?? appearance.signerName);
          drawScript(page, await handwritingFor(text, fonts), text, inner);
        }
        if (appearance.developmentCertificate) {
          // Too small for the sentence: a mark that a viewer can explain.
          const sans = await fonts.get('sans');
          page.drawText('DEV', { x: width - pad - sans.widthOfTextAtSize('DEV', 4), y: pad * 0.5, size: 4, font: sans, color: WARNING });
        }
        return;
      }

      const sans = await fonts.get('sans');
      const bold = await fonts.get('sans-bold');
      const plan = (base: number): TextLine[] => {
        const lines: TextLine[] = [
          { text: appearance.signerName, font: bold, size: base * 1.08, color: TEXT },
          { text: appearance.signerTitle, font: sans, size: base * 0.92, color: TEXT },
          { text: appearance.delegationName, font: sans, size: base * 0.92, color: TEXT },
          ...appearance.timeLines.map((text) => ({ text, font: sans, size: base * 0.8, color: MUTED })),
        ];
        if (appearance.developmentCertificate) lines.push({ text: developmentNoticeFor(appearance.language), font: sans, size: base * 0.72, color: WARNING });
        return lines.filter((line) => line.text.trim() !== '').map((line) => fitted(line, inner.width));
      };
      // Text gets what it needs at a legible size; the signature itself keeps at least 35 %.
      let base = Math.max(5, Math.min(9, height / 15));
      let lines = plan(base);
      while (base > 3.5 && linesHeight(lines) > inner.height * 0.65) {
        base *= 0.92;
        lines = plan(base);
      }
      const textHeight = linesHeight(lines);
      const gap = base * 0.5;
      const ruleY = pad + textHeight + gap * 0.6;
      const signatureBox = { x: inner.x, y: ruleY + gap * 0.4, width: inner.width, height: height - pad - (ruleY + gap * 0.4) };

      if (appearance.signatureImagePng) {
        await drawImageInBox(page, appearance.signatureImagePng, signatureBox);
      } else {
        const text = appearance.typedSignature?.trim() || appearance.signerName;
        drawScript(page, await handwritingFor(text, fonts), text, signatureBox);
      }
      page.drawLine({ start: { x: inner.x, y: ruleY }, end: { x: inner.x + inner.width, y: ruleY }, thickness: 0.5, color: RULE });
      drawLines(page, lines, inner.x, ruleY - gap * 0.2);
    },
    { matrix: uprightMatrix(rotate) },
  );
}

export async function drawSealAppearance(rectWidth: number, rectHeight: number, seal: SealAppearance, firstNum: number, rotate = 0): Promise<DrawnXObject> {
  const [width, height] = uprightSize(rectWidth, rectHeight, rotate);
  return drawFormXObject(
    width,
    height,
    firstNum,
    async (page, fonts) => {
      const pad = Math.max(2, Math.min(6, Math.min(width, height) * 0.06));
      const sans = await fonts.get('sans');
      const bold = await fonts.get('sans-bold');
      const base = Math.max(4, Math.min(8, height / 8));
      const lines: TextLine[] = [
        { text: nfc(seal.title), font: bold, size: base, color: TEXT },
        ...seal.lines.map((text) => ({ text: nfc(text), font: sans, size: base * 0.82, color: MUTED })),
      ];
      if (seal.developmentCertificate) lines.push({ text: developmentNoticeFor(seal.language), font: sans, size: base * 0.75, color: WARNING });
      page.drawRectangle({ x: 0.5, y: 0.5, width: width - 1, height: height - 1, borderColor: RULE, borderWidth: 0.5 });
      drawLines(
        page,
        lines.map((line) => fitted(line, width - 2 * pad)),
        pad,
        height - pad,
      );
    },
    { matrix: uprightMatrix(rotate) },
  );
}

/** The look of a prepared, still empty field: a light box with an optional label. */
export async function drawEmptyFieldAppearance(
  rectWidth: number,
  rectHeight: number,
  label: string | undefined,
  firstNum: number,
  rotate = 0,
): Promise<DrawnXObject> {
  const [width, height] = uprightSize(rectWidth, rectHeight, rotate);
  return drawFormXObject(
    width,
    height,
    firstNum,
    async (page, fonts) => {
      page.drawRectangle({
        x: 0.5,
        y: 0.5,
        width: width - 1,
        height: height - 1,
        color: rgb(0.965, 0.972, 0.988),
        borderColor: rgb(0.6, 0.66, 0.78),
        borderWidth: 0.6,
        borderDashArray: [2.5, 2],
      });
      if (label) {
        const sans = await fonts.get('sans');
        const line = fitted({ text: nfc(label), font: sans, size: Math.max(4, Math.min(7, height / 6)), color: MUTED }, width - 6);
        page.drawText(line.text, { x: 3, y: 3, size: line.size, font: sans, color: MUTED });
      }
    },
    { matrix: uprightMatrix(rotate) },
  );
}

/** A one-line notice in the document's language, drawn into page content at prepare time only. */
export async function drawDevelopmentNotice(firstNum: number, language: AgreementLanguage = 'en'): Promise<DrawnXObject & { width: number; height: number }> {
  const notice = developmentNoticeFor(language);
  const maxWidth = 400;
  const size = 7;
  let measured = 0;
  const drawn = await drawFormXObject(maxWidth, size * 1.6, firstNum, async (page, fonts) => {
    const sans = await fonts.get('sans');
    // The box is fixed before drawing: a longer notice is set smaller rather than clipped.
    const line = fitted({ text: notice, font: sans, size, color: WARNING }, maxWidth);
    measured = sans.widthOfTextAtSize(line.text, line.size);
    page.drawText(line.text, { x: 0, y: size * 0.45, size: line.size, font: sans, color: WARNING });
  });
  return { ...drawn, width: measured, height: size * 1.6 };
}
