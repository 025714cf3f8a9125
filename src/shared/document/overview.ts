// 一、总体情况 is stored as one text, its five parts under the sub-headings
// （一）…（五）. Real texts write them every way: a heading on its own line,
// a heading run into its first sentence ("（一）主动公开情况。一是……"), all
// five inline in one pasted paragraph, a heading typed twice. This is the one
// reading of that text: the editor shows its parts in five boxes, the Word and
// HTML writers print each heading once, on its own line. Composing gives back
// exactly the text it was parsed from where no part was changed.
import { SECTION_BY_ID } from '../template/gov2021';

export const OVERVIEW_PARTS = SECTION_BY_ID.overview.parts!;
const NUMERALS = ['一', '二', '三', '四', '五'];

export interface OverviewPart {
  /** The sub-heading as written, without the punctuation that ends it; null when the text has none yet. */
  heading: string | null;
  /** What stood between the text before and the heading: a line break, or nothing (a heading inside a paragraph). */
  before: string;
  /** What stood between the heading and its text: a line break, or the "。" or "：" that ended a run-in heading. */
  after: string;
  /** The lines under the heading, up to the next heading. */
  lines: readonly string[];
}

export interface ParsedOverview {
  /** Lines before （一）: the opening paragraph. */
  opening: readonly string[];
  parts: readonly OverviewPart[];
}

// A marker （一）…（五） (half- or full-width), up to 28 characters of heading, and the "。" or "：" that may end it.
const MARKER = /[（(]\s*([一二三四五])\s*[）)]([^。；;：:，,\n（(]{0,28})([。：:])?/gu;
/** A heading run into its sentence is short: a longer stretch before the full stop is a sentence. */
const RUN_IN_MAX = 16;

/** A heading names its part ("主动公开", "依申请…", "…平台…"): a numbered list inside a paragraph does not. */
function namesPart(index: number, text: string): boolean {
  const name = OVERVIEW_PARTS[index]!.heading.replace(/^（.）/, '');
  // The first or last two characters of the official name: 主动/依申/政府…管理/平台…建设/监督…保障.
  return [name.slice(0, 2), name.slice(-2)].some((w) => text.includes(w));
}

interface Cut {
  index: number;
  /** Where the marker starts, and where what follows the heading (its ending mark consumed) begins. */
  start: number;
  bodyStart: number;
  before: string;
  heading: string;
  /** The run-in heading's ending mark; '' for a heading on its own line. */
  mark: string;
}

function findCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  let current = -1;
  for (const m of text.matchAll(MARKER)) {
    const index = NUMERALS.indexOf(m[1]!);
    const start = m.index;
    const mark = m[3] ?? '';
    const end = start + m[0].length;
    const atLineStart = start === 0 || text[start - 1] === '\n';
    const afterSentence = start > 0 && /[。；;：:！？!?]\s*$/.test(text.slice(Math.max(0, start - 2), start));
    // A heading on its own line; or one run into its first sentence (or standing after a sentence) that names its part.
    const ownLine = atLineStart && mark === '' && (end === text.length || text[end] === '\n');
    const runIn = (atLineStart || afterSentence) && mark !== '' && m[2]!.trim().length <= RUN_IN_MAX && namesPart(index, m[2]!);
    if (!ownLine && !runIn) continue;
    const heading = m[0].slice(0, m[0].length - mark.length).trimEnd();
    // The same heading twice in a row ("（一）主动公开\n（一）主动公开情况。…"): the second stands, printed once.
    const last = cuts.at(-1);
    if (index === current && last && text.slice(last.bodyStart, start).trim() === '') {
      cuts[cuts.length - 1] = { ...last, heading, mark, bodyStart: end };
      continue;
    }
    // Only headings in rising order start a part, so recomposing never reorders the author's text.
    if (index <= current) continue;
    current = index;
    cuts.push({ index, start, bodyStart: end, before: atLineStart && start > 0 ? '\n' : '', heading, mark });
  }
  return cuts;
}

const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

export function parseOverview(text: string): ParsedOverview {
  const cuts = findCuts(text);
  const parts: OverviewPart[] = NUMERALS.map(() => ({ heading: null, before: '\n', after: '\n', lines: [] }));
  const openingEnd = cuts[0] ? cuts[0].start - cuts[0].before.length : text.length;
  cuts.forEach((cut, i) => {
    const next = cuts[i + 1];
    const body = text.slice(cut.bodyStart, next ? next.start - next.before.length : text.length);
    // Under a heading on its own line the text starts after its line break; a run-in heading's text follows its mark.
    const after = cut.mark || (body.startsWith('\n') ? '\n' : '');
    parts[cut.index] = { heading: cut.heading, before: cut.before, after, lines: linesOf(cut.mark ? body : body.slice(after.length)) };
  });
  return { opening: linesOf(text.slice(0, openingEnd)), parts };
}

export function composeOverview(parsed: ParsedOverview): string {
  let out = parsed.opening.join('\n');
  let first = parsed.opening.length === 0;
  parsed.parts.forEach((part, i) => {
    if (part.heading === null && part.lines.length === 0) return;
    const heading = part.heading ?? OVERVIEW_PARTS[i]!.heading;
    // Text written under a heading that had none goes on the line after it.
    const after = part.after || (part.lines.length > 0 ? '\n' : '');
    const piece = heading + after + part.lines.join('\n');
    out = first ? piece : out + (part.heading === null ? '\n' : part.before) + piece;
    first = false;
  });
  return out;
}

