// A web page (.html, .htm; the page inside an .mhtml) as a document: the
// report's own region of the page — the part that holds its headings and
// tables, not the site's navigation and footer — as paragraphs and tables.
// A table keeps rowspan/colspan; <br> in a label is a line break; &nbsp; is
// an empty cell. GBK pages are decoded by their meta charset.
import { parseDocument } from 'htmlparser2';
import { isTag, isText as isTextNode, type AnyNode, type Element, type Text } from 'domhandler';
import { buildGrid, type SourceGridCell } from '../tables';
import type { ReadBudget } from './budget';
import { parseMarkup } from './markup';
import { sectionHeading } from '../text/sections';
import { tidySpaces } from '../text/lines';
import { cellRaw } from './cell-text';
import { joinContinuedTables, type DocumentBlock, type SourceDocument } from './document';

// domhandler's own tests: a tag, script or style element; a text node.
const isElement = (n: AnyNode): n is Element => isTag(n);
const isText = (n: AnyNode): n is Text => isTextNode(n);

// ---- decoding -------------------------------------------------------------

const CHARSET_ALIASES: Readonly<Record<string, string>> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', utf8: 'utf-8' };

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  try {
    return new TextDecoder(CHARSET_ALIASES[name] ?? name);
  } catch {
    return undefined;
  }
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), read by a real parser. */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = parseDocument(bytes.toString('latin1', 0, Math.min(bytes.length, 8192)));
  const stack: AnyNode[] = [...head.children];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (!isElement(n)) continue;
    if (n.name === 'meta') {
      if (n.attribs.charset) return n.attribs.charset;
      const content = n.attribs.content ?? '';
      const at = content.toLowerCase().indexOf('charset=');
      if ((n.attribs['http-equiv'] ?? '').toLowerCase() === 'content-type' && at >= 0) return content.slice(at + 8).split(/[;\s]/)[0];
    }
    stack.unshift(...n.children);
  }
  return undefined;
}

/** A page's text: its BOM, the charset its transport named, its meta charset, else UTF-8 if it is valid, else GB18030. */
export function decodePage(bytes: Buffer, transportCharset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = decoderFor(transportCharset) ?? decoderFor(declaredCharset(bytes));
  if (declared) return declared.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

// ---- structure ------------------------------------------------------------

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'head',
  'select',
  'button',
  'textarea',
  'input',
  'object',
  'canvas',
  'map',
]);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'center',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'form',
  'hr',
  'address',
  'pre',
  'body',
  'html',
  'tr',
  'td',
  'th',
  'caption',
]);

function hidden(el: Element): boolean {
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden') || 'hidden' in el.attribs;
}

/** A node's parent element (undefined at the document's top level). */
const parentOf = (n: AnyNode): Element | undefined => (n.parent && isElement(n.parent) ? n.parent : undefined);

function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === name) out.push(n);
    // One at a time: a hostile page's element may have more children than a call takes arguments.
    for (const child of n.children) stack.push(child);
  }
  return out;
}

/**
 * Tables that hold another table, found in one pass: from each table up to
 * the first ancestor an earlier table already went through, so each element
 * is climbed once however deep the tables nest.
 */
function tablesHoldingTables(root: Element): Set<Element> {
  const holding = new Set<Element>();
  const climbed = new Set<Element>();
  for (const table of descendants(root, 'table')) {
    for (let up = parentOf(table); up && !climbed.has(up); up = parentOf(up)) {
      climbed.add(up);
      if (up.name === 'table') holding.add(up);
    }
  }
  return holding;
}

/** The rows of a table itself (not of tables nested in its cells). */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

/** Text of an element as lines: <br> and block elements break lines. Recursion is bounded by the parse's depth limit. */
function textLines(el: AnyNode, out: string[] = ['']): string[] {
  if (isText(el)) {
    out[out.length - 1] += el.data;
    return out;
  }
  if (!isElement(el) || SKIPPED.has(el.name) || hidden(el)) return out;
  if (el.name === 'br') {
    out.push('');
    return out;
  }
  const block = BLOCK.has(el.name);
  if (block && out[out.length - 1] !== '') out.push('');
  for (const c of el.children) textLines(c, out);
  if (block && out[out.length - 1] !== '') out.push('');
  return out;
}

const tidyLines = (lines: string[]) => lines.map(tidySpaces).filter(Boolean);

/** A layout table (a whole page laid out in a table) is walked like a <div>, not read as a grid. */
function isLayoutTable(table: Element, holding: ReadonlySet<Element>): boolean {
  if (holding.has(table)) return true;
  return tidyLines(textLines(table)).some((line) => sectionHeading(line) !== undefined || line.length > 120);
}

/** The most a cell spans across: a report's table is a dozen columns wide. */
const MAX_COLSPAN = 100;
/** A grid position as one number: columns stay far below this (the budget caps a table's cells). */
const ROW_STRIDE = 2 ** 21;

/** A span attribute as a count: at least 1, at most `max`. */
const spanOf = (value: string | undefined, max: number) => Math.max(1, Math.min(max, Number.parseInt(value ?? '1', 10) || 1));

