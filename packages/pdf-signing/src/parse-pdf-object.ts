import { PdfError } from './pdf-error';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-objects';

/**
 * A bounded parser for PDF syntax. Every loop is bounded by the input length and
 * nesting by MAX_NESTING, so hostile input (deeply nested arrays, unterminated
 * strings) fails fast with a PdfError instead of exhausting the stack or the CPU.
 */

const MAX_NESTING = 64;

const WHITESPACE = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;

export const isWhitespace = (byte: number | undefined): boolean => byte !== undefined && WHITESPACE[byte] === 1;
const isRegular = (byte: number | undefined): boolean => byte !== undefined && WHITESPACE[byte] !== 1 && DELIMITER[byte] !== 1;
const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

export class Keyword {
  constructor(
    readonly word: string,
    readonly start: number,
  ) {}
}

/** Looks up the /Length of a stream when it is an indirect reference. */
export type LengthResolver = (ref: PdfRef) => number | undefined;

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** Offset of the first digit of "N G obj". */
  start: number;
}

function malformed(message: string): PdfError {
  return new PdfError('MALFORMED', message);
}

export class PdfLexer {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipWhitespaceAndComments(): void {
    const bytes = this.bytes;
    const length = bytes.length;
    while (this.pos < length) {
      const byte = bytes[this.pos]!;
      if (WHITESPACE[byte] === 1) {
        this.pos++;
      } else if (byte === 0x25 /* % */) {
        while (this.pos < length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
      } else {
        return;
      }
    }
  }

  /** Reads a run of regular characters (a keyword or number token) without consuming it. */
  peekRegularToken(): string {
    let end = this.pos;
    while (end < this.bytes.length && isRegular(this.bytes[end])) end++;
    return latin1(this.bytes, this.pos, end);
  }

  readKeyword(): string {
    this.skipWhitespaceAndComments();
    const token = this.peekRegularToken();
    this.pos += token.length;
    return token;
  }

  expectKeyword(word: string): void {
    const start = this.pos;
    const token = this.readKeyword();
    if (token !== word) throw malformed(`expected "${word}" at byte ${start}, found "${token.slice(0, 20)}"`);
  }

  readInteger(): number {
    this.skipWhitespaceAndComments();
    const start = this.pos;
    const token = this.peekRegularToken();
    if (!/^[+-]?\d+$/.test(token)) throw malformed(`expected an integer at byte ${start}`);
    this.pos += token.length;
    return Number(token);
  }

  /** Parses one value; keywords other than true/false/null come back as Keyword. */
  parseValue(depth = 0): PdfValue | Keyword {
    if (depth > MAX_NESTING) {
      throw new PdfError('TOO_COMPLEX', `This PDF has objects nested more than ${MAX_NESTING} levels deep.`);
    }
    this.skipWhitespaceAndComments();
    const bytes = this.bytes;
    const start = this.pos;
    const byte = bytes[start];
    if (byte === undefined) throw new PdfError('TRUNCATED', 'the file ends in the middle of an object');

    if (byte === 0x3c /* < */) {
      if (bytes[start + 1] === 0x3c) return this.parseDict(depth);
      return this.parseHexString();
    }
    if (byte === 0x5b /* [ */) return this.parseArray(depth);
    if (byte === 0x28 /* ( */) return this.parseLiteralString();
    if (byte === 0x2f /* / */) return this.parseName();
    if (isDigit(byte) || byte === 0x2b || byte === 0x2d || byte === 0x2e) return this.parseNumberOrRef();
    if (byte === 0x3e || byte === 0x5d || byte === 0x29 || byte === 0x7b || byte === 0x7d) {
      throw malformed(`unexpected "${String.fromCharCode(byte)}" at byte ${start}`);
    }
    const token = this.peekRegularToken();
    this.pos += token.length;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (token.length === 0) throw malformed(`unexpected byte 0x${byte.toString(16)} at byte ${start}`);
    return new Keyword(token, start);
  }

  /** Like parseValue but a keyword is an error. */
  parseDirectValue(depth = 0): PdfValue {
    const value = this.parseValue(depth);
    if (value instanceof Keyword) throw malformed(`unexpected keyword "${value.word.slice(0, 20)}" at byte ${value.start}`);
    return value;
  }

