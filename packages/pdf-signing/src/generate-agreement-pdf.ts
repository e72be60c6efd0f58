import fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

import { AGREEMENT_TEXTS, KNOWN_NAMES, type AgreementLanguage, type AgreementParagraph } from './agreement-texts';
import { FAST_SHAPING, loadFontBytes } from './load-fonts';
import { PdfError } from './pdf-error';
import type { FieldRect } from './prepare-signing-fields';

export type { AgreementLanguage } from './agreement-texts';

export interface AgreementParty {
  /** Full name in English, e.g. "Labs Network Industrie 4.0"; known names are translated. */
  name: string;
  shortName: string;
  /** Country in English, e.g. "Germany"; known countries are translated. */
  country: string;
  signatoryName: string;
  signatoryTitle: string;
  /** Overrides for this language version (names the table does not know). */
  localized?: Partial<Record<AgreementLanguage, { name?: string; country?: string; signatoryTitle?: string }>>;
}

export interface AgreementWitness {
  /** Index into `parties` of the side the witness stands with. */
  partyIndex: number;
  name: string;
  title: string;
}

export interface GenerateAgreementOptions {
  language: AgreementLanguage;
  /** In the order this original names them (alternat: the party holding it first). */
  parties: AgreementParty[];
  witnesses?: AgreementWitness[];
  /** Document metadata dates; default now. */
  creationDate?: Date;
}

export interface SignatureArea {
  /** Index into `parties`. */
  partyIndex: number;
  role: 'signatory' | 'witness';
  /** 1-based. */
  page: number;
  rect: FieldRect;
}

