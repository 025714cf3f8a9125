// One budget for every document reader (Word, web page, .mhtml, PDF). A
// hostile file is small on disk and enormous once read: spans of 10^15
// columns, a million unclosed elements, nesting deeper than any stack, a
// stream that inflates a thousandfold, a page of a million drawings. Each
// reader counts what it builds as it builds it — cells of a grid after its
// spans, elements, nesting depth, text items, drawing operations, inflated
// bytes, pages, time — and the first count past its limit stops the read
// with one Chinese line naming the file and what was too large. The limits
// are far above any real report (a report is a few pages, three tables of a
// few hundred cells, a few thousand elements) and far below what would take
// seconds or hundreds of megabytes.
import { fail, type Result } from '../../../shared/api/result';

export const READER_LIMITS = {
  /** Cells one table covers once its spans are laid out (rows × the columns each cell spans). */
  tableCells: 100_000,
  /** Cells of all tables of one file together. */
  cells: 300_000,
  /** Elements and text nodes of a file's markup (XML parts, a web page). */
  elements: 150_000,
  /** Elements open inside each other (browsers stop at 512). */
  depth: 512,
  /** MIME parts inside each other in an .mhtml file (a saved page has two levels at most). */
  mimeDepth: 32,
  /** Characters of markup parsed (a Word file's XML parts, a web page). */
  markupChars: 16 * 1024 * 1024,
  /** Text items a PDF's pages yield together, and one page (its lines are sorted out item by item). */
  textItems: 100_000,
  pageTextItems: 20_000,
  /** Drawing operations of one PDF page (operators and their operands), with the forms it draws. */
  pageOperations: 400_000,
  /** Drawing operations of all pages of a PDF together. */
  operations: 2_500_000,
  /** Points of the paths drawn on a PDF page that holds a table (its rulings are paired with each other). */
  tablePagePoints: 20_000,
  /** Bytes of a file's compressed parts once inflated. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Pages of a PDF. */
  pages: 200,
  /** Milliseconds a read may take, a last guard behind the counts above. */
  millis: 20_000,
} as const;

export type ReaderLimits = { readonly [K in keyof typeof READER_LIMITS]: number };

const count = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
/** What to do about a file that is far larger than a report: the same advice whichever count it broke. */
const TRIM = '，不像一份年报：请只保留年报本身（删除与年报无关的内容、附件或图表）后另存，再导入';

/** A file refused by the budget or by its own format: one Chinese sentence naming it, as the reader's result. */
export class ReaderRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReaderRefusal';
  }
}

/** The counts of one file's read. Every check throws a ReaderRefusal; `refusalOf` turns it back into a value at the reader's boundary. */
export class ReadBudget {
  private cellsUsed = 0;
  private elementsUsed = 0;
  private textItemsUsed = 0;
  private operationsUsed = 0;
  private inflatedUsed = 0;
  private started: number;

