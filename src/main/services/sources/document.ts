// A document (Word file, web page, PDF) as every format hands it over: its
// blocks in reading order — paragraphs of text and tables as grids. One reader
// turns that into a report: the one table finder reads the grids, the
// narrative splitter the text, and the identity comes from the title, the
// preamble and the closing lines; the import record says where each came from.
import type { ImportRecord, MetaSource, SourceCell, TextRecord } from '../../../shared/api/import';
import { fail, ok, type Result } from '../../../shared/api/result';
import { NARRATIVE_IDS, sectionHeading, TABLE_IDS, type NarrativeId, type SectionId } from '../../../shared/template/gov2021';
import { OVERVIEW_PARTS } from '../../../shared/document/overview';
import { CELLS } from '../../../shared/model/cells';
import { reportingYear } from '../../../shared/model/dates';
import { blankReport } from '../../../shared/model/report';
import { inferLevel } from '../../../shared/template/levels';
import { buildGrid, readTables, type Grid, type Imported, type ReadTablesOptions, type SourceGridCell } from '../tables';
import { compiledBy, findTitleLines, periodYear, takeClosing } from '../text/identity-lines';
import { isContinuationMark, isSiteChrome } from '../text/lines';
import { splitSections, type TextBlock } from '../text/sections';
import { maxOf } from '../../../shared/math';

export type DocumentBlock = { kind: 'text'; text: string } | { kind: 'table'; grid: Grid };

export interface SourceDocument {
  blocks: DocumentBlock[];
  /** Titles the file names outside its text (a web page's <title>), tried after the text's own. */
  titleHints?: string[];
}

/** A grid's cells as a source hands them over again (to join two grids). */
function sourceCells(grid: Grid, rowOffset = 0, skipRows = 0): SourceGridCell[] {
  return grid.cells
    .filter((c) => !c.master && c.r > skipRows)
    .map((c) => ({ r: c.r - skipRows + rowOffset, c: c.c, raw: c.raw, rowSpan: c.bottom - c.r + 1, colSpan: c.right - c.c + 1 }));
}

const width = (g: Grid) => Math.max(0, maxOf(g.cells.map((c) => c.right)));
const height = (g: Grid) => Math.max(0, maxOf(g.cells.map((c) => c.bottom)));

/** Rows a repeated header may take. */
const HEADER_ROWS = 4;

/** The texts of a grid's first rows, each as one string (to see a header repeated). */
function headerRows(g: Grid): string[] {
  const rows: string[][] = Array.from({ length: HEADER_ROWS }, () => []);
  for (const c of g.cells) if (c.r <= HEADER_ROWS && !c.master) rows[c.r - 1]!.push(`${c.c}:${c.text}`);
  return rows.slice(0, Math.min(HEADER_ROWS, height(g))).map((r) => r.join('|'));
}

/** How many leading rows of `next` repeat the leading rows of the table it continues (a header repeated on a new page). */
function repeatedHeader(first: readonly string[], next: Grid): number {
  const again = headerRows(next);
  let k = 0;
  while (k < Math.min(first.length, again.length) && first[k] !== '' && first[k] === again[k]) k++;
  return k;
}

/** Consecutive tables read as one: their cells laid one under another, built into a grid once at the end. */
interface Run {
  index: number;
  width: number;
  height: number;
  header: string[];
  first: Grid;
  /** The joined cells, once a second table joins the first. */
  cells?: SourceGridCell[];
}

/**
 * A table that runs on in a second table (split by hand at a page break, or
 * one table per page) is one table: consecutive tables with only empty text
 * between them and the same columns are joined, the repeated header dropped.
 * Each table's cells are copied once, however many follow.
 */
export function joinContinuedTables(blocks: readonly DocumentBlock[]): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  let run: Run | undefined;
  const close = () => {
    if (run?.cells) out[run.index] = { kind: 'table', grid: buildGrid(run.first.sheet, run.cells) };
    run = undefined;
  };
  for (const block of blocks) {
    if (block.kind === 'text') {
      if (block.text.trim() !== '' && !isContinuationMark(block.text)) close();
      out.push(block);
      continue;
    }
    const w = width(block.grid);
    if (run && run.width === w) {
      const skip = repeatedHeader(run.header, block.grid);
      run.cells ??= sourceCells(run.first);
      for (const cell of sourceCells(block.grid, run.height, skip)) run.cells.push(cell);
      run.height += height(block.grid) - skip;
      continue;
    }
    close();
    out.push(block);
    run = { index: out.length - 1, width: w, height: height(block.grid), header: headerRows(block.grid), first: block.grid };
  }
  close();
  return out;
}

/** Where a document's identity lines are named in the record. */
const TEXT_SHEET = '正文';

