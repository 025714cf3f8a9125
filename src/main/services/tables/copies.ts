// Two or more copies of one table (last year's beside this year's, on two
// sheets, …): which is this year's. A copy is told by what marks it alone —
// "本年"/"上年", "2024年"/"2023年" over its columns, its sheet's name, its
// sheet's title — never by a mark both copies share (the workbook's title
// over both names one year, not one copy). Where nothing tells them apart and
// their figures differ, no copy is taken: a blank asks the author, a wrong
// copy would mislead.
import type { CopyChoice } from '../../../shared/api/import';
import type { Grid, GridCell } from './grid';
import { maxOf } from '../../../shared/math';

/** A copy of a table as the marks are looked for: where it stands, the columns its values take. */
export interface Candidate {
  grid: Grid;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The columns holding its values. */
  columns: ReadonlySet<number>;
  /** A label governing this copy's values alone (a row label "本年" left of its values). */
  mark?: string;
}

export interface CopyHint {
  /** The mark as written: "本年度", "2023年", the sheet's name. */
  text: string;
  relative?: 'this' | 'last';
  year?: number;
}

const AFTER_MARK = String.raw`(?=$|[)）\]】(（:：\-—/]|数据|情况|统计|报表|填报|对比|数|同期|合计|表)`;
const THIS = new RegExp(`(?:本年度|本年|今年|当年|本期)${AFTER_MARK}`);
const LAST = new RegExp(`(?:上一年度|上一年|上年度|上年|去年|上期)${AFTER_MARK}`);
const YEAR = new RegExp(`(20\\d\\d)\\s*年度?${AFTER_MARK}`);
/** Words of a title or a note, not of a copy's label. */
const NOT_A_MARK = /报告|说明|注[:：]|截至|填表/;
const MAX_MARK = 24;

function markOf(raw: string, loose: boolean): CopyHint | undefined {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (!text || (!loose && (text.length > MAX_MARK || NOT_A_MARK.test(text)))) return undefined;
  const years = [...new Set([...text.matchAll(loose ? /(20\d\d)/g : new RegExp(YEAR.source, 'g'))].map((m) => Number(m[1])))];
  const relative = LAST.test(text) ? 'last' : THIS.test(text) ? 'this' : undefined;
  if (years.length > 1 || (years.length === 0 && !relative)) return undefined;
  return { text: raw.trim(), ...(relative ? { relative } : {}), ...(years[0] ? { year: years[0] } : {}) };
}

/** Whether a label marks a copy ("本年", "2023年", "上年度数据"). */
export function isCopyMark(text: string): boolean {
  return markOf(text, false) !== undefined;
}

/** A mark over the copy's own columns (not another copy's), a few rows above its header or in it. */
function labelHint(c: Candidate, copies: readonly Candidate[]): CopyHint | undefined {
  if (c.mark) return markOf(c.mark, false);
  const own = c.columns;
  const theirs = new Set(copies.filter((x) => x !== c && x.grid === c.grid).flatMap((x) => [...x.columns]));
  const above = copies.filter((x) => x !== c && x.grid === c.grid && x.bottom < c.top && x.left <= c.right && c.left <= x.right);
  // Up to the copy above, if any: its marks are its own.
  const stop = Math.max(1, maxOf(above.map((x) => x.bottom + 1)));
  for (let r = c.top; r >= stop; r--) {
    for (let col = Math.max(1, c.left - 2); col <= c.right; col++) {
      if (theirs.has(col) && !own.has(col)) continue;
      const cell: GridCell | undefined = c.grid.at(r, col);
      if (!cell || cell.isNumber || (cell.master && cell.master.c < c.left - 2)) continue;
      const hint = markOf(cell.text, false);
      if (hint) return hint;
    }
  }
  return undefined;
}