  constructor(
    /** The file's name as the user knows it. */
    readonly fileName: string,
    readonly limits: ReaderLimits = READER_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  private refuse(code: string, what: string): never {
    throw new ReaderRefusal(code, `「${this.fileName}」${what}`);
  }

  /** A counter for one table: each call adds the cells a source cell covers (its spans laid out). */
  table(): (cells: number) => void {
    let used = 0;
    return (cells) => {
      used += cells;
      this.cellsUsed += cells;
      if (used > this.limits.tableCells) this.refuse('too_large', `中的表格单元格超过 ${count(this.limits.tableCells)} 个${TRIM}`);
      if (this.cellsUsed > this.limits.cells) this.refuse('too_large', `中各表格的单元格合计超过 ${count(this.limits.cells)} 个${TRIM}`);
    };
  }

  /** One more element or text node, opened at `depth`. */
  element(depth: number, maxDepth = this.limits.depth): void {
    if (++this.elementsUsed > this.limits.elements) this.refuse('too_large', `的内容元素超过 ${count(this.limits.elements)} 个${TRIM}`);
    this.nesting(depth, maxDepth);
    if ((this.elementsUsed & 0xfff) === 0) this.time();
  }

  /** How deep the file nests what it holds (elements, MIME parts, a PDF page's graphics states). */
  nesting(depth: number, maxDepth = this.limits.depth): void {
    if (depth > maxDepth)
      this.refuse('too_deep', `嵌套层级过深（超过 ${maxDepth} 层），无法读取：请用 Word/WPS 打开原文件（网页用浏览器打开）另存，再导入`);
  }

  /** Characters of markup about to be parsed. */
  markup(chars: number): void {
    if (chars > this.limits.markupChars) this.refuse('too_large', `的内容过大（超过 ${count(this.limits.markupChars)} 个字符）${TRIM}`);
  }

  /** A counter for the text items of PDF page `page`, each call adding those of one chunk pdfjs gives. */
  pageText(page: number): (items: number) => void {
    let used = 0;
    return (items) => {
      used += items;
      this.textItemsUsed += items;
      if (used > this.limits.pageTextItems)
        this.refuse('too_large', `PDF 第 ${page} 页的文字片段超过 ${count(this.limits.pageTextItems)} 个${TRIM}`);
      if (this.textItemsUsed > this.limits.textItems) this.refuse('too_large', `的文字片段超过 ${count(this.limits.textItems)} 个${TRIM}`);
    };
  }

  /**
   * The drawing operations PDF page `page` (1-based) draws itself (`own`: its
   * content and forms) and those read once for the whole file on its behalf
   * (`shared`: the glyph programs of fonts it is the first to use), counted
   * before the page is read.
   */
  pageOperations(page: number, own: number, shared = 0): void {
    if (own + shared > this.limits.pageOperations)
      this.refuse('too_complex', `PDF 第 ${page} 页绘图指令过多（超过 ${count(this.limits.pageOperations)} 条）${TRIM}`);
    this.fileOperations(page, own + shared);
  }

  /** Drawing operations counted toward the whole file only, once known while page `page` is counted (glyph programs of fonts earlier pages used). */
  fileOperations(page: number, n: number): void {
    this.operationsUsed += n;
    if (this.operationsUsed > this.limits.operations)
      this.refuse('too_complex', `各页绘图指令合计过多（到第 ${page} 页已超过 ${count(this.limits.operations)} 条）${TRIM}`);
  }

  /** Drawing operations the file may still have. */
  get operationsLeft(): number {
    return this.limits.operations - this.operationsUsed;
  }

  /** The points of the paths drawn on PDF page `page`, which holds a table, before its rulings are paired. */
  tablePagePoints(page: number, n: number): void {
    if (n > this.limits.tablePagePoints)
      this.refuse('too_complex', `PDF 第 ${page} 页绘图指令过多（表格所在页的线条超过 ${count(this.limits.tablePagePoints)} 段）${TRIM}`);
  }

  /** Bytes a compressed part inflated to; call as they come, not after. */
  inflated(bytes: number): void {
    this.inflatedUsed += bytes;
    if (this.inflatedUsed > this.limits.inflatedBytes)
      this.refuse('too_large', `解压后过大（超过 ${mb(this.limits.inflatedBytes)}）${TRIM}`);
  }

  /** Bytes still allowed to inflate. */
  get inflatedLeft(): number {
    return this.limits.inflatedBytes - this.inflatedUsed;
  }

  pages(n: number): void {
    if (n > this.limits.pages) this.refuse('too_large', `有 ${count(n)} 页（上限 ${this.limits.pages} 页）${TRIM}`);
  }

  /** Work that is not the file's (loading a library the first time) does not count against the read's time. */
  async notTimed<T>(work: () => Promise<T>): Promise<T> {
    const from = this.now();
    try {
      return await work();
    } finally {
      this.started += this.now() - from;
    }
  }

  /** The time spent so far; call between steps of a long read. */
  time(): void {
    if (this.now() - this.started > this.limits.millis)
      this.refuse('too_slow', `读取超过 ${this.limits.millis / 1000} 秒仍未完成，内容过于复杂${TRIM}`);
  }
}

/**
 * An error thrown while reading `fileName` as the Result its caller expects:
 * a refusal as itself; the engine running out of room for what the file
 * holds (a stack too deep, an array or buffer too long) as the file being
 * too complex — it is the file's doing, not a fault of the program.
 * Anything else is a fault of the program and is rethrown.
 */
export function refusalOf(err: unknown, fileName: string): Result<never> {
  if (err instanceof ReaderRefusal) return fail(err.code, err.message);
  if (err instanceof RangeError)
    return fail('too_complex', `「${fileName}」内容结构过于复杂，无法读取：请用 Word/WPS 打开原文件（网页用浏览器打开）另存，再导入`);
  throw err;
}

/** Runs a reader of `fileName`, turning a refusal thrown anywhere inside it into its result. */
export async function withinBudget<T>(fileName: string, read: () => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
  try {
    return await read();
  } catch (err) {
    return refusalOf(err, fileName);
  }
}
