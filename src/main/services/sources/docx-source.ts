// A Word file (.docx, from Word, WPS, LibreOffice or nianbao) as a document:
// its body's paragraphs and tables in order. A table's cells keep their
// spans — gridSpan across, vMerge down — so the finder sees the template's
// merged labels; Word's automatic numbering ("一、" generated from a list) is
// written out, since a heading's number is part of how it is recognised.
// Everything is read under the budget: the parts inflate to at most the
// markup limit, spans are clamped to the table's own grid, and the cells a
// table covers are counted as they are laid out.
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { fail, ok, type Result } from '../../../shared/api/result';
import { maxOf } from '../../../shared/math';
import { LEGACY_EXTENSIONS } from '../../../shared/formats';
import { buildGrid, type SourceGridCell } from '../tables';
import { oleKind, scanZip } from '../zip';
import type { ReadBudget } from './budget';
import { cellRaw } from './cell-text';
import { joinContinuedTables, type DocumentBlock, type SourceDocument } from './document';
import { parseMarkup } from './markup';

/** Entries of the package: a report has a few dozen parts. */
const MAX_ENTRIES = 10_000;
const WANTED = /^(?:_rels\/\.rels|[^/]+\/(?:document\d*|numbering)\.xml|[^/]+\/_rels\/document\d*\.xml\.rels)$/;

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const isElement = (n: AnyNode): n is Element => isTag(n);
const children = (n: Element) => n.children.filter(isElement);
const child = (n: Element, name: string) => children(n).find((c) => local(c.name) === name);
const attr = (n: Element | undefined, name: string) => {
  if (!n) return undefined;
  for (const [k, v] of Object.entries(n.attribs)) if (local(k) === name) return v;
  return undefined;
};

