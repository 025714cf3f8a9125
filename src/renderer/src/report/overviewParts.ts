// 一、总体情况 is stored as one text, its five parts as lines of their own
// (（一）主动公开 …). The editor shows one box per part: the text is parsed
// into an opening paragraph and the parts, and recomposed on every edit so
// that the parts nobody touched come back exactly as they were written.
import { SECTIONS } from '../../../shared/template/gov2021';

export const OVERVIEW_PARTS = SECTIONS.find((s) => s.id === 'overview')!.parts!;
const NUMERALS = ['一', '二', '三', '四', '五'];

export interface OverviewPart {
  /** The sub-heading line as written (half- or full-width brackets), or null when the text has none yet. */
  heading: string | null;
  /** The lines under the heading, up to the next heading. */
  lines: readonly string[];
}

export interface ParsedOverview {
  /** Lines before （一）: the opening paragraph. */
  opening: readonly string[];
  parts: readonly OverviewPart[];
}

/** The numeral index of a line that is a sub-heading: short, no full stop, starting with （一）…（五）. */
function headingIndex(line: string): number {
  const m = /^\s*[（(]\s*([一二三四五])\s*[）)]/.exec(line);
  if (!m || line.length > 30 || /[。；]/.test(line)) return -1;
  return NUMERALS.indexOf(m[1]!);
}

export function parseOverview(text: string): ParsedOverview {
  const lines = text === '' ? [] : text.split('\n');
  const opening: string[] = [];
  const parts: { heading: string | null; lines: string[] }[] = NUMERALS.map(() => ({ heading: null, lines: [] }));
  let current = -1;
  for (const line of lines) {
    const index = headingIndex(line);
    // Only headings in rising order start a part, so recomposing never reorders the author's text.
    if (index > current) {
      current = index;
      parts[index]!.heading = line;
      continue;
    }
    if (current < 0) opening.push(line);
    else parts[current]!.lines.push(line);
  }
  return { opening, parts };
}

export function composeOverview(parsed: ParsedOverview): string {
  // Built by concatenation, not push(...lines): a part may have more lines than a call may take arguments.
  let out: readonly string[] = parsed.opening;
  parsed.parts.forEach((part, i) => {
    if (part.heading === null && part.lines.length === 0) return;
    out = out.concat([part.heading ?? OVERVIEW_PARTS[i]!.heading], part.lines);
  });
  return out.join('\n');
}

/** Lines of a text box: an emptied box is no lines at all, not one empty line. */
export function boxLines(value: string): string[] {
  return value === '' ? [] : value.split('\n');
}

export function withOpening(parsed: ParsedOverview, value: string): ParsedOverview {
  return { ...parsed, opening: boxLines(value) };
}

export function withPart(parsed: ParsedOverview, index: number, value: string): ParsedOverview {
  const parts = parsed.parts.map((p, i) => (i === index ? { ...p, lines: boxLines(value) } : p));
  return { ...parsed, parts };
}
