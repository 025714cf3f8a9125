// A Word file (.docx, from Word, WPS, LibreOffice or nianbao) as a document:
// its body's paragraphs and tables in order. A table's cells keep their
// spans — gridSpan across, vMerge down — so the finder sees the template's
// merged labels; Word's automatic numbering ("一、" generated from a list) is
// written out, since a heading's number is part of how it is recognised.
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { fail, ok, type Result } from '../../../shared/api/result';
import { LEGACY_EXTENSIONS } from '../../../shared/formats';
import { buildGrid, type SourceGridCell } from '../tables';
import { oleKind, scanZip } from '../zip';
import { cellRaw } from './cells';
import { joinContinuedTables, type DocumentBlock, type SourceDocument } from './document';

/** The parts read (document, numbering, relationships) inflate to at most this: 24 MB of XML is a book, not a report. */
const LIMITS = { totalBytes: 24 * 1024 * 1024, entries: 10_000 };
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

/** Counters of Word's lists, turning a numbered paragraph's numPr into the text Word shows ("三、"). */
class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: Buffer | undefined) {
    if (!xml) return;
    const root = parseDocument(xml.toString('utf8'), { xmlMode: true });
    const abstract = new Map<string, Map<number, Level>>();
    const all = root.children.filter(isElement).flatMap((n) => children(n));
    for (const node of all) {
      if (local(node.name) !== 'abstractNum') continue;
      const lvls = new Map<number, Level>();
      for (const lvl of children(node).filter((c) => local(c.name) === 'lvl')) {
        lvls.set(Number(attr(lvl, 'ilvl') ?? 0), {
          format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
          text: attr(child(lvl, 'lvlText'), 'val') ?? '',
          start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
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
    const ilvl = Number(attr(child(numPr, 'ilvl'), 'val') ?? 0);
    const levels = this.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
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
    else if (local(n.name) === 'tbl') for (const row of tableRows(n)) for (const c of row) lines.push(cellText(c, numbering));
  }
  return lines.join('\n');
}

function tableRows(tbl: Element): Element[][] {
  return flatten(children(tbl))
    .filter((n) => local(n.name) === 'tr')
    .map((tr) => flatten(children(tr)).filter((n) => local(n.name) === 'tc'));
}

function tableCells(tbl: Element, numbering: Numbering): SourceGridCell[] {
  const cells: SourceGridCell[] = [];
  const open = new Map<number, SourceGridCell>();
  const trs = flatten(children(tbl)).filter((n) => local(n.name) === 'tr');
  trs.forEach((tr, i) => {
    const r = i + 1;
    let c = 1 + Number(attr(child(child(tr, 'trPr') ?? tr, 'gridBefore'), 'val') ?? 0);
    for (const tc of flatten(children(tr)).filter((n) => local(n.name) === 'tc')) {
      const pr = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(child(pr ?? tc, 'gridSpan'), 'val') ?? 1));
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

function bodyBlocks(body: Element, numbering: Numbering): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let tables = 0;
  for (const n of flatten(children(body))) {
    const name = local(n.name);
    if (name === 'p') blocks.push({ kind: 'text', text: paragraphText(n, numbering) });
    else if (name === 'tbl') blocks.push({ kind: 'table', grid: buildGrid(`表格 ${++tables}`, tableCells(n, numbering)) });
  }
  return blocks;
}

/** The main part's name, as the package's relationships say (Word calls it word/document.xml). */
function mainPart(kept: Map<string, Buffer>): string | undefined {
  const rels = kept.get('_rels/.rels');
  if (rels) {
    const root = parseDocument(rels.toString('utf8'), { xmlMode: true });
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
export async function docxDocument(bytes: Buffer, name: string): Promise<Result<SourceDocument>> {
  const broken = fail<SourceDocument>(
    'not_docx',
    `「${name}」已损坏或不是 Word 文档（.docx）：请在 Word/WPS 中打开确认，另存为 .docx 后再导入`,
  );
  const ole = oleKind(bytes);
  if (ole === 'encrypted')
    return fail('encrypted', `「${name}」设有打开密码（已加密），无法读取：请在 Word/WPS 中取消文档密码，另存为 .docx 后再导入`);
  if (ole === 'legacy') return fail('legacy_doc', `「${name}」是旧版 Word 格式（.doc）：${LEGACY_EXTENSIONS['.doc']}`);
  const scan = await scanZip(bytes, { limits: LIMITS, keep: (part) => WANTED.test(part) });
  if (!scan.ok) {
    if (scan.failure === 'too_large')
      return fail('too_large', `「${name}」解压后过大：请删除文档中与年报无关的内容（如大量图片）后另存再导入`);
    if (scan.failure === 'encrypted')
      return fail('encrypted', `「${name}」设有密码，无法读取：请在 Word/WPS 中取消密码，另存为 .docx 后再导入`);
    return broken;
  }
  const partName = mainPart(scan.value.kept);
  const part = partName ? scan.value.kept.get(partName) : undefined;
  if (!partName || !part) return broken;
  const folder = partName.slice(0, partName.lastIndexOf('/') + 1);
  const numbering = new Numbering(scan.value.kept.get(`${folder}numbering.xml`));
  const root = parseDocument(part.toString('utf8'), { xmlMode: true });
  const document = root.children.filter(isElement).find((n) => local(n.name) === 'document');
  const body = document && child(document, 'body');
  if (!body) return broken;
  return ok({ blocks: joinContinuedTables(bodyBlocks(body, numbering)) });
}