/** The year of the title of the copy's sheet (on a sheet of its own, the title is the copy's). */
function titleHint(c: Candidate): CopyHint | undefined {
  for (const cell of c.grid.cells) {
    if (cell.master || cell.isNumber || cell.r >= c.top || !/报告|统计表|情况表/.test(cell.text)) continue;
    const m = /(20\d\d)\s*年/.exec(cell.text.normalize('NFKC'));
    if (m) return { text: cell.text.trim(), year: Number(m[1]) };
  }
  return undefined;
}

const HINTS: readonly (<C extends Candidate>(c: C, copies: readonly C[]) => CopyHint | undefined)[] = [
  labelHint,
  (c) => markOf(c.grid.sheet, true),
  titleHint,
];

type Standing = 'this' | 'last' | 'unknown';

function standing(h: CopyHint | undefined, year: number | undefined): Standing {
  if (!h) return 'unknown';
  if (h.relative) return h.relative;
  if (h.year === undefined || year === undefined) return 'unknown';
  return h.year === year ? 'this' : h.year < year ? 'last' : 'unknown';
}

/** The reason given where copies agree: no mark was needed, so none was read. */
export const SAME_FIGURES = '各份的数字相同';

const markKey = (h: CopyHint | undefined) => (h ? `${h.relative ?? ''}${h.year ?? ''}` : '');

export interface CopyDecision<C extends Candidate> {
  taken?: C;
  choice?: CopyChoice;
  /** The mark of each copy, for the notes. */
  marks: Map<C, CopyHint>;
  /** Why no copy was taken. */
  undecided?: string;
}

/**
 * Chooses among copies of one table (at least two). `year` is the report's
 * year where known; `yearKnown` false when it is only a default, so that the
 * latest marked year is this year's.
 */
export function chooseCopy<C extends Candidate>(
  copies: readonly C[],
  year: number | undefined,
  yearKnown: boolean,
  sameFigures: boolean,
): CopyDecision<C> {
  for (const hintOf of HINTS) {
    const hints = copies.map((c) => hintOf(c, copies));
    const keys = new Set(hints.map(markKey));
    // A mark tells copies apart only where it differs between them.
    if (keys.size < 2) continue;
    const marks = new Map<C, CopyHint>();
    hints.forEach((h, i) => h && marks.set(copies[i]!, h));
    const years = hints.map((h) => h?.year).filter((y): y is number => y !== undefined);
    const effectiveYear = yearKnown || hints.some((h) => h?.relative) ? year : years.length === hints.length ? maxOf(years) : year;
    const standings = hints.map((h) => standing(h, effectiveYear));
    const current = standings.flatMap((s, i) => (s === 'this' ? [i] : []));
    const unknown = standings.flatMap((s, i) => (s === 'unknown' ? [i] : []));
    if (current.length === 1) {
      const i = current[0]!;
      const h = hints[i]!;
      const reason = h.relative ? `标有「${h.text}」` : `标有「${h.text}」，与报告年度 ${effectiveYear} 年一致`;
      return { taken: copies[i], choice: { label: h.text, reason }, marks };
    }
    if (current.length === 0 && unknown.length === 1 && standings.every((s, i) => s === 'last' || i === unknown[0])) {
      const others = hints.filter((h) => h).map((h) => `「${h!.text}」`);
      return { taken: copies[unknown[0]!], choice: { reason: `其余的标有${[...new Set(others)].join('、')}，是往年的` }, marks };
    }
    if (sameFigures) return { taken: copies[0], choice: { reason: SAME_FIGURES }, marks };
    return {
      marks,
      undecided: `各份所标的${[...new Set(hints.filter((h) => h).map((h) => `「${h!.text}」`))].join('、')}不能确定哪一份是 ${year ?? '本'} 年度的`,
    };
  }
  if (sameFigures) return { taken: copies[0], choice: { reason: SAME_FIGURES }, marks: new Map() };
  return { marks: new Map(), undecided: '各份数字不同，又没有标明哪一份是本年度的（如「本年」「2024年」）' };
}