const OVERVIEW_HEADINGS = OVERVIEW_PARTS.map((p) => p.heading);
const PART_NUMERALS = ['一', '二', '三', '四', '五'];
const PART_WORDS = OVERVIEW_HEADINGS.map((h) => h.replace(/^（[一二三四五]）/, ''));
/** "(一)" "（一）" "1." "1、" "第一，" before a part's words. */
const PART_NUMBER = /^(?:[（(]([一二三四五])[)）]|([1-5])\s*[、.．](?!\d)|第([一二三四五])[，,、])\s*/;

/** Writes the overview's parts as the template does ("（一）主动公开"), however the document numbered them. */
function normalisePart(line: string): { line: string; part?: string } {
  const m = PART_NUMBER.exec(line);
  if (!m) return { line };
  const index = m[1] ? PART_NUMERALS.indexOf(m[1]) : m[2] ? Number(m[2]) - 1 : PART_NUMERALS.indexOf(m[3]!);
  const words = line.slice(m[0].length);
  // Brackets mark a sub-heading whatever follows; a bare "1." only where the part's own words follow.
  if (!m[1] && !words.startsWith(PART_WORDS[index]!)) return { line };
  const numbered = `（${PART_NUMERALS[index]}）${words}`;
  return {
    line: numbered,
    part: words.startsWith(PART_WORDS[index]!) ? OVERVIEW_HEADINGS[index] : `（${PART_NUMERALS[index]}）${words.slice(0, 12)}`,
  };
}

/** The preamble: sentences before 一、 — a page's byline (发布日期：… 来源：…) is not one. */
const isSentence = (line: string) => /[。；]|[：:]$/.test(line) || (line.length > 40 && /[，,]/.test(line));

function headingsOf(ids: readonly SectionId[]): string {
  return ids.map(sectionHeading).join('；');
}

export interface ReadDocumentOptions extends ReadTablesOptions {
  /** How the document is called in messages ("Word 文档", "网页", "PDF"). */
  kind: string;
  /** This year's draft: its text is wanted even where it has no tables (yet). */
  allowNoTables?: boolean;
}

/** A document's text without tables, as an import with every cell not found (this year's draft, written before its figures). */
function textOnly(options: ReadDocumentOptions, agency: string | undefined, year: number | undefined): Imported {
  const named = inferLevel(agency ?? '');
  const level: NonNullable<ImportRecord['level']> = options.level
    ? { value: options.level, from: 'option' }
    : { value: named.level, from: named.inferred ? 'name' : 'default' };
  const value = year ?? reportingYear();
  const report = blankReport({ agency: agency ?? '', year: value, level: level.value });
  const cells = Object.fromEntries(CELLS.map((c) => [c.key, { key: c.key, status: 'not_found' as const }])) as ImportRecord['cells'];
  const record: ImportRecord = {
    fileName: options.fileName,
    tables: Object.fromEntries(TABLE_IDS.map((t) => [t, null])) as ImportRecord['tables'],
    cells,
    agency: { value: agency ?? '', from: agency ? 'option' : 'missing' },
    year: { value, from: year !== undefined ? 'option' : 'default' },
    level,
    counts: { matched: 0, guessed: 0, notFound: CELLS.length },
    notes: [],
  };
  return { report, record };
}