  private parseDict(depth: number): PdfDict {
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = this.bytes[this.pos];
      if (byte === undefined) throw new PdfError('TRUNCATED', 'the file ends inside a dictionary');
      if (byte === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(entries);
      }
      if (byte !== 0x2f) throw malformed(`expected a name as dictionary key at byte ${this.pos}`);
      const key = this.parseName();
      const value = this.parseValue(depth + 1);
      if (value instanceof Keyword) throw malformed(`unexpected keyword "${value.word.slice(0, 20)}" in a dictionary at byte ${value.start}`);
      // A null value means the key is absent (ISO 32000-1, 7.3.7).
      if (value !== null) entries.set(key.value, value);
    }
  }

  private parseArray(depth: number): PdfValue[] {
    this.pos += 1;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = this.bytes[this.pos];
      if (byte === undefined) throw new PdfError('TRUNCATED', 'the file ends inside an array');
      if (byte === 0x5d) {
        this.pos += 1;
        return items;
      }
      const value = this.parseValue(depth + 1);
      if (value instanceof Keyword) throw malformed(`unexpected keyword "${value.word.slice(0, 20)}" in an array at byte ${value.start}`);
      items.push(value);
    }
  }

  private parseName(): PdfName {
    const bytes = this.bytes;
    let pos = this.pos + 1;
    let value = '';
    while (pos < bytes.length && isRegular(bytes[pos])) {
      const byte = bytes[pos]!;
      if (byte === 0x23 /* # */ && isHex(bytes[pos + 1]) && isHex(bytes[pos + 2])) {
        value += String.fromCharCode(parseInt(String.fromCharCode(bytes[pos + 1]!, bytes[pos + 2]!), 16));
        pos += 3;
      } else {
        value += String.fromCharCode(byte);
        pos++;
      }
    }
    this.pos = pos;
    return new PdfName(value);
  }

  private parseHexString(): PdfString {
    const bytes = this.bytes;
    const start = this.pos;
    const end = indexOfByte(bytes, 0x3e, start + 1);
    if (end < 0) throw new PdfError('TRUNCATED', 'the file ends inside a hex string');
    const out = Buffer.alloc((end - start) >> 1);
    let count = 0;
    let high = -1;
    for (let pos = start + 1; pos < end; pos++) {
      const byte = bytes[pos]!;
      if (WHITESPACE[byte] === 1) continue;
      const nibble = hexValue(byte);
      if (nibble < 0) throw malformed(`invalid character in a hex string at byte ${pos}`);
      if (high < 0) high = nibble;
      else {
        out[count++] = (high << 4) | nibble;
        high = -1;
      }
    }
    if (high >= 0) out[count++] = high << 4;
    this.pos = end + 1;
    return new PdfString(out.subarray(0, count), 'hex', start, end + 1);
  }

  private parseLiteralString(): PdfString {
    const bytes = this.bytes;
    const start = this.pos;
    const out: number[] = [];
    let pos = start + 1;
    let nesting = 1;
    while (pos < bytes.length) {
      const byte = bytes[pos]!;
      if (byte === 0x5c /* \ */) {
        const next = bytes[pos + 1];
        if (next === undefined) break;
        pos += 2;
        switch (next) {
          case 0x6e:
            out.push(0x0a);
            break;
          case 0x72:
            out.push(0x0d);
            break;
          case 0x74:
            out.push(0x09);
            break;
          case 0x62:
            out.push(0x08);
            break;
          case 0x66:
            out.push(0x0c);
            break;
          case 0x0d:
            if (bytes[pos] === 0x0a) pos++;
            break;
          case 0x0a:
            break;
          default:
            if (next >= 0x30 && next <= 0x37) {
              let octal = next - 0x30;
              for (let i = 0; i < 2 && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x37; i++) octal = octal * 8 + (bytes[pos++]! - 0x30);
              out.push(octal & 0xff);
            } else {
              out.push(next);
            }
        }
        continue;
      }
      if (byte === 0x28) nesting++;
      if (byte === 0x29) {
        nesting--;
        if (nesting === 0) {
          this.pos = pos + 1;
          return new PdfString(Uint8Array.from(out), 'literal', start, pos + 1);
        }
      }
      out.push(byte);
      pos++;
    }
    throw new PdfError('TRUNCATED', 'the file ends inside a string');
  }

  private parseNumberOrRef(): number | PdfRef {
    const start = this.pos;
    const token = this.peekRegularToken();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) throw malformed(`invalid number "${token.slice(0, 20)}" at byte ${start}`);
    this.pos += token.length;
    const value = Number(token);
    if (!/^\d+$/.test(token)) return value;
    // "N G R" is a reference; anything else leaves the lexer after the first number.
    const afterFirst = this.pos;
    this.skipWhitespaceAndComments();
    const genToken = this.peekRegularToken();
    if (/^\d+$/.test(genToken)) {
      this.pos += genToken.length;
      this.skipWhitespaceAndComments();
      if (this.bytes[this.pos] === 0x52 /* R */ && !isRegular(this.bytes[this.pos + 1])) {
        this.pos += 1;
        return new PdfRef(value, Number(genToken));
      }
    }
    this.pos = afterFirst;
    return value;
  }

  /**
   * Parses "N G obj … endobj" at `offset`. A stream's data is located with /Length
   * when it is consistent, else by searching for "endstream".
   */
  parseIndirectObject(resolveLength?: LengthResolver): IndirectObject {
    this.skipWhitespaceAndComments();
    const start = this.pos;
    const num = this.readInteger();
    const gen = this.readInteger();
    this.expectKeyword('obj');
    let value = this.parseValue(0);
    if (value instanceof Keyword) {
      // "endobj" straight away: an empty object is null.
      if (value.word === 'endobj') return { num, gen, value: null, start };
      throw malformed(`unexpected keyword "${value.word.slice(0, 20)}" in object ${num} at byte ${value.start}`);
    }
    const afterValue = this.pos;
    this.skipWhitespaceAndComments();
    if (value instanceof PdfDict && this.peekRegularToken() === 'stream') {
      this.pos += 'stream'.length;
      value = this.readStreamData(value, resolveLength);
    } else {
      this.pos = afterValue;
    }
    return { num, gen, value, start };
  }

  private readStreamData(streamDict: PdfDict, resolveLength?: LengthResolver): PdfStream {
    const bytes = this.bytes;
    // The keyword is followed by CRLF or LF (a lone CR is tolerated).
    if (bytes[this.pos] === 0x0d) this.pos++;
    if (bytes[this.pos] === 0x0a) this.pos++;
    const dataStart = this.pos;
    const lengthValue = streamDict.get('Length');
    let length: number | undefined;
    if (typeof lengthValue === 'number') length = lengthValue;
    else if (lengthValue instanceof PdfRef && resolveLength) length = resolveLength(lengthValue);

    let dataEnd = -1;
    if (length !== undefined && Number.isInteger(length) && length >= 0 && dataStart + length <= bytes.length) {
      const probe = new PdfLexer(bytes, dataStart + length);
      probe.skipWhitespaceAndComments();
      if (probe.peekRegularToken() === 'endstream') {
        dataEnd = dataStart + length;
        this.pos = probe.pos + 'endstream'.length;
      }
    }
    if (dataEnd < 0) {
      const found = indexOfAscii(bytes, 'endstream', dataStart);
      if (found < 0) throw new PdfError('TRUNCATED', 'the file ends inside a stream');
      dataEnd = found;
      // The EOL before "endstream" is not part of the data.
      if (bytes[dataEnd - 1] === 0x0a) dataEnd--;
      if (bytes[dataEnd - 1] === 0x0d) dataEnd--;
      if (dataEnd < dataStart) dataEnd = dataStart;
      this.pos = found + 'endstream'.length;
    }
    return new PdfStream(streamDict, bytes.subarray(dataStart, dataEnd));
  }
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && hexValue(byte) >= 0;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function indexOfByte(bytes: Uint8Array, byte: number, from: number): number {
  return asBuffer(bytes).indexOf(byte, from);
}

export function indexOfAscii(bytes: Uint8Array, text: string, from = 0): number {
  return asBuffer(bytes).indexOf(text, from, 'latin1');
}

export function lastIndexOfAscii(bytes: Uint8Array, text: string, from?: number): number {
  return from === undefined ? asBuffer(bytes).lastIndexOf(text, undefined, 'latin1') : asBuffer(bytes).lastIndexOf(text, from, 'latin1');
}
