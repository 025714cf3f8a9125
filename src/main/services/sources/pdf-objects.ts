// A PDF file's objects, found by reading the file from start to end (as
// pdfjs does when a file's cross-reference table is broken), and its streams
// decoded under the read's budget: every inflated byte is counted as it
// comes, so a stream that would inflate a thousandfold is refused before
// pdfjs ever reads it. Encrypted files are decrypted with the empty user
// password (pdf-crypt). Nothing here recurses on the file's structure.
import { constants, createInflate, inflateSync } from 'node:zlib';
import type { ReadBudget } from './budget';
import { standardDecrypter, stringBytes, type StreamDecrypter } from './pdf-crypt';
import {
  isDict,
  isRegular,
  isWhite,
  Lexer,
  nameOf,
  numberOf,
  parseValue,
  PdfRef,
  PdfString,
  Tok,
  type PdfDict,
  type PdfValue,
} from './pdf-syntax';

/** A stream object: its dictionary and where its (still encoded) data lies in `bytes`. */
export interface PdfStream {
  kind: 'stream';
  num: number;
  gen: number;
  dict: PdfDict;
  bytes: Uint8Array;
  start: number;
  end: number;
}

export type PdfObject = PdfValue | PdfStream;
export const isStream = (o: PdfObject | undefined): o is PdfStream => typeof o === 'object' && o !== null && 'kind' in o;

/** One definition of an object: at an offset of the file, or inside an object stream. */
interface Definition {
  /** Where it stands in the file (an object stream's own offset for the objects it holds): the last one wins. */
  position: number;
  bytes: Uint8Array;
  offset: number;
  gen: number;
}

