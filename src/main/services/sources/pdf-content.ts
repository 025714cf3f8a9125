// A PDF page's content read before and beside pdfjs: how many drawing
// operations it holds (its content streams and the forms it draws, each as
// often as it is drawn) and how deep it nests graphics states, counted before
// pdfjs parses the page, so a page of a million lines is refused before it is
// parsed; the fonts pdfjs will read for its text inflated under the budget
// first, the glyph programs of Type 3 fonts counted as drawing; and, for a page that holds a table, its paths as the operator list
// pdfjs would give (save, restore, transform, forms, painted paths) for the
// rulings of its tables — without pdfjs' operator list, which builds glyph
// outlines for every character and parses every Type 3 glyph's program.
import type { ReadBudget } from './budget';
import { isStream, type PdfObjects, type PdfStream } from './pdf-objects';
import { isWhite, Lexer, nameOf, numberOf, PdfRef, Tok, tokensAtMost, type PdfDict } from './pdf-syntax';

/** Forms drawn inside forms deeper than this are not followed (pdfjs draws them, but no real page nests so). */
const MAX_FORM_DEPTH = 12;
/** Parents a page inherits its resources through at most. */
const MAX_PARENTS = 64;

/**
 * What a content stream holds: its operations (every operator and operand),
 * how deep it nests graphics states (q … Q), and the XObjects it draws by
 * name, with how often and at what nesting.
 */
interface ContentCost {
  operations: number;
  nesting: number;
  draws: Map<string, { times: number; depth: number }>;
}

/** What a form or a page costs once its forms are drawn in: operations, and graphics states nested. */
interface Cost {
  operations: number;
  nesting: number;
}

/** After the keyword ID of an inline image: the position after its data and the EI that ends it. */
function skipInlineImage(bytes: Uint8Array, from: number, limit: number): number {
  for (let k = from + 1; k + 1 < limit; k++) {
    if (bytes[k] === 0x45 && bytes[k + 1] === 0x49 && isWhite(bytes[k - 1]) && (k + 2 >= limit || isWhite(bytes[k + 2]))) return k + 2;
  }
  return limit;
}

/** What `bytes` costs; lexing stops once past `most` operations (the count is then past the limit, and that is all the budget needs). */
function contentCost(bytes: Uint8Array, most: number): ContentCost {
  const lex = new Lexer(bytes);
  const draws = new Map<string, { times: number; depth: number }>();
  let operations = 0;
  let depth = 0;
  let nesting = 0;
  let lastName: string | undefined;
  for (let kind = lex.next(); kind !== Tok.Eof && operations <= most; kind = lex.next()) {
    operations++;
    if (kind === Tok.Name) {
      lastName = lex.text(kind);
      continue;
    }
    if (kind === Tok.Keyword) {
      if (lex.is('q')) nesting = Math.max(nesting, ++depth);
      else if (lex.is('Q')) depth = Math.max(0, depth - 1);
      else if (lex.is('Do') && lastName !== undefined) {
        const seen = draws.get(lastName);
        draws.set(lastName, { times: (seen?.times ?? 0) + 1, depth: Math.max(seen?.depth ?? 0, depth) });
      } else if (lex.is('ID')) lex.pos = skipInlineImage(bytes, lex.pos, bytes.length);
    }
    lastName = undefined;
  }
  return { operations, nesting, draws };
}

/** The operator codes of pdfjs' operator lists (pdfjs' OPS), as `rulings` reads them. */
export type OperatorCodes = Readonly<Record<string, number>>;

/** An operator list in pdfjs' shape, of the operators the table rulings read; and how many path points it holds. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
  points: number;
}

/** pdfjs' path drawing codes inside a constructPath operation. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 4 } as const;

/** The PDF painting operators and pdfjs' names for them. */
const PAINTS: Readonly<Record<string, string>> = {
  S: 'stroke',
  s: 'closeStroke',
  f: 'fill',
  F: 'fill',
  'f*': 'eoFill',
  B: 'fillStroke',
  'B*': 'eoFillStroke',
  b: 'closeFillStroke',
  'b*': 'closeEOFillStroke',
  n: 'endPath',
};
const CLOSING = new Set(['s', 'b', 'b*']);

/** How many bytes of `data` are `byte`. */
function bytesEqual(data: Uint8Array, byte: number): number {
  let n = 0;
  for (let k = 0; k < data.length; k++) if (data[k] === byte) n++;
  return n;
}

