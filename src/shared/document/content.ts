// What the submitted document says, in order, independent of its file format.
// The Word writer and the HTML writer (and through HTML, the PDF) both lay out
// this one structure, so the three formats cannot drift apart in content.
import { SECTIONS, TABLE_IDS, type SectionId, type TableId } from '../template/gov2021';
import { LAYOUTS, type TableLayout } from '../template/layout';
import type { CellKey } from '../model/cells';
import { localToday, printedDate } from '../model/dates';
import { documentTitle, valueAt, type Report } from '../model/report';
import { BODY_CHAR_PT, bodyTextPt } from './fonts';
import { parseOverview } from './overview';

/** A line of a narrative: a （一） sub-heading (maybe with text run on after it) or a plain paragraph. */
export type NarrativeLine = { kind: 'subheading'; heading: string; rest: string } | { kind: 'paragraph'; text: string };

export type SectionBody = { kind: 'narrative'; lines: NarrativeLine[] } | { kind: 'table'; layout: TableLayout };

export interface SectionContent {
  id: SectionId;
  heading: string;
  body: SectionBody;
}

/** 落款 and 成文日期 (report-format.md, "Closing lines"). */
export interface Closing {
  signature: string;
  /** As printed: 阿拉伯数字, no leading zeros (GB/T 9704-2012 7.3.5.1), e.g. 2025年1月20日. */
  date: string;
}

export interface DocumentOptions {
  draft: boolean;
  /** The day of export (ISO YYYY-MM-DD), the 成文日期 of a report that names none; defaults to today. */
  today?: string;
  /** Print 落款 and 成文日期 (Word and PDF always do; the web page when the author asks). */
  closing?: boolean;
}

export interface DocumentContent {
  title: string;
  /** The title as printed: a title too long for one line of 二号 breaks after the body's name, not mid-word. */
  titleLines: string[];
  agency: string;
  draft: boolean;
  /** The opening paragraphs before 一、总体情况: the report's preamble, and a "……报告如下：" the overview opens with. */
  preamble: NarrativeLine[];
  sections: SectionContent[];
  /** The closing lines, when they are printed. */
  closing?: Closing;
}

// （一）…（十） in full- or half-width brackets, at the start of a line.
const SUBHEADING = /^[（(]([一二三四五六七八九十]+)[）)]\s*/;

/** Splits narrative text into lines, recognising sub-headings such as （一）主动公开 or "(一)主动公开". */
export function narrativeLines(text: string): NarrativeLine[] {
  const lines: NarrativeLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = SUBHEADING.exec(line);
    if (!m) {
      lines.push({ kind: 'paragraph', text: line });
      continue;
    }
    // The official format prints the numbering with full-width brackets.
    const body = `（${m[1]}）${line.slice(m[0].length)}`;
    // "（一）主动公开。一是……": the heading ends at the first full stop; the rest is body text.
    const stop = body.indexOf('。');
    const heading = stop >= 0 && stop < body.length - 1 ? body.slice(0, stop + 1) : body;
    lines.push({ kind: 'subheading', heading, rest: body.slice(heading.length) });
  }
  return lines;
}

/**
 * 一、总体情况 as its five parts (the editor's reading of the text): each
 * heading once, on its own line, even where the author ran it into the text,
 * wrote all five in one paragraph or typed a heading twice.
 */
function overviewLines(text: string): NarrativeLine[] {
  const parsed = parseOverview(text);
  // Concatenated, not push(...lines): a part may have more lines than a call may take arguments.
  let lines = narrativeLines(parsed.opening.join('\n'));
  for (const part of parsed.parts) {
    let body = part.lines;
    const heading = part.heading === null ? undefined : narrativeLines(part.heading)[0];
    if (heading?.kind === 'subheading') {
      // A heading run into its first sentence ("（一）主动公开。一是……") prints run-in, as written.
      const runIn = part.after !== '\n' && part.after !== '' && body.length > 0;
      lines = lines.concat([
        { kind: 'subheading', heading: heading.heading + (runIn ? part.after : ''), rest: runIn ? body[0]!.trim() : '' },
      ]);
      if (runIn) body = body.slice(1);
    }
    lines = lines.concat(narrativeLines(body.join('\n')));
  }
  return lines;
}