export interface GeneratedAgreement {
  bytes: Uint8Array;
  pageCount: number;
  /** Where the signature fields go, so the seed can place them exactly there. */
  signatureAreas: SignatureArea[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 72;
const MARGIN_TOP = 78;
const MARGIN_BOTTOM = 80;
const INK = rgb(0.1, 0.11, 0.14);
const MUTED = rgb(0.4, 0.42, 0.47);
const ACCENT = rgb(0.11, 0.22, 0.42);
const AREA_MARK = rgb(0.72, 0.75, 0.8);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Breaks text into lines that fit `width`, at spaces (and anywhere inside over-long words). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

class Flow {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  readonly width = A4[0] - 2 * MARGIN_X;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN_TOP;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  text(
    text: string,
    options: {
      font?: PDFFont;
      size?: number;
      color?: RGB;
      indent?: number;
      align?: 'left' | 'center';
      leading?: number;
      label?: string;
      labelWidth?: number;
    } = {},
  ): void {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? 10.5;
    const leading = options.leading ?? size * 1.5;
    const indent = options.indent ?? 0;
    const labelWidth = options.label ? (options.labelWidth ?? size * 2.4) : 0;
    const width = this.width - indent - labelWidth;
    const lines = wrap(text, font, size, width);
    lines.forEach((line, i) => {
      this.ensure(leading);
      this.y -= leading;
      const baseline = this.y + (leading - size) / 2 + size * 0.2;
      if (i === 0 && options.label) {
        this.page.drawText(options.label, { x: MARGIN_X + indent, y: baseline, size, font, color: options.color ?? INK });
      }
      const x = options.align === 'center' ? MARGIN_X + (this.width - font.widthOfTextAtSize(line, size)) / 2 : MARGIN_X + indent + labelWidth;
      this.page.drawText(line, { x, y: baseline, size, font, color: options.color ?? INK });
    });
  }
}

function localName(party: AgreementParty, language: AgreementLanguage): string {
  return party.localized?.[language]?.name ?? KNOWN_NAMES[party.name]?.[language] ?? party.name;
}

function localCountry(party: AgreementParty, language: AgreementLanguage): string {
  return party.localized?.[language]?.country ?? KNOWN_NAMES[party.country]?.[language] ?? party.country;
}

function partyLine(party: AgreementParty, language: AgreementLanguage): string {
  return `${localName(party, language)} (${party.shortName})`;
}

function drawParagraph(flow: Flow, paragraph: AgreementParagraph): void {
  flow.text(paragraph.text, { label: paragraph.label, labelWidth: 24 });
  for (const item of paragraph.items ?? []) flow.text(item.text, { label: item.label, indent: 24, labelWidth: 20 });
  flow.space(4);
}

/**
 * The reference agreement: title page, preamble and three articles, and a
 * signature page with one block per party whose marked area is returned for the
 * signature fields. Text is set in Noto Sans KR, embedded as a subset, so umlauts, ß
 * and Hangul render and can be copied out.
 */
export async function generateAgreementPdf(options: GenerateAgreementOptions): Promise<GeneratedAgreement> {
  const { language } = options;
  // Composed (NFC) text only: shaping runs with Noto's composition features off.
  const parties = options.parties.map((party) => ({
    ...party,
    name: party.name.normalize('NFC'),
    signatoryName: party.signatoryName.normalize('NFC'),
    signatoryTitle: party.signatoryTitle.normalize('NFC'),
  }));
  const text = AGREEMENT_TEXTS[language];
  if (!text) throw new PdfError('INVALID_FIELD_PLAN', `Unknown agreement language "${String(language)}".`);
  if (parties.length !== 2) throw new PdfError('INVALID_FIELD_PLAN', 'The agreement is between exactly two parties.');

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(loadFontBytes('sans'), { subset: true, features: FAST_SHAPING.sans }),
    bold: await doc.embedFont(loadFontBytes('sans-bold'), { subset: true, features: FAST_SHAPING['sans-bold'] }),
  };
  const created = options.creationDate ?? new Date();
  doc.setTitle(text.title, { showInWindowTitleBar: true });
  doc.setSubject(parties.map((party) => localName(party, language)).join(' – '));
  doc.setLanguage(language === 'ko' ? 'ko-KR' : language === 'de' ? 'de-DE' : 'en-GB');
  doc.setCreator('Accord');
  doc.setProducer('Accord');
  doc.setCreationDate(created);
  doc.setModificationDate(created);

  const flow = new Flow(doc, fonts);

  // Title page.
  flow.newPage();
  flow.space(120);
  flow.text(text.documentKind.toUpperCase(), { size: 10, color: MUTED, align: 'center' });
  flow.space(14);
  flow.text(text.title, { font: fonts.bold, size: 21, leading: 30, color: ACCENT, align: 'center' });
  flow.space(50);
  const [first, second] = parties as [AgreementParty, AgreementParty];
  if (text.between) flow.text(text.between, { size: 11, color: MUTED, align: 'center' });
  flow.space(10);
  flow.text(partyLine(first, language), { font: fonts.bold, size: 14, leading: 22, align: 'center' });
  flow.text(localCountry(first, language), { size: 11, color: MUTED, align: 'center' });
  flow.space(16);
  flow.text(text.and, { size: 11, color: MUTED, align: 'center' });
  flow.space(16);
  flow.text(partyLine(second, language), { font: fonts.bold, size: 14, leading: 22, align: 'center' });
  flow.text(localCountry(second, language), { size: 11, color: MUTED, align: 'center' });
  if (text.after) flow.text(text.after, { size: 11, color: MUTED, align: 'center' });

  // Preamble and articles.
  flow.newPage();
  flow.text(text.preambleIntro);
  flow.space(4);
  for (const party of parties) flow.text(`${partyLine(party, language)}, ${localCountry(party, language)}`, { font: fonts.bold, indent: 24 });
  flow.space(4);
  flow.text(text.hereinafter);
  flow.space(6);
  for (const recital of text.recitals) flow.text(recital, { label: '–', labelWidth: 16, indent: 8 });
  flow.space(6);
  flow.text(text.recitalsClose);
  for (const article of text.articles) {
    flow.space(14);
    flow.ensure(60); // keep a heading with the start of its text
    flow.text(article.heading, { font: fonts.bold, size: 12, color: ACCENT });
    flow.space(4);
    for (const paragraph of article.paragraphs) drawParagraph(flow, paragraph);
  }

  // Signature page.
  flow.newPage();
  flow.text(text.signatureHeading, { font: fonts.bold, size: 14, color: ACCENT });
  flow.space(8);
  flow.text(text.inWitness);
  flow.space(34);
  const signatureAreas: SignatureArea[] = [];
  const pageNumber = flow.pages.length;
  const columnGap = 31;
  const columnWidth = (flow.width - columnGap) / 2;
  const drawBlock = (
    partyIndex: number,
    role: 'signatory' | 'witness',
    column: number,
    top: number,
    heading: string,
    name: string,
    title: string,
    areaHeight: number,
  ): number => {
    const page = flow.page;
    const x = MARGIN_X + column * (columnWidth + columnGap);
    let y = top;
    for (const line of wrap(heading, fonts.bold, 10.5, columnWidth)) {
      y -= 15;
      page.drawText(line, { x, y, size: 10.5, font: fonts.bold, color: INK });
    }
    y -= 8;
    const rect = { x, y: y - areaHeight, width: columnWidth, height: areaHeight };
    markArea(page, rect);
    signatureAreas.push({ partyIndex, role, page: pageNumber, rect });
    y -= areaHeight + 4;
    page.drawLine({ start: { x, y }, end: { x: x + columnWidth, y }, thickness: 0.7, color: INK });
    y -= 14;
    page.drawText(name, { x, y, size: 10.5, font: fonts.bold, color: INK });
    for (const line of wrap(title, fonts.regular, 9.5, columnWidth)) {
      y -= 13;
      page.drawText(line, { x, y, size: 9.5, font: fonts.regular, color: MUTED });
    }
    return y;
  };

  let bottom = flow.y;
  parties.forEach((party, index) => {
    const title = party.localized?.[language]?.signatoryTitle ?? party.signatoryTitle;
    const end = drawBlock(index, 'signatory', index, flow.y, text.forParty(localName(party, language)), party.signatoryName, title, 100);
    bottom = Math.min(bottom, end);
  });
  flow.y = bottom;

  const witnesses = options.witnesses ?? [];
  if (witnesses.length > 0) {
    flow.space(40);
    flow.text(text.inPresenceOf, { font: fonts.bold, size: 11, color: ACCENT });
    flow.space(6);
    const top = flow.y;
    for (const witness of witnesses) {
      if (witness.partyIndex < 0 || witness.partyIndex >= parties.length) {
        throw new PdfError('INVALID_FIELD_PLAN', `Witness "${witness.name}" stands with an unknown party.`);
      }
      // Witnesses (ministers) stand for their country, not for the signing party.
      const heading = localCountry(parties[witness.partyIndex]!, language);
      const end = drawBlock(witness.partyIndex, 'witness', witness.partyIndex, top, heading, witness.name.normalize('NFC'), witness.title.normalize('NFC'), 84);
      bottom = Math.min(bottom, end);
    }
    flow.y = bottom;
  }

  // Footers, now that the page count is known.
  const total = flow.pages.length;
  flow.pages.forEach((page, index) => {
    const footer = `${text.documentKind} · ${text.languageVersion} · ${text.pageOf(index + 1, total)}`;
    const size = 7.5;
    const lines = wrap(footer, fonts.regular, size, flow.width);
    lines.forEach((line, i) => {
      page.drawText(line, {
        x: MARGIN_X + (flow.width - fonts.regular.widthOfTextAtSize(line, size)) / 2,
        y: 40 - i * 10,
        size,
        font: fonts.regular,
        color: MUTED,
      });
    });
  });

  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pageCount: total, signatureAreas };
}

/** Light corner marks: visible on paper, covered by the prepared field's own box. */
function markArea(page: PDFPage, rect: FieldRect): void {
  const arm = 10;
  const corners: [number, number, number, number][] = [
    [rect.x, rect.y, 1, 1],
    [rect.x + rect.width, rect.y, -1, 1],
    [rect.x, rect.y + rect.height, 1, -1],
    [rect.x + rect.width, rect.y + rect.height, -1, -1],
  ];
  for (const [x, y, dx, dy] of corners) {
    page.drawLine({ start: { x, y }, end: { x: x + dx * arm, y }, thickness: 0.6, color: AREA_MARK });
    page.drawLine({ start: { x, y }, end: { x, y: y + dy * arm }, thickness: 0.6, color: AREA_MARK });
  }
}
