// PDF's own syntax (ISO 32000-1 §7.2–7.3), read byte by byte: a lexer over a
// file's or a content stream's bytes, and the values it makes (numbers,
// names, strings, arrays, dictionaries, references). Used to find a file's
// objects and count its pages' drawing operations before pdfjs reads them;
// never recursive, so no nesting in a hostile file can reach the stack.

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string's bytes, as written (undecoded). */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;

export const enum Tok {
  Eof,
  Number,
  Name,
  String,
  HexString,
  Keyword,
  ArrayOpen,
  ArrayClose,
  DictOpen,
  DictClose,
}

/** Byte classes: 1 whitespace, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const ch of '()<>[]{}/%') CLASS[ch.charCodeAt(0)] = 2;

export const isWhite = (b: number | undefined) => b !== undefined && CLASS[b] === 1;
export const isRegular = (b: number | undefined) => b !== undefined && CLASS[b] === 0;

const ZERO = 0x30;
const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;

/** Tokens of PDF syntax from `start` to `end` of `bytes`; each `next()` leaves the token's kind, its bounds and (for a number) its value. */
export class Lexer {
  pos: number;
  /** Where the last token began and ended. */
  start = 0;
  end = 0;
  num = 0;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly limit = bytes.length,
  ) {
    this.pos = start;
  }

  next(): Tok {
    const b = this.bytes;
    const limit = this.limit;
    let p = this.pos;
    for (;;) {
      while (p < limit && CLASS[b[p]!] === 1) p++;
      if (p < limit && b[p] === 0x25) {
        // A comment runs to the end of its line.
        while (p < limit && b[p] !== 0x0a && b[p] !== 0x0d) p++;
        continue;
      }
      break;
    }
    this.start = p;
    if (p >= limit) {
      this.pos = this.end = limit;
      return Tok.Eof;
    }
    const c = b[p]!;
    let kind: Tok;
    if (c === 0x28) {
      p = skipLiteral(b, p + 1, limit);
      kind = Tok.String;
    } else if (c === 0x3c) {
      if (b[p + 1] === 0x3c) {
        p += 2;
        kind = Tok.DictOpen;
      } else {
        const close = b.indexOf(0x3e, p + 1);
        p = close < 0 || close >= limit ? limit : close + 1;
        kind = Tok.HexString;
      }
    } else if (c === 0x3e) {
      p += b[p + 1] === 0x3e ? 2 : 1;
      kind = Tok.DictClose;
    } else if (c === 0x5b) {
      p++;
      kind = Tok.ArrayOpen;
    } else if (c === 0x5d) {
      p++;
      kind = Tok.ArrayClose;
    } else if (c === 0x2f) {
      p++;
      while (p < limit && CLASS[b[p]!] === 0) p++;
      kind = Tok.Name;
    } else if (c === 0x7b || c === 0x7d || c === 0x29) {
      // PostScript braces (in functions), a stray ')': one-byte keywords.
      p++;
      kind = Tok.Keyword;
    } else if ((c >= ZERO && c <= ZERO + 9) || c === DOT || c === MINUS || c === PLUS) {
      const at = p;
      while (p < limit && CLASS[b[p]!] === 0) p++;
      this.num = parseNumber(b, at, p);
      kind = Number.isNaN(this.num) ? Tok.Keyword : Tok.Number;
    } else {
      while (p < limit && CLASS[b[p]!] === 0) p++;
      kind = Tok.Keyword;
    }
    this.pos = this.end = p;
    return kind;
  }

  /** The last token's bytes as text (latin1): a keyword, or a name without its slash and with #xx escapes decoded. */
  text(kind: Tok): string {
    if (kind !== Tok.Name) return latin1(this.bytes, this.start, this.end);
    const raw = latin1(this.bytes, this.start + 1, this.end);
    return raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : raw;
  }

  /** Whether the last token is the keyword `word`. */
  is(word: string): boolean {
    if (this.end - this.start !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (this.bytes[this.start + k] !== word.charCodeAt(k)) return false;
    return true;
  }
}

/**
 * At most how many tokens the Lexer finds in `bytes`, counted without
 * building them: a token starts at a delimiter or at a regular byte after a
 * whitespace or delimiter (every token the Lexer ends does so at one), so
 * counting those starts never counts fewer. Strings, comments and inline
 * image data count more than they are; ordinary content is counted exactly.
 */