/** A glyph program not lexed yet, and at most how many operations it holds. */
interface Unlexed {
  data: Uint8Array;
  atMost: number;
}

const atMost = (programs: readonly Unlexed[]) => programs.reduce((n, p) => n + p.atMost, 0);
const operationsOf = (programs: readonly Unlexed[], most: number) => programs.reduce((n, p) => n + contentCost(p.data, most).operations, 0);

export class PdfPages {
  private readonly formCosts = new Map<PdfStream, Cost>();
  private readonly fontsRead = new Set<PdfDict>();
  /** Glyph programs of Type 3 fonts met inside forms, not yet counted against a page. */
  private sharedOperations = 0;
  /**
   * Glyph programs of the fonts the page being counted is the first to use,
   * not lexed yet: a bound of their operations (tokensAtMost) is counted,
   * and they are lexed only where that bound could break a limit. The counts
   * refuse exactly the files they refused, and a Chromium-printed report's
   * thousands of glyph programs (which pdfjs parses anyway) are not lexed twice.
   */
  private pageGlyphs: Unlexed[] = [];
  /** Glyph programs past their page's check, counted toward the file's total only once their bound could break it. */
  private fileGlyphs: Unlexed[] = [];

  constructor(
    private readonly objects: PdfObjects,
    private readonly budget: ReadBudget,
  ) {}

  private pageDict(ref: { num: number; gen: number }): PdfDict | undefined {
    return this.objects.dict(new PdfRef(ref.num, ref.gen));
  }

  /** The page's resources, its own or inherited from the page tree above it. */
  private resources(page: PdfDict): PdfDict | undefined {
    let node: PdfDict | undefined = page;
    for (let k = 0; node && k < MAX_PARENTS; k++) {
      const own = this.objects.dict(node.get('Resources'));
      if (own) return own;
      node = this.objects.dict(node.get('Parent'));
    }
    return undefined;
  }

  private async contents(page: PdfDict): Promise<Uint8Array[]> {
    const value = this.objects.resolve(page.get('Contents'));
    const parts = Array.isArray(value) ? value : [value];
    const out: Uint8Array[] = [];
    for (const part of parts) {
      const stream = this.objects.resolve(part);
      if (isStream(stream)) {
        const data = await this.objects.decoded(stream);
        if (data) out.push(data);
      }
    }
    return out;
  }

  private xobject(resources: PdfDict | undefined, name: string): PdfStream | undefined {
    const xobjects = this.objects.dict(resources?.get('XObject'));
    const x = this.objects.resolve(xobjects?.get(name));
    return isStream(x) ? x : undefined;
  }

  /** What a content draws by name costs: each form's operations as often as it is drawn, its nesting on top of where it is drawn. */
  private async drawsCost(own: ContentCost, resources: PdfDict | undefined, depth: number, open: Set<PdfStream>): Promise<Cost> {
    const cost: Cost = { operations: own.operations, nesting: own.nesting };
    for (const [name, drawn] of own.draws) {
      const form = this.xobject(resources, name);
      if (!form || nameOf(form.dict.get('Subtype')) !== 'Form' || open.has(form) || depth >= MAX_FORM_DEPTH) continue;
      const inner = await this.formCost(form, resources, depth + 1, open);
      cost.operations += drawn.times * inner.operations;
      cost.nesting = Math.max(cost.nesting, drawn.depth + 1 + inner.nesting);
    }
    return cost;
  }

  private async formCost(form: PdfStream, parentResources: PdfDict | undefined, depth: number, open: Set<PdfStream>): Promise<Cost> {
    const known = this.formCosts.get(form);
    if (known) return known;
    const data = await this.objects.decoded(form);
    if (!data) return { operations: 0, nesting: 0 };
    const resources = this.objects.dict(form.dict.get('Resources')) ?? parentResources;
    open.add(form);
    const cost = await this.drawsCost(contentCost(data, this.budget.limits.pageOperations), resources, depth, open);
    this.sharedOperations += await this.fontStreams(resources);
    open.delete(form);
    this.formCosts.set(form, cost);
    return cost;
  }