const OBJ = Buffer.from('obj', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');

/** References followed at most this far (a reference to a reference to …). */
const MAX_HOPS = 16;

export class PdfObjects {
  private readonly definitions = new Map<number, Definition[]>();
  private readonly parsed = new Map<Definition, PdfObject | undefined>();
  private readonly decodedCache = new Map<PdfStream, Uint8Array | undefined>();
  private readonly counted = new Set<PdfStream>();
  private decrypt: StreamDecrypter | undefined;
  /** The trailer (or the last cross-reference stream's dictionary). */
  trailer: PdfDict = new Map();

  private constructor(
    readonly bytes: Buffer,
    private readonly budget: ReadBudget,
  ) {}

  /**
   * Every object of the file; the streams pdfjs reads as it opens the file
   * (cross-reference and object streams) inflated under the budget. What it
   * reads for a page is inflated as each page is counted (pdf-content).
   */
  static async read(bytes: Buffer, budget: ReadBudget): Promise<PdfObjects> {
    const objects = new PdfObjects(bytes, budget);
    const streams = objects.indexTopLevel();
    objects.readTrailer(streams);
    for (const s of streams) {
      const type = nameOf(s.dict.get('Type'));
      if (type === 'ObjStm') await objects.indexPacked(s);
      else if (type === 'XRef') await objects.inflatedOnce(s);
    }
    return objects;
  }

  /** Finds each "num gen obj" in file order, stepping over stream data, and notes its definition. */
  private indexTopLevel(): PdfStream[] {
    const b = this.bytes;
    const streams: PdfStream[] = [];
    let from = 0;
    for (;;) {
      const at = b.indexOf(OBJ, from);
      if (at < 0) break;
      from = at + 3;
      const head = objectHead(b, at);
      if (!head || isRegular(b[at + 3])) continue;
      this.budget.element(1);
      const definition: Definition = { position: head.start, bytes: b, offset: at + 3, gen: head.gen };
      this.define(head.num, definition);
      // Only a dictionary followed by "stream" is parsed now (its data must be stepped over); the rest when asked for.
      if (!dictThenStream(new Lexer(b, definition.offset))) continue;
      const object = this.parse(head.num, definition);
      if (isStream(object)) {
        streams.push(object);
        from = Math.max(from, object.end);
      }
    }
    return streams;
  }

  private define(num: number, definition: Definition): void {
    const list = this.definitions.get(num);
    if (list) list.push(definition);
    else this.definitions.set(num, [definition]);
  }

  /** The trailer's dictionary, for /Encrypt and /ID: after the last "trailer", or a cross-reference stream's. */
  private readTrailer(streams: readonly PdfStream[]): void {
    const at = this.bytes.lastIndexOf('trailer');
    const value = at >= 0 ? parseValue(new Lexer(this.bytes, at + 7)) : undefined;
    const xrefStream = streams.findLast((s) => nameOf(s.dict.get('Type')) === 'XRef');
    this.trailer = isDict(value) ? value : (xrefStream?.dict ?? new Map<string, PdfValue>());
    const encrypt = this.resolve(this.trailer.get('Encrypt'));
    if (!isDict(encrypt)) return;
    const id = this.resolve(this.trailer.get('ID'));
    const first = Array.isArray(id) && id[0] instanceof PdfString ? stringBytes(id[0]) : Buffer.alloc(0);
    this.decrypt = standardDecrypter(encrypt, first);
  }

  /** The objects an object stream holds: "num offset" pairs, then the objects from /First on. */
  private async indexPacked(stream: PdfStream): Promise<void> {
    const data = await this.decoded(stream);
    const count = numberOf(stream.dict.get('N')) ?? 0;
    const first = numberOf(stream.dict.get('First')) ?? 0;
    if (!data || !Number.isInteger(count) || count <= 0 || !Number.isInteger(first) || first < 0) return;
    const lex = new Lexer(data, 0, Math.min(first, data.length));
    for (let k = 0; k < count; k++) {
      if (lex.next() !== Tok.Number) break;
      const num = lex.num;
      if (lex.next() !== Tok.Number) break;
      const offset = first + lex.num;
      if (!Number.isInteger(num) || num < 0 || offset >= data.length) continue;
      this.budget.element(1);
      this.define(num, { position: stream.start, bytes: data, offset, gen: 0 });
    }
  }

  private parse(num: number, definition: Definition): PdfObject | undefined {
    if (this.parsed.has(definition)) return this.parsed.get(definition);
    this.parsed.set(definition, undefined);
    const lex = new Lexer(definition.bytes, definition.offset);
    const value = parseValue(lex);
    let object: PdfObject | undefined = value;
    if (isDict(value) && definition.bytes === this.bytes) {
      const after = lex.pos;
      if (lex.next() === Tok.Keyword && lex.is('stream')) object = this.streamAt(num, definition.gen, value, lex.pos) ?? value;
      else lex.pos = after;
    }
    this.parsed.set(definition, object);
    return object;
  }

  /** A stream's data: after the keyword's line end, /Length bytes where "endstream" follows them, else up to "endstream". */
  private streamAt(num: number, gen: number, dict: PdfDict, afterKeyword: number): PdfStream | undefined {
    const b = this.bytes;
    let start = afterKeyword;
    if (b[start] === 0x0d) start++;
    if (b[start] === 0x0a) start++;
    const declared = dict.get('Length');
    const length = declared instanceof PdfRef ? undefined : numberOf(declared);
    let end = -1;
    if (length !== undefined && Number.isInteger(length) && length >= 0 && start + length <= b.length) {
      let k = start + length;
      while (isWhite(b[k])) k++;
      if (b.subarray(k, k + ENDSTREAM.length).equals(ENDSTREAM)) end = start + length;
    }
    if (end < 0) {
      const found = b.indexOf(ENDSTREAM, start);
      end = found < 0 ? b.length : found;
      while (end > start && (b[end - 1] === 0x0a || b[end - 1] === 0x0d)) end--;
    }
    return { kind: 'stream', num, gen, dict, bytes: b, start, end };
  }

  /** The object `num` as the file now defines it (its last definition). */
  object(num: number): PdfObject | undefined {
    const list = this.definitions.get(num);
    if (!list) return undefined;
    let last = list[0]!;
    for (const d of list) if (d.position >= last.position) last = d;
    return this.parse(num, last);
  }

  /** A value with its references followed. */
  resolve(value: PdfObject | undefined): PdfObject | undefined {
    let v = value;
    for (let hops = 0; v instanceof PdfRef && hops < MAX_HOPS; hops++) v = this.object(v.num);
    return v instanceof PdfRef ? undefined : v;
  }

  /** A dictionary (a stream's own dictionary counts) or undefined. */
  dict(value: PdfObject | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    return isStream(v) ? v.dict : isDict(v) ? v : undefined;
  }

  /**
   * A stream's data with its filters undone, counted against the budget as
   * it inflates; undefined where a filter is not one read here (images' own
   * codecs). Kept where asked (drawings, object streams), so inflated once.
   */
  async decoded(stream: PdfStream, keep = true): Promise<Uint8Array | undefined> {
    if (this.decodedCache.has(stream)) return this.decodedCache.get(stream);
    let data: Uint8Array | undefined = stream.bytes.subarray(stream.start, stream.end);
    // Cross-reference streams are never encrypted (ISO 32000-1 §7.6.1).
    if (this.decrypt && nameOf(stream.dict.get('Type')) !== 'XRef') data = this.decrypt(data, stream.num, stream.gen);
    const filter = this.resolve(stream.dict.get('Filter') ?? stream.dict.get('F'));
    const filters = (Array.isArray(filter) ? filter : [filter]).map((f) => nameOf(this.resolve(f)));
    for (const f of filters) {
      if (!data) break;
      if (f !== undefined && f !== 'Crypt') data = await this.undo(f, data, stream);
    }
    this.counted.add(stream);
    if (keep) this.decodedCache.set(stream, data);
    return data;
  }

  /** Inflates a stream pdfjs will read (a font program, a CMap) once, for its size to be counted; its bytes are let go. */
  async inflatedOnce(stream: PdfStream): Promise<void> {
    if (!this.counted.has(stream)) await this.decoded(stream, false);
  }

  private async undo(filter: string, data: Uint8Array, stream: PdfStream): Promise<Uint8Array | undefined> {
    switch (filter) {
      case 'FlateDecode':
      case 'Fl':
        return inflateBounded(data, this.budget);
      case 'LZWDecode':
      case 'LZW': {
        const parms = this.dict(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
        return lzwDecode(data, numberOf(parms?.get('EarlyChange')) ?? 1, this.budget);
      }
      case 'RunLengthDecode':
      case 'RL':
        return runLengthDecode(data, this.budget);
      case 'ASCIIHexDecode':
      case 'AHx':
        return Buffer.from(
          Buffer.from(data)
            .toString('latin1')
            .replace(/>[\s\S]*$/, '')
            .replace(/[^0-9A-Fa-f]/g, ''),
          'hex',
        );
      case 'ASCII85Decode':
      case 'A85':
        return ascii85Decode(data);
      default:
        return undefined;
    }
  }
}

/** Whether the object at the lexer is a dictionary followed by the keyword stream (read token by token, nothing built). */
function dictThenStream(lex: Lexer): boolean {
  if (lex.next() !== Tok.DictOpen) return false;
  for (let depth = 1; depth > 0;) {
    const kind = lex.next();
    if (kind === Tok.Eof) return false;
    if (kind === Tok.DictOpen || kind === Tok.ArrayOpen) depth++;
    else if (kind === Tok.DictClose || kind === Tok.ArrayClose) depth--;
    else if (kind === Tok.Keyword && (lex.is('endobj') || lex.is('stream') || lex.is('obj'))) return false;
  }
  return lex.next() === Tok.Keyword && lex.is('stream');
}

/** "num gen" before an "obj" at `at`: the object's number, generation and where its header starts. */
function objectHead(b: Buffer, at: number): { num: number; gen: number; start: number } | undefined {
  let k = at - 1;
  if (!isWhite(b[k])) return undefined;
  while (isWhite(b[k])) k--;
  const genEnd = k + 1;
  while (k >= 0 && b[k]! >= 0x30 && b[k]! <= 0x39) k--;
  if (k + 1 === genEnd || !isWhite(b[k])) return undefined;
  const gen = digitsValue(b, k + 1, genEnd);
  while (isWhite(b[k])) k--;
  const numEnd = k + 1;
  while (k >= 0 && b[k]! >= 0x30 && b[k]! <= 0x39) k--;
  if (k + 1 === numEnd || numEnd - k > 11 || isRegular(b[k])) return undefined;
  return { num: digitsValue(b, k + 1, numEnd), gen, start: k + 1 };
}

/** The decimal number the digits from `from` to `to` write (read in place: every object of a file has its header read). */
function digitsValue(b: Uint8Array, from: number, to: number): number {
  let value = 0;
  for (let k = from; k < to; k++) value = value * 10 + b[k]! - 0x30;
  return value;
}

/**
 * zlib data inflated, at most what the budget has left: a bomb is refused at
 * the first byte past it. Data that breaks off or turns corrupt gives what
 * came before, as pdfjs reads it.
 */
async function inflateBounded(data: Uint8Array, budget: ReadBudget): Promise<Uint8Array> {
  const room = budget.inflatedLeft;
  try {
    // Output buffers sized to the input (a glyph's program is a few hundred bytes; zlib's default is 16 KB each).
    const chunkSize = Math.min(64 * 1024, Math.max(1024, 2 ** Math.ceil(Math.log2(data.length * 4 + 1))));
    const out = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, room + 1), chunkSize });
    budget.inflated(out.length);
    return out;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') budget.inflated(room + 1);
  }
  // Corrupt data: inflated as a stream, the bytes before the damage kept (and counted as they come).
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    const done = () => resolve(Buffer.concat(chunks));
    inflate.on('data', (chunk: Buffer) => {
      try {
        budget.inflated(chunk.length);
        chunks.push(chunk);
      } catch (refusal) {
        inflate.destroy();
        reject(refusal instanceof Error ? refusal : new Error(String(refusal)));
      }
    });
    inflate.on('error', done);
    inflate.on('end', done);
    inflate.end(data);
  });
}

