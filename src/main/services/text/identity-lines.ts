// Who reports for which year, read from the document itself: the title (one
// line, or two — "淮安市洪泽区人民政府 / 2024年政府信息公开工作年度报告"), the
// preamble's 统计期限 and 由…编制, and the closing lines (落款 and 成文日期).
import { parseTitle } from '../tables/title';
import { trimLine } from './lines';
import { readDate } from '../../../shared/model/dates';

export interface FoundTitle {
  agency?: string;
  year: number;
  /** The title as written, its lines joined by " / ". */
  raw: string;
  /** How many lines of the front matter it took. */
  lines: number;
  /** Where in the front matter it starts. */
  at: number;
}

/** A title line is short; a sentence that names the report ("现将…年度报告如下") is not one. */
const MAX_TITLE = 60;

/** The first title in the lines before 一、, over one line or two. */
export function findTitleLines(front: readonly string[]): FoundTitle | undefined {
  // A breadcrumb ("首页 > 政务公开 > XX局2023年…") names the page last.
  const lines = front.map((l) =>
    l
      .split(/[>»＞›]/)
      .pop()!
      .replace(/^(?:当前位置|您的位置|所在位置)[:：]/, '')
      .trim(),
  );
  for (let i = 0; i < lines.length; i++) {
    const one = lines[i]!;
    if (one.length > MAX_TITLE || /[。；]/.test(one)) continue;
    const single = parseTitle(one);
    if (single?.agency) return { ...single, raw: one, lines: 1, at: i };
    const next = lines[i + 1];
    if (next !== undefined && next.length <= MAX_TITLE) {
      const both = parseTitle(one + next);
      if (both) return { ...both, raw: `${one} / ${next}`, lines: 2, at: i };
    }
    if (single) return { ...single, raw: one, lines: 1, at: i };
  }
  return undefined;
}

const PERIOD = /统计期限[^。]{0,12}?(20\d\d)\s*年\s*1\s*月\s*1\s*日/;
const PERIOD_ALONE = /(20\d\d)\s*年\s*1\s*月\s*1\s*日(?:起)?\s*至\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日/;
const COMPILED_BY = /由(?<agency>[^，。、；（(]{2,40}?)(?:负责|组织)?编制/;

/** The year of the 统计期限 a preamble states ("…统计期限自2023年1月1日起至2023年12月31日止"). */
export function periodYear(text: string): number | undefined {
  const m = PERIOD.exec(text) ?? PERIOD_ALONE.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The body a standard preamble names ("…由XX局编制"). */
export function compiledBy(text: string): string | undefined {
  return COMPILED_BY.exec(text)?.groups?.agency;
}

// ---- closing lines --------------------------------------------------------

/** 成文日期 written on a line of its own, as an ISO date. */
export function dateLine(line: string): string | undefined {
  return readDate(trimLine(line));
}

/** A 落款: a body's name alone on a line, not a sentence (a name may carry a note in brackets: "某局（某办公室）"). */
function isSignature(line: string): boolean {
  const outside = line.replace(/[（(][^（()）]*[）)]/g, '');
  return (
    line.length >= 2 &&
    line.length <= 40 &&
    outside.length > 0 &&
    !/[。，,；;：:！？]/.test(outside) &&
    !/^[（(]?[一二三四五六七八九十\d]+[、.．)）]/.test(line)
  );
}

export interface Closing {
  lines: string[];
  signature?: string;
  date?: string;
}

/** Takes the 落款 and 成文日期 off the end of the last section's lines (either order). */
export function takeClosing(lines: readonly string[]): Closing {
  const out = [...lines];
  // Words a page puts after the date ("（此件公开发布）") go with it.
  let end = out.length;
  while (end > 0 && /^[（(【][^）)】]{1,12}[）)】]$/.test(out[end - 1]!)) end--;
  const date = end > 0 ? dateLine(out[end - 1]!) : undefined;
  if (!date) return { lines: out };
  let start = end - 1;
  let signature: string | undefined;
  if (start > 0 && isSignature(out[start - 1]!)) signature = out[--start];
  return { lines: out.slice(0, start), date, ...(signature ? { signature } : {}) };
}