// ---- automatic numbering --------------------------------------------------

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseCount(n: number): string {
  if (n < 0 || n >= 100) return String(n);
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'japaneseCounting':
      return chineseCount(n);
    case 'upperLetter':
      return String.fromCharCode(64 + n);
    case 'lowerLetter':
      return String.fromCharCode(96 + n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

interface Level {
  format: string;
  text: string;
  start: number;
}

/** Word's lists have nine levels (w:ilvl 0–8); any other level is not one Word would show. */
const LIST_LEVELS = 9;
const listLevel = (value: string | undefined): number | undefined => {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n < LIST_LEVELS ? n : undefined;
};
/** A list's start as Word takes it (0–32767); anything else starts at 1. */
const listStart = (value: string | undefined): number => {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 0 && n <= 32_767 ? n : 1;
};

/** Counters of Word's lists, turning a numbered paragraph's numPr into the text Word shows ("三、"). */
class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: Buffer | undefined, budget: ReadBudget) {
    if (!xml) return;
    const root = parseMarkup(xml.toString('utf8'), budget, { xmlMode: true });
    const abstract = new Map<string, Map<number, Level>>();
    const all = root.children.filter(isElement).flatMap((n) => children(n));
    for (const node of all) {
      if (local(node.name) !== 'abstractNum') continue;
      const lvls = new Map<number, Level>();
      for (const lvl of children(node).filter((c) => local(c.name) === 'lvl')) {
        const ilvl = listLevel(attr(lvl, 'ilvl'));
        if (ilvl === undefined) continue;
        lvls.set(ilvl, {
          format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
          text: attr(child(lvl, 'lvlText'), 'val') ?? '',
          start: listStart(attr(child(lvl, 'start'), 'val')),
        });
      }
      abstract.set(attr(node, 'abstractNumId') ?? '', lvls);
    }
    for (const node of all) {
      if (local(node.name) !== 'num') continue;
      const levels = abstract.get(attr(child(node, 'abstractNumId'), 'val') ?? '');
      if (levels) this.levels.set(attr(node, 'numId') ?? '', levels);
    }
  }

  label(paragraph: Element): string {
    const numPr = child(child(paragraph, 'pPr') ?? paragraph, 'numPr');
    if (!numPr) return '';
    const numId = attr(child(numPr, 'numId'), 'val') ?? '';
    const ilvl = listLevel(attr(child(numPr, 'ilvl'), 'val'));
    const levels = this.levels.get(numId);
    const level = ilvl === undefined ? undefined : levels?.get(ilvl);
    if (!levels || !level || ilvl === undefined) return '';
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return formatNumber(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
  }
}

// ---- text -----------------------------------------------------------------

/** Parts of a paragraph that are not its shown text: deletions, moved-away text, field codes, drawings, properties. */
const SKIPPED = new Set([
  'del',
  'delText',
  'moveFrom',
  'instrText',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'rPr',
  'pPr',
  'footnoteReference',
  'commentReference',
]);

/** A run formatted as hidden text (w:vanish) is not shown, so not read. */
const hiddenRun = (run: Element) => {
  const vanish = child(child(run, 'rPr') ?? run, 'vanish');
  return vanish !== undefined && !['0', 'false'].includes(attr(vanish, 'val') ?? 'true');
};

function runText(node: AnyNode, out: string[]): void {
  if (isText(node)) return;
  if (!isElement(node)) return;
  const name = local(node.name);
  if (SKIPPED.has(name) || (name === 'r' && hiddenRun(node))) return;
  if (name === 't') {
    out.push(node.children.map((c) => (isText(c) ? c.data : '')).join(''));
    return;
  }
  if (name === 'tab') return void out.push(' ');
  if (name === 'br' || name === 'cr') return void out.push(attr(node, 'type') === 'page' ? '' : '\n');
  if (name === 'noBreakHyphen') return void out.push('-');
  for (const c of node.children) runText(c, out);
}

function paragraphText(p: Element, numbering: Numbering): string {
  const out: string[] = [numbering.label(p)];
  for (const c of p.children) runText(c, out);
  return out.join('');
}

/** Content inside a structured document tag or custom XML is read as if it stood in its place. */
function flatten(nodes: readonly Element[]): Element[] {
  return nodes.flatMap((n) => {
    const name = local(n.name);
    if (name === 'sdt') return flatten(children(child(n, 'sdtContent') ?? n));
    if (name === 'customXml' || name === 'smartTag') return flatten(children(n));
    return [n];
  });
}

function cellText(tc: Element, numbering: Numbering): string {
  const lines: string[] = [];
  for (const n of flatten(children(tc))) {
    if (local(n.name) === 'p') lines.push(paragraphText(n, numbering));
    else if (local(n.name) === 'tbl') for (const row of tableRows(n)) for (const c of row.cells) lines.push(cellText(c, numbering));
  }
  return lines.join('\n');
}

function tableRows(tbl: Element): { tr: Element; cells: Element[] }[] {
  return flatten(children(tbl))
    .filter((n) => local(n.name) === 'tr')
    .map((tr) => ({ tr, cells: flatten(children(tr)).filter((n) => local(n.name) === 'tc') }));
}

/** Columns a Word table may have where it does not list its grid (Word's own maximum). */
const MAX_WORD_COLUMNS = 63;

/** A count from an attribute, at least 1 and at most `max` (a span of 10^15 is the rest of the row). */
const clamped = (value: string | undefined, max: number): number => {
  const n = Math.trunc(Number(value ?? 1));
  return Number.isFinite(n) ? Math.min(Math.max(1, n), Math.max(1, max)) : 1;
};

function tableCells(tbl: Element, numbering: Numbering, budget: ReadBudget): SourceGridCell[] {
  const cells: SourceGridCell[] = [];
  const open = new Map<number, SourceGridCell>();
  const count = budget.table();
  const rows = tableRows(tbl);
  // The table's real width: the columns of its grid (w:tblGrid) as Word lays it out, or where a
  // writer listed too few, its widest row; with no grid at all, Word's maximum.
  const gridColumns = children(child(tbl, 'tblGrid') ?? tbl).filter((n) => local(n.name) === 'gridCol').length;
  const columns = Math.max(gridColumns || MAX_WORD_COLUMNS, maxOf(rows.map((row) => row.cells.length)));
  rows.forEach(({ tr, cells: tcs }, i) => {
    const r = i + 1;
    // Grid columns skipped before the first cell: at most the whole row.
    const before = Math.trunc(Number(attr(child(child(tr, 'trPr') ?? tr, 'gridBefore'), 'val') ?? 0));
    let c = 1 + (Number.isFinite(before) ? Math.min(Math.max(0, before), columns) : 0);
    for (const tc of tcs) {
      const pr = child(tc, 'tcPr');
      const span = clamped(attr(child(pr ?? tc, 'gridSpan'), 'val'), columns - c + 1);
      count(span);
      const vMerge = pr ? child(pr, 'vMerge') : undefined;
      const continues = vMerge !== undefined && (attr(vMerge, 'val') ?? 'continue') === 'continue';
      const master = continues ? open.get(c) : undefined;
      if (master) {
        master.rowSpan = r - master.r + 1;
      } else {
        const cell: SourceGridCell = { r, c, raw: cellRaw(cellText(tc, numbering)), colSpan: span, rowSpan: 1 };
        cells.push(cell);
        for (let k = c; k < c + span; k++) open.delete(k);
        if (vMerge !== undefined) open.set(c, cell);
      }
      c += span;
    }
  });
  return cells;
}

function bodyBlocks(body: Element, numbering: Numbering, budget: ReadBudget): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let tables = 0;
  for (const n of flatten(children(body))) {
    const name = local(n.name);
    if (name === 'p') blocks.push({ kind: 'text', text: paragraphText(n, numbering) });
    else if (name === 'tbl') blocks.push({ kind: 'table', grid: buildGrid(`表格 ${++tables}`, tableCells(n, numbering, budget)) });
  }
  return blocks;
}