/** The text a table cell prints: numbers as written, text marks ("—") as kept, blank as empty. */
export function cellText(report: Report, key: CellKey): string {
  const value = valueAt(report, key);
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : value;
}

const isTableId = (id: SectionId): id is TableId => (TABLE_IDS as readonly string[]).includes(id);

function isPreamble(line: NarrativeLine | undefined): boolean {
  return line?.kind === 'paragraph' && /如下[：:]$/.test(line.text);
}

/** The closing lines of a report: its 落款 (default the agency) and 成文日期 (default the day of export). */
export function closingOf(report: Pick<Report, 'agency' | 'signature' | 'date'>, today: string): Closing {
  const signature = report.signature?.trim() || report.agency;
  return { signature, date: printedDate(report.date?.trim() || today) };
}

/**
 * 落款 and 成文日期 as GB/T 9704-2012 7.3.5.2 sets them for a document without a
 * seal: one empty line below the text, the body's name 右空二字, the date on the
 * next line starting two characters right of the name's first character; a date
 * longer than that allows stays 右空二字 and moves the name left instead.
 *
 * Each line's start, in characters of the body as set (BODY_CHAR_PT) from the
 * type area's right edge. The writers place each line by its start (left
 * indent), not by its end: the step of two characters between the starts then
 * holds in whatever font prints the date's digits; the widths come from the
 * named font's metrics (仿宋_GB2312 sets digits at half a character).
 */
export function closingPlacement(closing: Closing): { signatureFromRight: number; dateFromRight: number } {
  const name = bodyTextPt(closing.signature) / BODY_CHAR_PT;
  const date = bodyTextPt(closing.date) / BODY_CHAR_PT;
  const dateFromRight = Math.max(2 + date, name);
  return { signatureFromRight: dateFromRight + 2, dateFromRight };
}

export function documentContent(report: Report, options: DocumentOptions): DocumentContent {
  let preamble: NarrativeLine[] = narrativeLines(report.preamble ?? '').map((line) =>
    // The preamble is running text: a bracketed numeral at its start is not a sub-heading.
    line.kind === 'subheading' ? { kind: 'paragraph', text: line.heading + line.rest } : line,
  );
  const sections = SECTIONS.map((s): SectionContent => {
    if (isTableId(s.id)) return { id: s.id, heading: s.heading, body: { kind: 'table', layout: LAYOUTS[s.id] } };
    let lines = s.id === 'overview' ? overviewLines(report.narratives.overview) : narrativeLines(report.narratives[s.id] ?? '');
    if (s.id === 'overview' && isPreamble(lines[0])) {
      preamble = [...preamble, ...lines.slice(0, 1)];
      lines = lines.slice(1);
    }
    return { id: s.id, heading: s.heading, body: { kind: 'narrative', lines } };
  });
  const title = documentTitle(report);
  const closing = options.closing === false ? undefined : closingOf(report, options.today ?? localToday());
  return {
    title,
    titleLines: titleLines(title, report.agency),
    agency: report.agency,
    draft: options.draft,
    preamble,
    sections,
    ...(closing ? { closing } : {}),
  };
}

/** Characters of 二号 (22 pt) on the 156 mm line of a GB/T 9704 page. */
const TITLE_CHARS_PER_LINE = 20;

/** GB/T 9704 wants a title broken where the sense allows: after the body's name. */
function titleLines(title: string, agency: string): string[] {
  if (title.length <= TITLE_CHARS_PER_LINE || !agency || !title.startsWith(agency) || agency.length >= title.length) return [title];
  return [agency, title.slice(agency.length)];
}