/** Bytes written one by one into a buffer that doubles as it fills: each byte counted against the budget before it is kept. */
class ByteSink {
  private data = new Uint8Array(4096);
  private counted = 0;
  length = 0;

  constructor(private readonly budget: ReadBudget) {}

  push(byte: number): void {
    if (this.length === this.data.length) {
      this.count();
      const grown = new Uint8Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = byte;
  }

  /** A byte written earlier (an LZW code repeats an earlier string). */
  at(k: number): number {
    return this.data[k]!;
  }

  bytes(): Uint8Array {
    this.count();
    return this.data.subarray(0, this.length);
  }

  private count(): void {
    this.budget.inflated(this.length - this.counted);
    this.counted = this.length;
  }
}

/** LZW as PDF writes it (ISO 32000-1 §7.4.4), its output counted against the budget. */
function lzwDecode(data: Uint8Array, earlyChange: number, budget: ReadBudget): Uint8Array {
  // Each code is an earlier string: where it starts in the output and how long it is.
  const start = new Int32Array(4096);
  const size = new Uint16Array(4096);
  const out = new ByteSink(budget);
  let width = 9;
  let next = 258;
  let previous = -1;
  let bits = 0;
  let buffer = 0;
  let p = 0;
  const copy = (from: number, n: number) => {
    for (let k = 0; k < n; k++) out.push(out.at(from + k));
  };
  for (;;) {
    while (bits < width && p < data.length) {
      buffer = ((buffer << 8) | data[p++]!) & 0xffffff;
      bits += 8;
    }
    if (bits < width) break;
    const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      width = 9;
      next = 258;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    const at = out.length;
    if (code < 256) out.push(code);
    else if (code < next && previous >= 0) copy(start[code]!, size[code]!);
    else if (code === next && previous >= 0) {
      copy(start[previous]!, size[previous]!);
      out.push(out.at(start[previous]!));
    } else break;
    if (previous >= 0 && next < 4096) {
      // The new code: the previous string and the first byte of this one.
      start[next] = start[previous]!;
      size[next] = size[previous]! + 1;
      next++;
    }
    start[code] = at;
    size[code] = out.length - at;
    previous = code;
    if (next + earlyChange >= 1 << width && width < 12) width++;
  }
  return out.bytes();
}

function runLengthDecode(data: Uint8Array, budget: ReadBudget): Uint8Array {
  const out = new ByteSink(budget);
  for (let p = 0; p < data.length;) {
    const n = data[p++]!;
    if (n === 128) break;
    if (n < 128) for (let k = 0; k <= n && p < data.length; k++) out.push(data[p++]!);
    else {
      const b = data[p++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return out.bytes();
}

function ascii85Decode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  for (let p = 0; p < data.length; p++) {
    const c = data[p]!;
    if (c === 0x7e) break;
    if (isWhite(c)) continue;
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) {
      const v = group.reduce((a, d) => a * 85 + d, 0);
      out.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
      group.length = 0;
    }
  }
  if (group.length > 1) {
    const n = group.length - 1;
    while (group.length < 5) group.push(84);
    const v = group.reduce((a, d) => a * 85 + d, 0);
    out.push(...[(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff].slice(0, n));
  }
  return Uint8Array.from(out);
}