/** The main part's name, as the package's relationships say (Word calls it word/document.xml). */
function mainPart(kept: Map<string, Buffer>, budget: ReadBudget): string | undefined {
  const rels = kept.get('_rels/.rels');
  if (rels) {
    const root = parseMarkup(rels.toString('utf8'), budget, { xmlMode: true });
    const stack: AnyNode[] = [...root.children];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      if (local(n.name) === 'Relationship' && /\/officeDocument$/.test(n.attribs.Type ?? ''))
        return (n.attribs.Target ?? '').replace(/^\//, '');
      for (const child of n.children) stack.push(child);
    }
  }
  return kept.has('word/document.xml') ? 'word/document.xml' : undefined;
}

/** A .docx file's body as a document, or one sentence saying why it cannot be read. */
export async function docxDocument(bytes: Buffer, name: string, budget: ReadBudget): Promise<Result<SourceDocument>> {
  const broken = fail<SourceDocument>(
    'not_docx',
    `「${name}」已损坏或不是 Word 文档（.docx）：请在 Word/WPS 中打开确认，另存为 .docx 后再导入`,
  );
  const ole = oleKind(bytes);
  if (ole === 'encrypted')
    return fail('encrypted', `「${name}」设有打开密码（已加密），无法读取：请在 Word/WPS 中取消文档密码，另存为 .docx 后再导入`);
  if (ole === 'legacy') return fail('legacy_doc', `「${name}」是旧版 Word 格式（.doc）：${LEGACY_EXTENSIONS['.doc']}`);
  // The parts kept are the XML parsed: they inflate to at most the markup the budget allows.
  const limits = { totalBytes: budget.limits.markupChars, entries: MAX_ENTRIES };
  const scan = await scanZip(bytes, { limits, keep: (part) => WANTED.test(part) });
  if (!scan.ok) {
    if (scan.failure === 'too_large')
      return fail('too_large', `「${name}」解压后过大：请删除文档中与年报无关的内容（如大量图片）后另存再导入`);
    if (scan.failure === 'encrypted')
      return fail('encrypted', `「${name}」设有密码，无法读取：请在 Word/WPS 中取消密码，另存为 .docx 后再导入`);
    return broken;
  }
  const partName = mainPart(scan.value.kept, budget);
  const part = partName ? scan.value.kept.get(partName) : undefined;
  if (!partName || !part) return broken;
  const folder = partName.slice(0, partName.lastIndexOf('/') + 1);
  const numbering = new Numbering(scan.value.kept.get(`${folder}numbering.xml`), budget);
  const root = parseMarkup(part.toString('utf8'), budget, { xmlMode: true });
  const document = root.children.filter(isElement).find((n) => local(n.name) === 'document');
  const body = document && child(document, 'body');
  if (!body) return broken;
  return ok({ blocks: joinContinuedTables(bodyBlocks(body, numbering, budget)) });
}
