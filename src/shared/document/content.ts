// What the submitted document says, in order, independent of its file format.
// The Word writer and the HTML writer (and through HTML, the PDF) both lay out
// this one structure, so the three formats cannot drift apart in content.
import { SECTIONS, TABLE_IDS, type SectionId, type TableId } from '../template/gov2021';
import { LAYOUTS, type TableLayout } from '../template/layout';
import { documentTitle, getCell, type Report } from '../model/report';

/** A line of a narrative: a （一） sub-heading (maybe with text run on after it) or a plain paragraph. */
export type NarrativeLine =
  | { kind: 'subheading'; heading: string; rest: string }
  | { kind: 'paragraph'; text: string };

export type SectionBody = { kind: 'narrative'; lines: NarrativeLine[] } | { kind: 'table'; layout: TableLayout };

export interface SectionContent {
  id: SectionId;
  heading: string;
  body: SectionBody;
}

export interface DocumentContent {
  title: string;
  agency: string;
  draft: boolean;
  /** The opening paragraph before 一、总体情况 ("……现将……报告如下："), when the author wrote one. */
  preamble: NarrativeLine[];
  sections: SectionContent[];
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

/** The text a table cell prints: numbers as written, text marks ("—") as kept, blank as empty. */
export function cellText(report: Report, key: string): string {
  const value = getCell(report, key);
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : value;
}

const isTableId = (id: SectionId): id is TableId => (TABLE_IDS as readonly string[]).includes(id);

function isPreamble(line: NarrativeLine | undefined): boolean {
  return line?.kind === 'paragraph' && /如下[：:]$/.test(line.text);
}

export function documentContent(report: Report, options: { draft: boolean }): DocumentContent {
  let preamble: NarrativeLine[] = [];
  const sections = SECTIONS.map((s): SectionContent => {
    if (isTableId(s.id)) return { id: s.id, heading: s.heading, body: { kind: 'table', layout: LAYOUTS[s.id] } };
    let lines = narrativeLines(report.narratives[s.id] ?? '');
    if (s.id === 'overview' && isPreamble(lines[0])) {
      preamble = lines.slice(0, 1);
      lines = lines.slice(1);
    }
    return { id: s.id, heading: s.heading, body: { kind: 'narrative', lines } };
  });
  return { title: documentTitle(report), agency: report.agency, draft: options.draft, preamble, sections };
}