  /**
   * The font programs and CMaps of the fonts the resources name (directly or
   * through a graphics state), which pdfjs reads for the text: inflated once,
   * for their size to count against the budget before pdfjs reads them. pdfjs
   * also parses every glyph program of a Type 3 font once, even for text
   * alone: their drawing operations are returned, the first time a font is met.
   */
  private async fontStreams(resources: PdfDict | undefined, depth = 0): Promise<number> {
    const fonts = [...(this.objects.dict(resources?.get('Font'))?.values() ?? [])];
    for (const state of this.objects.dict(resources?.get('ExtGState'))?.values() ?? []) {
      const font = this.objects.resolve(this.objects.dict(state)?.get('Font'));
      if (Array.isArray(font) && font[0] !== undefined) fonts.push(font[0]);
    }
    let type3 = 0;
    for (const value of fonts) {
      const font = this.objects.dict(value);
      if (!font || this.fontsRead.has(font)) continue;
      this.fontsRead.add(font);
      if (nameOf(font.get('Subtype')) === 'Type3') type3 += await this.glyphProgramsCost(font, depth);
      const descendant = this.objects.resolve(font.get('DescendantFonts'));
      const parts = [font, ...(Array.isArray(descendant) ? [this.objects.dict(descendant[0])] : [])];
      const streams = parts.flatMap((part) => {
        const descriptor = this.objects.dict(part?.get('FontDescriptor'));
        return [part?.get('ToUnicode'), part?.get('Encoding'), ...['FontFile', 'FontFile2', 'FontFile3'].map((k) => descriptor?.get(k))];
      });
      for (const value of streams) {
        const stream = this.objects.resolve(value);
        if (isStream(stream)) await this.objects.inflatedOnce(stream);
      }
    }
    return type3;
  }

  /** The drawing operations of a Type 3 font's glyph programs and of the fonts they use in turn (at most MAX_FORM_DEPTH deep). */
  private async glyphProgramsCost(font: PdfDict, depth: number): Promise<number> {
    let total = 0;
    for (const proc of this.objects.dict(font.get('CharProcs'))?.values() ?? []) {
      const stream = this.objects.resolve(proc);
      const data = isStream(stream) ? await this.objects.decoded(stream, false) : undefined;
      if (!data) continue;
      // Each saved state is a "q" token: a program with few tokens or few q's cannot nest past the limit, and waits (see pageGlyphs).
      const tokens = tokensAtMost(data);
      if (tokens <= this.budget.limits.depth || bytesEqual(data, 0x71) <= this.budget.limits.depth)
        this.pageGlyphs.push({ data, atMost: tokens });
      else {
        const cost = contentCost(data, this.budget.limits.pageOperations);
        total += cost.operations;
        this.budget.nesting(cost.nesting);
      }
      this.budget.time();
    }
    if (depth < MAX_FORM_DEPTH) total += await this.fontStreams(this.objects.dict(font.get('Resources')), depth + 1);
    return total;
  }

  /** Counts page `number`'s drawing operations and nesting against the budget before pdfjs reads the page. */
  async count(number: number, ref: { num: number; gen: number }): Promise<void> {
    const page = this.pageDict(ref);
    if (!page) return;
    const resources = this.resources(page);
    let operations = 0;
    let nesting = 0;
    for (const data of await this.contents(page)) {
      const cost = await this.drawsCost(contentCost(data, this.budget.limits.pageOperations), resources, 0, new Set());
      operations += cost.operations;
      nesting = Math.max(nesting, cost.nesting);
      this.budget.time();
    }
    let shared = (await this.fontStreams(resources)) + this.sharedOperations;
    this.sharedOperations = 0;
    const glyphs = this.pageGlyphs;
    this.pageGlyphs = [];
    const most = this.budget.limits.pageOperations;
    if (operations + shared + atMost(glyphs) > most) shared += operationsOf(glyphs, most);
    else this.fileGlyphs.push(...glyphs);
    this.budget.pageOperations(number, operations, shared);
    if (atMost(this.fileGlyphs) > this.budget.operationsLeft) {
      this.budget.fileOperations(number, operationsOf(this.fileGlyphs, most));
      this.fileGlyphs = [];
    }
    // pdfjs keeps each saved graphics state on top of the one before: nesting costs it time by its square.
    this.budget.nesting(nesting);
  }

  /** The page's painted paths, transforms and forms as pdfjs' operator list has them (see `rulings`). */
  async drawing(ref: { num: number; gen: number }, ops: OperatorCodes): Promise<OperatorList> {
    const list: OperatorList = { fnArray: [], argsArray: [], points: 0 };
    const page = this.pageDict(ref);
    if (!page) return list;
    const resources = this.resources(page);
    // A page's content streams are one content, and may break anywhere between tokens.
    const parts = await this.contents(page);
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
    let at = 0;
    for (const p of parts) {
      whole.set(p, at);
      whole[at + p.length] = 0x0a;
      at += p.length + 1;
    }
    await this.paths(whole, resources, ops, list, 0, new Set());
    return list;
  }