/** Lines of a text box: an emptied box is no lines at all, not one empty line. */
export function boxLines(value: string): string[] {
  return value === '' ? [] : value.split('\n');
}

/**
 * What a box's new text says of the parts: a text that carries part headings
 * (the whole of 一 pasted into 开头段落 or into a part, or two parts pasted
 * into one) is read as a piece of 一, and each part it names replaces that
 * part, so nothing is appended twice and nothing lands under another heading.
 * The text before its first heading stays in the box it was written into:
 * the opening, or the box's own part where the paste does not name it; where
 * the paste names the box's own part too, that text comes before the first
 * heading it names (the opening, for a paste that starts at （一）).
 * Returns null for a text without headings.
 */
function asPiece(parsed: ParsedOverview, box: number | 'opening', value: string): ParsedOverview | null {
  const piece = parseOverview(value);
  const named = piece.parts.flatMap((p, i) => (p.heading === null ? [] : [i]));
  if (named.length === 0) return null;
  const first = named[0]!;
  const lead = box === 'opening' || !named.includes(box) ? box : first === 0 ? 'opening' : first - 1;
  const parts = parsed.parts.map((p, i) => (i === box && !named.includes(i) ? { ...p, lines: [] as string[] } : p));
  let opening = parsed.opening;
  // Text before the first heading: kept where it belongs, and only where there is some (a paste starting at a heading leaves the opening alone).
  if (lead === 'opening') opening = box === 'opening' || piece.opening.length > 0 ? piece.opening : opening;
  else if (piece.opening.length > 0 || lead === box)
    parts[lead] = { ...parts[lead]!, after: parts[lead]!.after || '\n', lines: piece.opening };
  // A heading keeps what stood before it in the paste only where the text before it came from the paste too.
  const pastedBefore = (i: number) =>
    i === first ? piece.opening.length > 0 && (lead === 'opening' ? first === 0 : lead === first - 1) : named.includes(i - 1);
  // A heading alone (typed on a line of its own) names its part without emptying it.
  for (const i of named) {
    const p = piece.parts[i]!;
    parts[i] = { ...p, before: pastedBefore(i) ? p.before : '\n', lines: p.lines.length > 0 ? p.lines : parts[i]!.lines };
  }
  return apart(parsed, { opening, parts }, named);
}

/**
 * A first part that stood at the very start of the text (nothing before its
 * heading) goes on a line of its own once an opening is written above it:
 * run into the new opening, its heading would be read as the opening's text.
 * Parts taken from the same paste as the opening keep what stood between them.
 */
function apart(before: ParsedOverview, next: ParsedOverview, pasted: readonly number[] = []): ParsedOverview {
  if (before.opening.length > 0 || next.opening.length === 0) return next;
  const first = next.parts.findIndex((p) => p.heading !== null || p.lines.length > 0);
  const part = next.parts[first];
  if (!part || part.before !== '' || pasted.includes(first)) return next;
  return { ...next, parts: next.parts.map((p, i) => (i === first ? { ...p, before: '\n' } : p)) };
}

export function withOpening(parsed: ParsedOverview, value: string): ParsedOverview {
  return asPiece(parsed, 'opening', value) ?? apart(parsed, { ...parsed, opening: boxLines(value) });
}

/**
 * A part's box changed. Text pasted into it that starts with the part's own
 * heading ("（一）主动公开情况。一是……") gives the part that heading, not a
 * second one; text that carries other parts' headings fills those parts.
 */
export function withPart(parsed: ParsedOverview, index: number, value: string): ParsedOverview {
  const cuts = findCuts(value);
  const own = cuts.length === 1 ? cuts.find((c) => c.start === 0 && c.index === index) : undefined;
  const part = parsed.parts[index]!;
  const before = part.heading === null ? '\n' : part.before;
  if (own) {
    const next: OverviewPart = {
      heading: own.heading,
      before,
      after: own.mark || '\n',
      lines: boxLines(value.slice(own.bodyStart).replace(own.mark ? /^/ : /^\n/, '')),
    };
    return { ...parsed, parts: parsed.parts.map((p, i) => (i === index ? next : p)) };
  }
  const piece = asPiece(parsed, index, value);
  if (piece) return piece;
  const next: OverviewPart = { ...part, after: value === '' ? '' : part.after, lines: boxLines(value) };
  return { ...parsed, parts: parsed.parts.map((p, i) => (i === index ? next : p)) };
}

/**
 * Where in the overview text each of the editor's boxes stands: the opening
 * (part 0) and the parts （一）…（五） (1–5) that the text has. A finding's
 * offsets into the overview become a box and offsets within it.
 */
export function overviewBoxes(text: string): { part: number; start: number; end: number }[] {
  const cuts = findCuts(text);
  const boxes = [{ part: 0, start: 0, end: cuts[0] ? cuts[0].start - cuts[0].before.length : text.length }];
  cuts.forEach((cut, i) => {
    const next = cuts[i + 1];
    const end = next ? next.start - next.before.length : text.length;
    // Under a heading on its own line the box starts after the line break; a run-in heading's text follows its mark.
    const start = !cut.mark && text[cut.bodyStart] === '\n' ? cut.bodyStart + 1 : cut.bodyStart;
    boxes.push({ part: cut.index + 1, start: Math.min(start, end), end });
  });
  return boxes;
}