export function tokensAtMost(bytes: Uint8Array): number {
  let n = 0;
  let before = 1;
  for (let k = 0; k < bytes.length; k++) {
    const kind = CLASS[bytes[k]!]!;
    if (kind === 2 || (kind === 0 && before !== 0)) n++;
    before = kind;
  }
  return n;
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to && k - from < 256; k++) s += String.fromCharCode(b[k]!);
  return s;
}

/** After an opening parenthesis: the end of a literal string (balanced parentheses, backslash escapes). */
function skipLiteral(b: Uint8Array, p: number, limit: number): number {
  let depth = 1;
  while (p < limit) {
    const c = b[p++];
    if (c === 0x5c) p++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return p;
  }
  return limit;
}

/** A number as PDF writes it (sign, digits, one point); NaN where the token is not one. */
function parseNumber(b: Uint8Array, from: number, to: number): number {
  let p = from;
  let sign = 1;
  while (p < to && (b[p] === MINUS || b[p] === PLUS)) if (b[p++] === MINUS) sign = -sign;
  let value = 0;
  let digits = 0;
  while (p < to && b[p]! >= ZERO && b[p]! <= ZERO + 9) {
    value = value * 10 + b[p++]! - ZERO;
    digits++;
  }
  if (p < to && b[p] === DOT) {
    p++;
    let scale = 0.1;
    while (p < to && b[p]! >= ZERO && b[p]! <= ZERO + 9) {
      value += (b[p++]! - ZERO) * scale;
      scale /= 10;
      digits++;
    }
  }
  return digits > 0 ? sign * value : NaN;
}

/** Arrays and dictionaries nested deeper than this are not a real file's. */
const MAX_NESTING = 64;

/**
 * The value starting at the lexer's position: arrays and dictionaries built
 * with an explicit stack, "n g R" read as a reference. Undefined where the
 * bytes are not a value (or nest past any real file).
 */
export function parseValue(lex: Lexer): PdfValue | undefined {
  type Open = { items: PdfValue[]; dict: boolean };
  const stack: Open[] = [];
  for (;;) {
    const kind = lex.next();
    let value: PdfValue | undefined;
    switch (kind) {
      case Tok.Eof:
        return undefined;
      case Tok.ArrayOpen:
      case Tok.DictOpen:
        if (stack.length >= MAX_NESTING) return undefined;
        stack.push({ items: [], dict: kind === Tok.DictOpen });
        continue;
      case Tok.ArrayClose:
      case Tok.DictClose: {
        const open = stack.pop();
        if (!open) return undefined;
        value = open.dict ? toDict(open.items) : open.items;
        break;
      }
      case Tok.Number:
        value = referenceAfter(lex) ?? lex.num;
        break;
      case Tok.Name:
        value = new PdfName(lex.text(kind));
        break;
      case Tok.String:
      case Tok.HexString:
        value = new PdfString(lex.bytes.subarray(lex.start, lex.end));
        break;
      case Tok.Keyword:
        value = lex.is('true') ? true : lex.is('false') ? false : null;
        // A keyword that ends an object (endobj, stream) inside an unclosed array or dictionary ends the value.
        if (value === null && stack.length > 0 && !lex.is('null')) return undefined;
        break;
    }
    if (stack.length === 0) return value;
    stack[stack.length - 1]!.items.push(value);
  }
}

/** After a number: "g R" makes it a reference; otherwise the lexer is put back. */
function referenceAfter(lex: Lexer): PdfRef | undefined {
  const num = lex.num;
  const back = lex.pos;
  const [start, end] = [lex.start, lex.end];
  if (Number.isInteger(num) && num >= 0 && lex.next() === Tok.Number) {
    const gen = lex.num;
    if (Number.isInteger(gen) && lex.next() === Tok.Keyword && lex.is('R')) return new PdfRef(num, gen);
  }
  lex.pos = back;
  lex.start = start;
  lex.end = end;
  lex.num = num;
  return undefined;
}

function toDict(items: PdfValue[]): PdfDict {
  const dict: PdfDict = new Map();
  for (let k = 0; k + 1 < items.length; k += 2) {
    const key = items[k];
    if (key instanceof PdfName) dict.set(key.name, items[k + 1]!);
  }
  return dict;
}

export const nameOf = (v: PdfValue | undefined): string | undefined => (v instanceof PdfName ? v.name : undefined);
export const numberOf = (v: PdfValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
