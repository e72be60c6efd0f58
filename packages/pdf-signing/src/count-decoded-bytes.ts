import { Readable } from 'node:stream';
import { constants as zlibConstants, createInflate, inflateSync } from 'node:zlib';

import { isPdfError, PdfError } from './pdf-error';

/**
 * Measures what a stream's filter chain decodes to without keeping the result: every
 * stage's output is counted against the file's budget as it is produced, in pieces
 * that the next stage pulls one at a time. A bomb therefore stops at the
 * budget with memory flat, whatever the filters (Flate, LZW, RunLength, ASCIIHex,
 * ASCII85, in any chain). Image codecs (JPEG, JPEG 2000, JBIG2, CCITT) end the chain:
 * the inspector judges those images by their declared size instead.
 */

/** Charges decoded bytes; throws a DECODE_BUDGET PdfError when the file's budget is spent. */
export type DecodeMeter = (bytes: number) => void;

export const TERMINAL_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF', 'Crypt']);

const FILTER_ALIASES: Record<string, string> = { Fl: 'FlateDecode', LZW: 'LZWDecode', RL: 'RunLengthDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode' };

/** Up to this much per stage is decoded in one native call; beyond it, stage by stage in pieces. */
const WHOLE_DECODE_LIMIT = 4 * 1024 * 1024;
const PIECE = 64 * 1024;

interface Sink {
  write(chunk: Uint8Array): void;
  end(): void;
}

export function normaliseFilterName(name: string): string {
  return FILTER_ALIASES[name] ?? name;
}

/**
 * Counts the bytes each stage of `filters` produces from `data`. `lzwEarlyChange` per
 * stage comes from /DecodeParms (1 unless a stage says 0). Small outputs are decoded in
 * one native call; larger ones stream through native zlib and the decoders below, pulled
 * piece by piece, so memory stays flat whatever the output.
 */
export async function countDecodedBytes(data: Uint8Array, filters: string[], meter: DecodeMeter, lzwEarlyChange: number[] = []): Promise<void> {
  const chain = filters.map(normaliseFilterName);
  const stop = chain.findIndex((filter) => TERMINAL_FILTERS.has(filter));
  const stages = stop < 0 ? chain : chain.slice(0, stop);
  if (stages.length === 0) return;
  for (const filter of stages) {
    if (!['FlateDecode', 'LZWDecode', 'RunLengthDecode', 'ASCIIHexDecode', 'ASCII85Decode'].includes(filter)) {
      throw new PdfError('MALFORMED', `This PDF uses the unknown stream filter /${filter.slice(0, 40)}.`);
    }
  }
  const whole = decodeWhole(data, stages, lzwEarlyChange);
  if (whole !== undefined) {
    meter(whole);
    return;
  }
  let pieces: AsyncIterable<Uint8Array> = slices(data, SOURCE_SLICE);
  stages.forEach((filter, i) => {
    pieces = metered(filter === 'FlateDecode' ? inflatePieces(pieces) : decodePieces(pieces, filter, lzwEarlyChange[i] ?? 1), meter);
  });
  for await (const piece of pieces) void piece;
}

const SOURCE_SLICE = 64 * 1024;
/** Input handed to a JS decoder at once: LZW turns 512 bytes into at most ≈ 1.4 MB. */
const DECODER_SLICE = 512;

async function* slices(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function* metered(pieces: AsyncIterable<Uint8Array>, meter: DecodeMeter): AsyncGenerator<Uint8Array> {
  for await (const piece of pieces) {
    meter(piece.length);
    yield piece;
  }
}

async function* inflatePieces(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflater = createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: PIECE });
  const source = Readable.from(input, { objectMode: false });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) yield piece;
  } catch (error) {
    if (isPdfError(error)) throw error;
    // Corrupt or truncated data: nothing more comes out of this stage; viewers show what came before.
  } finally {
    source.unpipe(inflater);
    inflater.destroy();
    source.destroy();
  }
}

async function* decodePieces(input: AsyncIterable<Uint8Array>, filter: string, earlyChange: number): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  const stage = makeStage(filter, { write: (piece) => out.push(piece), end: () => undefined }, () => undefined, earlyChange);
  for await (const chunk of input) {
    for (let at = 0; at < chunk.length; at += DECODER_SLICE) {
      stage.write(chunk.subarray(at, at + DECODER_SLICE));
      const ready = out;
      out = [];
      yield* ready;
    }
  }
  stage.end();
  yield* out;
}