export function readDocument(doc: SourceDocument, options: ReadDocumentOptions): Result<Imported> {
  const name = options.fileName;
  const textBlocks: TextBlock[] = doc.blocks.map((b) => (b.kind === 'text' ? b : { kind: 'table' }));
  const split = splitSections(textBlocks);
  const title = findTitleLines(split.front) ?? findTitleLines(doc.titleHints ?? []);
  const inFront = title && findTitleLines(split.front) === title;
  const afterTitle = inFront ? split.front.slice(title.at + title.lines) : split.front;
  const preamble = afterTitle.filter(isSentence);
  // A page's footer or tools after 六 are not the report's: the section ends where they start.
  const chrome = split.narratives.other.findIndex(isSiteChrome);
  const closing = takeClosing(chrome < 0 ? split.narratives.other : split.narratives.other.slice(0, chrome));
  const parts: string[] = [];
  const overview = split.narratives.overview.map((l) => {
    const n = normalisePart(l);
    if (n.part) parts.push(n.part);
    return n.line;
  });
  const narratives: Record<NarrativeId, string> = {
    overview: overview.join('\n'),
    problems: split.narratives.problems.join('\n'),
    other: closing.lines.join('\n'),
  };

  const preambleText = preamble.join('\n');
  const periodYearFound = periodYear(preambleText);
  const compiler = compiledBy(preambleText);
  const titleSource: SourceCell | undefined = title ? { sheet: TEXT_SHEET, address: '标题', raw: title.raw } : undefined;
  const agency = pickMeta<string>([
    [options.agency, 'option'],
    [title?.agency, 'title', titleSource],
    [compiler, 'preamble', { sheet: TEXT_SHEET, address: '前言', raw: preamble.find((l) => l.includes(compiler ?? '\0')) ?? '' }],
    [closing.signature, 'signature', { sheet: TEXT_SHEET, address: '落款', raw: closing.signature ?? '' }],
  ]);
  const year = pickMeta<number>([
    [options.year, 'option'],
    [title?.year, 'title', titleSource],
    [periodYearFound, 'preamble', { sheet: TEXT_SHEET, address: '前言', raw: preamble.find((l) => periodYear(l) !== undefined) ?? '' }],
  ]);

  const grids = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
  const tables = readTables(grids, { fileName: name, agency: agency?.value, year: year?.value, level: options.level });
  const hasText = NARRATIVE_IDS.some((n) => split.headings[n]);
  const read = !tables.ok && options.allowNoTables && hasText ? ok(textOnly(options, agency?.value, year?.value)) : tables;
  if (!read.ok) {
    const headings = NARRATIVE_IDS.filter((n) => split.headings[n]).length;
    return fail(
      'no_tables',
      `「${name}」中没有找到年报的三张统计表（${headingsOf(TABLE_IDS)}）${headings > 0 ? '，只读到了文字' : ''}：请确认${options.kind}完整、表格不是图片，或改用 Word 原文件`,
    );
  }

  const notes: string[] = [];
  const found = TABLE_IDS.filter((t) => read.value.record.tables[t]);
  const missingTables = TABLE_IDS.filter((t) => !read.value.record.tables[t]);
  if (found.length === 0) notes.push(`${options.kind}中没有表格，只读了文字`);
  else if (missingTables.length > 0)
    notes.push(`${options.kind}中没有找到表格：${headingsOf(missingTables)}；已读到 ${found.length} 张表和文字`);
  const missingText = NARRATIVE_IDS.filter((n) => !split.headings[n]);
  if (missingText.length > 0) notes.push(`没有找到这些部分的标题，其文字留空：${headingsOf(missingText)}`);

  // Where the text named neither, the finder's own reading (a title inside a table, or its default) stands.
  const recordAgency: ImportRecord['agency'] = agency
    ? { value: agency.value, from: agency.from, ...(agency.source ? { source: agency.source } : {}) }
    : read.value.record.agency;
  const stated = title?.year ?? periodYearFound;
  const recordYear: ImportRecord['year'] = year
    ? { value: year.value, from: year.from, ...(year.source ? { source: year.source } : {}), ...(stated !== undefined ? { stated } : {}) }
    : read.value.record.year;
  const identityNotes: string[] = [];
  if (title?.year !== undefined && periodYearFound !== undefined && title.year !== periodYearFound) {
    identityNotes.push(`标题写的是 ${title.year} 年，前言的统计期限是 ${periodYearFound} 年：请核对年度`);
  }
  // The finder settled the level from the agency it was given (or a level the file states).
  const level = read.value.record.level ?? { value: read.value.report.level, from: 'default' as const };
  const text: TextRecord = {
    narratives: Object.fromEntries(
      NARRATIVE_IDS.map((n) => [n, { heading: split.headings[n] ?? null, characters: narratives[n].length }]),
    ) as TextRecord['narratives'],
    overviewParts: parts,
    numbering: split.numbering,
    preamble: preambleText.length,
    ...(closing.signature ? { signature: closing.signature } : {}),
    ...(closing.date ? { date: closing.date } : {}),
  };
  identityNotes.push(identityNote(recordAgency, recordYear, options.kind));
  notes.push(...identityNotes);

  const report = {
    ...read.value.report,
    agency: recordAgency.value,
    year: recordYear.value,
    level: level.value,
    narratives,
    ...(preambleText ? { preamble: preambleText } : {}),
    ...(closing.signature ? { signature: closing.signature } : {}),
    ...(closing.date ? { date: closing.date } : {}),
  };
  const record: ImportRecord = {
    ...read.value.record,
    agency: recordAgency,
    year: recordYear,
    level,
    text,
    notes: [...notes, ...read.value.record.notes],
    identityNotes: [...identityNotes, ...(read.value.record.identityNotes ?? [])],
  };
  return ok({ report, record });
}

function pickMeta<T>(
  choices: readonly [T | undefined, MetaSource, SourceCell?][],
): { value: T; from: MetaSource; source?: SourceCell } | undefined {
  for (const [value, from, source] of choices) {
    if (value !== undefined && value !== '') return { value, from, ...(source ? { source } : {}) };
  }
  return undefined;
}

const FROM: Readonly<Record<MetaSource, string>> = {
  title: '标题',
  option: '指定',
  default: '默认',
  missing: '未找到',
  preamble: '前言',
  signature: '落款',
};

/** The body and year as read, in one line the user confirms before importing (the finder's notes say how the level was settled). */
function identityNote(agency: ImportRecord['agency'], year: ImportRecord['year'], kind: string): string {
  const a = agency.value ? `机关「${agency.value}」（${FROM[agency.from]}）` : '机关名称未找到';
  return `从${kind}读到：${a}，${year.value} 年度（${FROM[year.from]}）：请核对`;
}