function tableCells(table: Element, budget: ReadBudget): SourceGridCell[] {
  const cells: SourceGridCell[] = [];
  const taken = new Set<number>();
  const count = budget.table();
  const rows = ownRows(table);
  rows.forEach((tr, i) => {
    const r = i + 1;
    let c = 1;
    for (const td of tr.children) {
      if (!isElement(td) || (td.name !== 'td' && td.name !== 'th') || hidden(td)) continue;
      while (taken.has(r * ROW_STRIDE + c)) c++;
      // A span ends at the table's last row, as browsers lay it out; the cells it covers are counted before they are marked.
      const rowSpan = spanOf(td.attribs.rowspan, rows.length - i);
      const colSpan = spanOf(td.attribs.colspan, MAX_COLSPAN);
      count(rowSpan * colSpan);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add((r + dr) * ROW_STRIDE + c + dc);
      cells.push({ r, c, raw: cellRaw(tidyLines(textLines(td)).join('\n')), rowSpan, colSpan });
      c += colSpan;
    }
  });
  return cells;
}

interface PageBlock {
  block: DocumentBlock;
  /** The innermost element the block stands in (to find the report's region of the page). */
  at: Element | undefined;
}

/** Where each element starts and ends in the walk's order: an element holds another exactly when its span holds the other's. */
type Spans = Map<Element, { enter: number; exit: number }>;

/** The page's blocks in reading order, walked without recursion (a hostile page nests as deep as the budget allows). */
function pageBlocks(root: Element, budget: ReadBudget): { blocks: PageBlock[]; spans: Spans } {
  const blocks: PageBlock[] = [];
  const spans: Spans = new Map();
  const holding = tablesHoldingTables(root);
  let tables = 0;
  let line = '';
  let lineAt: Element | undefined;
  let tick = 0;
  const flush = () => {
    const text = tidySpaces(line);
    if (text) blocks.push({ block: { kind: 'text', text }, at: lineAt });
    line = '';
  };
  type Step = { node: AnyNode } | { leave: Element; block: boolean };
  const steps: Step[] = [];
  const pushChildren = (n: Element) => {
    for (let k = n.children.length - 1; k >= 0; k--) steps.push({ node: n.children[k]! });
  };
  pushChildren(root);
  while (steps.length > 0) {
    const step = steps.pop()!;
    if ('leave' in step) {
      if (step.block) flush();
      spans.get(step.leave)!.exit = tick++;
      continue;
    }
    const n = step.node;
    if (isText(n)) {
      if (line === '') lineAt = parentOf(n);
      line += n.data;
      continue;
    }
    if (!isElement(n) || SKIPPED.has(n.name) || hidden(n)) continue;
    if (n.name === 'br') {
      flush();
      continue;
    }
    spans.set(n, { enter: tick++, exit: Infinity });
    if (n.name === 'table' && !isLayoutTable(n, holding)) {
      flush();
      blocks.push({ block: { kind: 'table', grid: buildGrid(`表格 ${++tables}`, tableCells(n, budget)) }, at: n });
      spans.get(n)!.exit = tick++;
      continue;
    }
    const block = BLOCK.has(n.name) || n.name === 'table';
    if (block) flush();
    steps.push({ leave: n, block });
    pushChildren(n);
    if ((tick & 0xfff) === 0) budget.time();
  }
  flush();
  return { blocks, spans };
}

/**
 * The deepest element holding every one of `marks` (undefined: the page
 * itself). The chain of the first mark's ancestors only shortens; each
 * further mark climbs just until it meets the chain.
 */
function commonAncestor(marks: readonly (Element | undefined)[]): Element | undefined {
  const chain: Element[] = [];
  for (let up = marks[0]; up; up = parentOf(up)) chain.push(up);
  chain.reverse();
  const position = new Map(chain.map((el, k) => [el, k]));
  let length = chain.length;
  for (const mark of marks.slice(1)) {
    let up = mark;
    while (up && !((position.get(up) ?? Infinity) < length)) up = parentOf(up);
    length = up ? position.get(up)! + 1 : 0;
  }
  return length > 0 ? chain[length - 1] : undefined;
}

/** The innermost element holding all of the report's headings and tables: the article, not the site around it. */
function reportRegion(blocks: readonly PageBlock[], spans: Spans): { start: number; end: number } {
  const marks = blocks.filter((b) => b.block.kind === 'table' || sectionHeading(b.block.text) !== undefined);
  if (marks.filter((b) => b.block.kind === 'text').length < 2) return { start: 0, end: blocks.length };
  const region = commonAncestor(marks.map((m) => m.at));
  const outer = region && spans.get(region);
  const inside = (b: PageBlock) => {
    if (!outer) return true;
    const own = b.at && spans.get(b.at);
    return !!own && own.enter >= outer.enter && own.exit <= outer.exit;
  };
  const start = blocks.findIndex(inside);
  let end = start;
  while (end < blocks.length && inside(blocks[end]!)) end++;
  return { start, end };
}

function pageTitle(root: Element): string[] {
  const title = descendants(root, 'title')[0];
  if (!title) return [];
  // "XX局2023年政府信息公开工作年度报告_XX区人民政府门户网站": the site's name follows a separator.
  return tidyLines(textLines(title)).map((t) => t.split(/\s*[_|｜—–-]{1,2}\s*(?=[^_|｜—–-]*$)/)[0]!);
}

/** A web page's text as a document: the report's region, with the lines above it tried for the title. */
export function htmlDocument(html: string, budget: ReadBudget): SourceDocument {
  const root = parseMarkup(html, budget, { xmlMode: false }) as unknown as Element;
  const { blocks, spans } = pageBlocks(root, budget);
  const { start, end } = reportRegion(blocks, spans);
  const above = blocks.slice(0, start).flatMap((b) => (b.block.kind === 'text' ? [b.block.text] : []));
  return {
    blocks: joinContinuedTables(blocks.slice(start, end).map((b) => b.block)),
    titleHints: [...above, ...pageTitle(root)],
  };
}