  private async paths(
    bytes: Uint8Array,
    resources: PdfDict | undefined,
    ops: OperatorCodes,
    list: OperatorList,
    depth: number,
    open: Set<PdfStream>,
  ): Promise<void> {
    const add = (name: string, args: unknown[] | null) => {
      list.fnArray.push(ops[name]!);
      list.argsArray.push(args);
    };
    const lex = new Lexer(bytes);
    const operands: number[] = [];
    let lastName: string | undefined;
    let path: number[] = [];
    let [x0, y0] = [0, 0];
    for (let kind = lex.next(); kind !== Tok.Eof; kind = lex.next()) {
      if (kind === Tok.Number) {
        operands.push(lex.num);
        continue;
      }
      if (kind === Tok.Name) {
        lastName = lex.text(kind);
        continue;
      }
      if (kind !== Tok.Keyword) {
        operands.length = 0;
        continue;
      }
      const op = lex.text(kind);
      const a = operands;
      switch (op) {
        case 'q':
          add('save', null);
          break;
        case 'Q':
          add('restore', null);
          break;
        case 'cm':
          if (a.length >= 6) add('transform', a.slice(-6));
          break;
        case 'm':
          if (a.length >= 2) path.push(DRAW.moveTo, (x0 = a[a.length - 2]!), (y0 = a[a.length - 1]!));
          break;
        case 'l':
          if (a.length >= 2) path.push(DRAW.lineTo, (x0 = a[a.length - 2]!), (y0 = a[a.length - 1]!));
          break;
        case 'c':
          if (a.length >= 6) path.push(DRAW.curveTo, ...a.slice(-6));
          if (a.length >= 6) [x0, y0] = [a[a.length - 2]!, a[a.length - 1]!];
          break;
        case 'v':
          if (a.length >= 4) path.push(DRAW.curveTo, x0, y0, ...a.slice(-4));
          if (a.length >= 4) [x0, y0] = [a[a.length - 2]!, a[a.length - 1]!];
          break;
        case 'y':
          if (a.length >= 4) path.push(DRAW.curveTo, ...a.slice(-4), a[a.length - 2]!, a[a.length - 1]!);
          if (a.length >= 4) [x0, y0] = [a[a.length - 2]!, a[a.length - 1]!];
          break;
        case 'h':
          path.push(DRAW.closePath);
          break;
        case 're':
          if (a.length >= 4) {
            const [x, y, w, h] = a.slice(-4) as [number, number, number, number];
            [x0, y0] = [x, y];
            if (w === 0 || h === 0) path.push(DRAW.moveTo, x, y, DRAW.lineTo, x + w, y + h, DRAW.closePath);
            else path.push(DRAW.moveTo, x, y, DRAW.lineTo, x + w, y, DRAW.lineTo, x + w, y + h, DRAW.lineTo, x, y + h, DRAW.closePath);
          }
          break;
        case 'Do': {
          const form = lastName === undefined ? undefined : this.xobject(resources, lastName);
          if (!form || nameOf(form.dict.get('Subtype')) !== 'Form' || open.has(form) || depth >= MAX_FORM_DEPTH) break;
          const data = await this.objects.decoded(form);
          if (!data) break;
          const matrix = this.objects.resolve(form.dict.get('Matrix'));
          const numbers = Array.isArray(matrix) ? matrix.map((v) => numberOf(this.objects.resolve(v))) : [];
          add('paintFormXObjectBegin', [
            numbers.length === 6 && numbers.every((n) => n !== undefined) ? new Float32Array(numbers) : null,
            null,
          ]);
          open.add(form);
          await this.paths(data, this.objects.dict(form.dict.get('Resources')) ?? resources, ops, list, depth + 1, open);
          open.delete(form);
          add('paintFormXObjectEnd', []);
          break;
        }
        case 'ID':
          lex.pos = skipInlineImage(bytes, lex.pos, bytes.length);
          break;
        default: {
          const paint = PAINTS[op];
          if (!paint) break;
          if (CLOSING.has(op)) path.push(DRAW.closePath);
          add('constructPath', [ops[paint], [path.length ? new Float32Array(path) : null], null]);
          list.points += path.length / 3;
          path = [];
        }
      }
      operands.length = 0;
      lastName = undefined;
    }
  }
}
