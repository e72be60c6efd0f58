/**
 * A small, explicit PDF object model. The signing core reads and writes PDF
 * structure with it instead of pdf-lib's object model, so that it controls exactly
 * which objects an incremental update overrides and so that security decisions
 * (the verifier) never rest on a library's repairs of hostile input.
 */

export class PdfName {
  /** The decoded name without the leading slash (each char one byte, latin1). */
  constructor(readonly value: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number = 0,
  ) {}
}

export class PdfString {
  /** start/end: byte offsets of the token in its file, when parsed from one. */
  constructor(
    readonly bytes: Uint8Array,
    readonly encoding: 'literal' | 'hex',
    readonly start = -1,
    readonly end = -1,
  ) {}
}

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue> = new Map()) {}

  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    return this;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  has(key: string): boolean {
    const value = this.entries.get(key);
    return value !== undefined && value !== null;
  }

  /** Shallow copy: the signing code overrides an object by writing a changed copy. */
  clone(): PdfDict {
    return new PdfDict(new Map(this.entries));
  }

  nameOf(key: string): string | undefined {
    const value = this.entries.get(key);
    return value instanceof PdfName ? value.value : undefined;
  }
}

export class PdfStream {
  /** data: the stream bytes as stored (still encoded by the dict's /Filter). */
  constructor(
    readonly dict: PdfDict,
    readonly data: Uint8Array,
  ) {}
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

export const name = (value: string): PdfName => new PdfName(value);
export const ref = (num: number, gen = 0): PdfRef => new PdfRef(num, gen);

export function dict(entries: Record<string, PdfValue | undefined>): PdfDict {
  const map = new Map<string, PdfValue>();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) map.set(key, value);
  }
  return new PdfDict(map);
}

export function literalString(text: string): PdfString {
  return new PdfString(Buffer.from(text, 'latin1'), 'literal');
}

/**
 * A PDF "text string": PDFDocEncoding when the text is plain printable ASCII,
 * otherwise UTF-16BE with a byte order mark (umlauts, ß and Hangul in /Name, /T…).
 */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return literalString(text);
  const utf16 = Buffer.alloc(2 + text.length * 2);
  utf16[0] = 0xfe;
  utf16[1] = 0xff;
  for (let i = 0; i < text.length; i++) utf16.writeUInt16BE(text.charCodeAt(i), 2 + i * 2);
  return new PdfString(utf16, 'hex');
}

export function decodeTextString(value: PdfString): string {
  const bytes = value.bytes;
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return text;
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return Buffer.from(bytes.subarray(3)).toString('utf8');
  }
  // PDFDocEncoding agrees with latin1 for every character this app writes.
  return Buffer.from(bytes).toString('latin1');
}

/** D:YYYYMMDDHHmmSSZ — the form /M and /CreationDate use; always UTC here. */
export function pdfDate(date: Date): PdfString {
  const pad = (n: number) => String(n).padStart(2, '0');
  return literalString(
    `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
      `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`,
  );
}

// ---------------------------------------------------------------- serialisation

const DELIMITER_OR_SPECIAL = new Set('()<>[]{}/%#'.split('').map((c) => c.charCodeAt(0)));

function serializeName(value: string): string {
  let out = '/';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i) & 0xff;
    if (code < 0x21 || code > 0x7e || DELIMITER_OR_SPECIAL.has(code)) {
      out += '#' + code.toString(16).padStart(2, '0');
    } else {
      out += value[i];
    }
  }
  return out;
}

function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} into a PDF`);
  if (Number.isInteger(value)) return String(value);
  // PDF readers do not accept exponent notation.
  const fixed = value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function serializeString(value: PdfString): string {
  const bytes = value.bytes;
  if (value.encoding === 'hex') return '<' + Buffer.from(bytes).toString('hex') + '>';
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += '\\' + String.fromCharCode(byte);
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte < 0x20 || byte > 0x7e) out += '\\' + byte.toString(8).padStart(3, '0');
    else out += String.fromCharCode(byte);
  }
  return out + ')';
}

/**
 * Serialises a value as latin1 text. Streams are not handled here (they carry binary
 * data): use serializeIndirectObject.
 */
export function serializeValue(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return serializeNumber(value);
  if (value instanceof PdfName) return serializeName(value.value);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return serializeString(value);
  if (Array.isArray(value)) return '[' + value.map(serializeValue).join(' ') + ']';
  if (value instanceof PdfDict) {
    let out = '<<';
    for (const [key, entry] of value.entries) out += serializeName(key) + ' ' + serializeValue(entry);
    return out + '>>';
  }
  throw new Error('A stream can only be written as an indirect object');
}

/** The body of an indirect object ("N G obj" and "endobj" are added by the writer). */
export function serializeObjectBody(value: PdfValue): Uint8Array {
  if (value instanceof PdfStream) {
    const streamDict = value.dict.clone().set('Length', value.data.length);
    const head = Buffer.from(serializeValue(streamDict) + '\nstream\n', 'latin1');
    const tail = Buffer.from('\nendstream', 'latin1');
    return Buffer.concat([head, value.data, tail]);
  }
  return Buffer.from(serializeValue(value), 'latin1');
}