/** The total of all stages when every stage stays under WHOLE_DECODE_LIMIT, else undefined. */
function decodeWhole(data: Uint8Array, stages: string[], lzwEarlyChange: number[]): number | undefined {
  let current = data;
  let total = 0;
  for (let i = 0; i < stages.length; i++) {
    const filter = stages[i]!;
    let next: Uint8Array;
    if (filter === 'FlateDecode') {
      try {
        next = inflateSync(current, { maxOutputLength: WHOLE_DECODE_LIMIT, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return undefined;
        // Corrupt data decodes to nothing more; viewers show what came before.
        return total;
      }
    } else {
      const pieces: Uint8Array[] = [];
      let length = 0;
      const collect: Sink = {
        write: (chunk) => {
          length += chunk.length;
          if (length > WHOLE_DECODE_LIMIT) throw OVER_LIMIT;
          pieces.push(chunk.slice());
        },
        end: () => undefined,
      };
      try {
        const stage = makeStage(filter, collect, () => undefined, lzwEarlyChange[i] ?? 1);
        stage.write(current);
        stage.end();
      } catch (error) {
        if (error === OVER_LIMIT) return undefined;
        throw error;
      }
      next = Buffer.concat(pieces);
    }
    total += next.length;
    current = next;
  }
  return total;
}

const OVER_LIMIT = new Error('over the whole-decode limit');

function makeStage(filter: string, next: Sink, meter: DecodeMeter, earlyChange: number): Sink {
  switch (filter) {
    case 'LZWDecode':
      return new LzwStage(new Emitter(next, meter), earlyChange);
    case 'RunLengthDecode':
      return new RunLengthStage(new Emitter(next, meter));
    case 'ASCIIHexDecode':
      return new AsciiHexStage(new Emitter(next, meter));
    case 'ASCII85Decode':
      return new Ascii85Stage(new Emitter(next, meter));
    default:
      throw new PdfError('MALFORMED', `This PDF uses the unknown stream filter /${filter.slice(0, 40)}.`);
  }
}

/** Buffers single bytes and runs into pieces, charging each piece before passing it on. */
class Emitter {
  private buffer = new Uint8Array(PIECE);
  private pos = 0;

  constructor(
    private readonly next: Sink,
    private readonly meter: DecodeMeter,
  ) {}

  byte(value: number): void {
    if (this.pos === PIECE) this.flush();
    this.buffer[this.pos++] = value;
  }

  run(value: number, count: number): void {
    let left = count;
    while (left > 0) {
      if (this.pos === PIECE) this.flush();
      const take = Math.min(left, PIECE - this.pos);
      this.buffer.fill(value, this.pos, this.pos + take);
      this.pos += take;
      left -= take;
    }
  }

  /** Room for `length` contiguous bytes; returns where to write them. */
  reserve(length: number): number {
    if (this.pos + length > PIECE) this.flush();
    const at = this.pos;
    this.pos += length;
    return at;
  }

  get bytes(): Uint8Array {
    return this.buffer;
  }

  flush(): void {
    if (this.pos === 0) return;
    const piece = this.buffer.subarray(0, this.pos);
    this.meter(piece.length);
    this.next.write(piece);
    this.buffer = new Uint8Array(PIECE);
    this.pos = 0;
  }

  end(): void {
    this.flush();
    this.next.end();
  }
}

class LzwStage implements Sink {
  private readonly prefix = new Int32Array(4096);
  private readonly suffix = new Uint8Array(4096);
  private readonly first = new Uint8Array(4096);
  private readonly length = new Int32Array(4096);
  private nextCode = 258;
  private codeLength = 9;
  private previous = -1;
  private bits = 0;
  private bitCount = 0;
  private done = false;

  constructor(
    private readonly out: Emitter,
    private readonly earlyChange: number,
  ) {
    for (let code = 0; code < 256; code++) {
      this.suffix[code] = code;
      this.first[code] = code;
      this.length[code] = 1;
      this.prefix[code] = -1;
    }
  }

  write(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && !this.done; i++) {
      this.bits = ((this.bits << 8) | chunk[i]!) & 0xffffff;
      this.bitCount += 8;
      while (this.bitCount >= this.codeLength && !this.done) {
        const code = (this.bits >>> (this.bitCount - this.codeLength)) & ((1 << this.codeLength) - 1);
        this.bitCount -= this.codeLength;
        this.handle(code);
      }
    }
  }

  end(): void {
    this.out.end();
  }

  private handle(code: number): void {
    if (code === 256) {
      this.nextCode = 258;
      this.codeLength = 9;
      this.previous = -1;
      return;
    }
    if (code === 257) {
      this.done = true;
      return;
    }
    if (this.previous < 0) {
      if (code > 255) {
        this.done = true;
        return;
      }
      this.out.byte(code);
      this.previous = code;
      return;
    }
    if (code < this.nextCode) {
      this.emit(code);
      this.add(this.first[code]!);
    } else if (code === this.nextCode) {
      this.add(this.first[this.previous]!);
      this.emit(code);
    } else {
      this.done = true;
      return;
    }
    this.previous = code;
  }

  private add(firstByte: number): void {
    if (this.nextCode >= 4096) return;
    const code = this.nextCode++;
    this.prefix[code] = this.previous;
    this.suffix[code] = firstByte;
    this.first[code] = this.first[this.previous]!;
    this.length[code] = this.length[this.previous]! + 1;
    if (this.nextCode + this.earlyChange >= 1 << this.codeLength && this.codeLength < 12) this.codeLength++;
  }

  private emit(code: number): void {
    const length = this.length[code]!;
    const at = this.out.reserve(length);
    const bytes = this.out.bytes;
    let current = code;
    for (let i = length - 1; i >= 0; i--) {
      bytes[at + i] = this.suffix[current]!;
      current = this.prefix[current]!;
    }
  }
}

class RunLengthStage implements Sink {
  private literal = 0;
  private repeat = 0;
  private done = false;

  constructor(private readonly out: Emitter) {}

  write(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && !this.done; i++) {
      const byte = chunk[i]!;
      if (this.literal > 0) {
        this.out.byte(byte);
        this.literal--;
      } else if (this.repeat > 0) {
        this.out.run(byte, this.repeat);
        this.repeat = 0;
      } else if (byte < 128) {
        this.literal = byte + 1;
      } else if (byte > 128) {
        this.repeat = 257 - byte;
      } else {
        this.done = true;
      }
    }
  }

  end(): void {
    this.out.end();
  }
}

