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
  /** The title as printed: a title too long for one line of 二号 breaks after the body's name, not mid-word. */
  titleLines: string[];
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
  const title = documentTitle(report);
  return { title, titleLines: titleLines(title, report.agency), agency: report.agency, draft: options.draft, preamble, sections };
}

/** Characters of 二号 (22 pt) on the 156 mm line of a GB/T 9704 page. */
const TITLE_CHARS_PER_LINE = 20;

/** GB/T 9704 wants a title broken where the sense allows: after the body's name. */
function titleLines(title: string, agency: string): string[] {
  if (title.length <= TITLE_CHARS_PER_LINE || !agency || !title.startsWith(agency) || agency.length >= title.length) return [title];
  return [agency, title.slice(agency.length)];
}
