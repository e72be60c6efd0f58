/**
 * Generators for the hostile uploads of DESIGN.md case 6, for tests and benches.
 * Each returns the bytes of one small file built by hand (no PDF library involved,
 * so the files are exactly as broken as intended).
 */

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
  return assemble([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Pages/Parent 2 0 R/Kids[2 0 R]/Count 1>>',
  ]);
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
  return assemble([
    '<</Type/Catalog/Pages 2 0 R>>',
    `<</Type/Pages/Kids[3 0 R]/Count ${count}>>`,
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>',
  ]);
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