class AsciiHexStage implements Sink {
  private high = -1;
  private done = false;

  constructor(private readonly out: Emitter) {}

  write(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && !this.done; i++) {
      const byte = chunk[i]!;
      if (byte === 0x3e) {
        this.done = true;
        break;
      }
      const nibble = hexNibble(byte);
      if (nibble < 0) continue;
      if (this.high < 0) this.high = nibble;
      else {
        this.out.byte((this.high << 4) | nibble);
        this.high = -1;
      }
    }
  }

  end(): void {
    if (this.high >= 0) this.out.byte(this.high << 4);
    this.out.end();
  }
}

class Ascii85Stage implements Sink {
  private group: number[] = [];
  private done = false;

  constructor(private readonly out: Emitter) {}

  write(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && !this.done; i++) {
      const byte = chunk[i]!;
      if (byte === 0x7e /* ~ */) {
        this.done = true;
        break;
      }
      if (byte === 0x7a /* z */ && this.group.length === 0) {
        this.out.run(0, 4);
        continue;
      }
      if (byte < 0x21 || byte > 0x75) continue;
      this.group.push(byte - 0x21);
      if (this.group.length === 5) this.flushGroup(4);
    }
  }

  end(): void {
    if (this.group.length > 1) {
      const bytes = this.group.length - 1;
      while (this.group.length < 5) this.group.push(84);
      this.flushGroup(bytes);
    }
    this.out.end();
  }

  private flushGroup(bytes: number): void {
    let value = 0;
    for (const digit of this.group) value = value * 85 + digit;
    this.group = [];
    for (let i = 0; i < bytes; i++) this.out.byte(Math.floor(value / 256 ** (3 - i)) & 0xff);
  }
}

function hexNibble(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}
