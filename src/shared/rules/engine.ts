// The one validation engine: reads the rule list (data) and derives findings
// from a report. The editor, import, the CLI and export all call `validate`.
import { CELLS, cellDef, type CellDef, type CellKey } from '../model/cells';
import { cellNumber, isBlankLike, isUnread, setCells, valueAt, valueOf, type CellValue, type Report } from '../model/report';
import { TOTAL_LEAVES } from './totals';
import { NARRATIVE_IDS, SECTION_BY_ID, sectionHeading, TABLE_IDS, type NarrativeId, type TableId } from '../template/gov2021';
import { inferLevel } from '../template/levels';
import { RULES, ruleOfKind } from './catalog';
import { memo } from '../memo';
import { fill, meaningfulLength, repeatedShare, shingles, TEXTS_KEPT } from './text';
import { numberMentionsOf, perText, regex } from './text-checks';
import {
  evalContradiction,
  evalFollowup,
  evalOutlineNumbering,
  evalPartsStated,
  evalPunctuation,
  evalRepeated,
  filledSum,
  isCountOfNone,
  spanOf,
  type Emit,
} from './text-rules';
import { applyTextEdits } from './edits';
import { deadlineOf } from './deadline';
import type {
  BlankRule,
  CellTypeRule,
  DeadlineRule,
  EquationRule,
  FeeNoticeRule,
  Finding,
  JumpRule,
  LevelCellsRule,
  NarrativeEmptyRule,
  NarrativeNumbersRule,
  NarrativeRequiredRule,
  NarrativeYearRule,
  QuickFix,
  RepetitionRule,
  Rule,
  TextEdit,
  ValidationContext,
} from './types';
import { bySeverity } from './types';
import { expandEquation, type EquationIndex, type ResolvedTerm } from './equations';

/** The first few cells' names, for a message that counts them: "三、（一）予以公开·科研机构、… 等". */
function examples(cells: readonly CellDef[], max = 3): string {
  return (
    cells
      .slice(0, max)
      .map((c) => c.name)
      .join('、') + (cells.length > max ? ' 等' : '')
  );
}

function show(v: CellValue | number): string {
  if (v === null) return '空白';
  if (typeof v === 'string') return `「${v}」`;
  // An amount to its 4 decimals; a count as it is (scaled by 10⁴, a 15-digit count would pass 2⁵³ and show a false .02).
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4);
}

// ---- equations: sums and continuity ----------------------------------------

interface CompiledIndex extends EquationIndex {
  /** This year's cells the equation involves, lhs first: what a finding names. */
  cells: readonly CellKey[];
  lhsName: string;
}

interface CompiledEquation {
  usesPrevious: boolean;
  indexes: readonly CompiledIndex[];
}

/**
 * An equation's `{i}` keys resolved to table/row/col once per rule, so a
 * validation run only reads cells and adds numbers; a rule naming a cell
 * that does not exist fails here, at the first run, not silently.
 */
const compileEquation = memo((rule: EquationRule): CompiledEquation => ({
  usesPrevious: [...rule.lhs, ...rule.rhs].some((t) => t.previous),
  indexes: expandEquation(rule).map((ix) => ({
    ...ix,
    cells: [...ix.lhs, ...ix.rhs].filter((t) => !t.previous).map((t) => t.key),
    lhsName: cellDef(ix.lhs[0]!.key)!.name,
  })),
}));

/**
 * Signed sum of the terms; NaN when a term is text (cell.type reports that,
 * not the sum) or unread (a cell the file did not give is unknown, not 0).
 */
function sumTerms(terms: readonly ResolvedTerm[], report: Report, previous: Report | null): number {
  let sum = 0;
  for (const t of terms) {
    if (isUnread(t.previous ? previous! : report, t.key)) return NaN;
    const v = termValue(t, report, previous);
    if (typeof v === 'number') sum += t.sign * v;
    else if (v !== null && !isBlankLike(v)) return NaN;
  }
  return sum;
}

function termValue(t: ResolvedTerm, report: Report, previous: Report | null): CellValue {
  return valueOf(t.previous ? previous! : report, t);
}

function evalEquation(rule: EquationRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  const compiled = compileEquation(rule);
  const previous = ctx.previous ?? null;
  if (compiled.usesPrevious && !previous) return;
  const details: string[] = [];
  const allCells = new Set<CellKey>();
  for (const ix of compiled.indexes) {
    const l = sumTerms(ix.lhs, report, previous);
    const r = sumTerms(ix.rhs, report, previous);
    // NaN compares false: a text term skips the equation.
    if (!(Math.abs(l - r) >= 1e-9)) continue;
    // Values are shown only for the placeholders the message uses (a results total has 21 terms).
    const vars = (name: string): string | number | undefined => {
      switch (name) {
        case 'each':
          return ix.each.name;
        case 'lhsName':
          return ix.lhsName;
        case 'lhsValue':
          return ix.lhs.length === 1 ? show(termValue(ix.lhs[0]!, report, previous)) : show(l);
        case 'rhsValue':
          return show(r);
        case 'diff':
          return show(Math.abs(l - r));
        case 'prevYear':
          return previous?.year ?? '';
      }
      const term = /^([lr])(\d+)$/.exec(name);
      const t = term ? (term[1] === 'l' ? ix.lhs : ix.rhs)[Number(term[2])] : undefined;
      return t ? show(termValue(t, report, previous)) : undefined;
    };
    if (rule.group === 'one') {
      details.push(fill(rule.detail ?? '{each}', vars));
      ix.cells.forEach((c) => allCells.add(c));
      continue;
    }
    const { fix, message, blankParts } = totalFix(rule, ix, report);
    const blankNames = () => examples(blankParts.map((k) => cellDef(k)!));
    emit({
      id: `${rule.id}:${ix.each.key}`,
      rule: rule.id,
      severity: rule.severity,
      section: rule.section,
      message: fill(message, (name) => (name === 'blankParts' ? blankNames() : vars(name))),
      cells: [...ix.cells],
      fix,
    });
  }
  if (rule.group === 'one' && details.length > 0) {
    emit({
      id: rule.id,
      rule: rule.id,
      severity: rule.severity,
      section: rule.section,
      message: fill(rule.message, { details: details.join('；'), prevYear: previous?.year ?? '' }),
      cells: [...allCells],
      fix: fromPrevious(rule, compiled, report, previous),
    });
  }
}

/**
 * What a sum that doesn't add up offers. A total is recomputed from its
 * leaves (see TOTAL_LEAVES), never from another total that may itself be
 * wrong; and only where there is no figure of the author's it would
 * overwrite on a guess: beside a given total, blank leaves are the likelier
 * fault (named, no new total), and a total its leaves agree with is right
 * (a part is at fault). A 1.5 or a −1 is never offered: it would write a
 * second error.
 */
const sumParts = (ix: CompiledIndex, report: Report) => sumTerms(ix.rhs, report, null);

function totalFix(
  rule: EquationRule,
  ix: CompiledIndex,
  report: Report,
): { fix?: QuickFix; message: string; blankParts: readonly CellKey[] } {
  const plain = { message: rule.message, blankParts: [] };
  if (!rule.fixLhs || ix.lhs.length !== 1) return plain;
  const total = ix.lhs[0]!.key;
  const leaves = TOTAL_LEAVES.get(total) ?? [];
  let sum = 0;
  const blankParts: CellKey[] = [];
  for (const leaf of leaves) {
    const n = cellNumber(report, leaf);
    if (n === undefined) return plain;
    if (isBlankLike(valueAt(report, leaf))) blankParts.push(leaf);
    sum += n;
  }
  const given = valueAt(report, total);
  if (typeof given === 'number' && blankParts.length > 0 && rule.blankPartsMessage) return { message: rule.blankPartsMessage, blankParts };
  // The leaves agree with the total, or not with the parts summed here (one of those is a total that is off): a part is at fault.
  const parts = sumParts(ix, report);
  if (given === sum || Math.abs(parts - sum) >= 1e-9) return { message: rule.partsMessage ?? rule.message, blankParts: [] };
  if (!Number.isInteger(sum) || sum < 0) return plain;
  return { ...plain, fix: { label: `将总计改为 ${show(sum)}`, changes: [{ cell: total, value: sum }] } };
}

/**
 * Last year's values for this year's cells of a continuity rule (上年结转 =
 * last year's 结转下年度): offered only where every cell that disagrees has
 * one counterpart of last year holding a valid count.
 */
function fromPrevious(rule: EquationRule, compiled: CompiledEquation, report: Report, previous: Report | null): QuickFix | undefined {
  if (!rule.fixFromPrevious || !previous) return undefined;
  const changes: { cell: CellKey; value: CellValue }[] = [];
  for (const ix of compiled.indexes) {
    const [lhs] = ix.lhs;
    const [rhs] = ix.rhs;
    if (ix.lhs.length !== 1 || ix.rhs.length !== 1 || !lhs || !rhs?.previous) return undefined;
    const value = termValue(rhs, previous, previous);
    if (value === termValue(lhs, report, previous)) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
    changes.push({ cell: lhs.key, value });
  }
  return changes.length > 0 ? { label: rule.fixFromPrevious, changes } : undefined;
}

// ---- cells ----------------------------------------------------------------

function evalCellType(rule: CellTypeRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const c of CELLS) {
    const v = valueOf(report, c);
    let template: string | undefined;
    if (typeof v === 'string') {
      if (!isBlankLike(v)) template = rule.messages.text;
    } else if (typeof v === 'number') {
      if (v < 0) template = rule.messages.negative;
      else if (c.kind === 'count' && !Number.isInteger(v)) template = rule.messages.fraction;
      else if (c.kind === 'amount') {
        const scaled = v * 10 ** rule.maxDecimals;
        if (Math.abs(scaled - Math.round(scaled)) > 1e-6) template = rule.messages.decimals;
      }
    }
    if (!template) continue;
    emit({
      id: `${rule.id}:${c.key}`,
      rule: rule.id,
      severity: rule.severity,
      section: c.table,
      message: fill(template, { name: c.name, value: typeof v === 'string' ? v : String(v) }),
      cells: [c.key],
    });
  }
}

const CELLS_BY_TABLE = new Map<TableId, readonly CellDef[]>(TABLE_IDS.map((t) => [t, CELLS.filter((c) => c.table === t)]));

/** The sums (equations of this year's cells alone) each cell takes part in. */
const SUMS_BY_CELL = memo((): ReadonlyMap<CellKey, readonly CompiledIndex[]> => {
  const byCell = new Map<CellKey, CompiledIndex[]>();
  for (const rule of RULES) {
    if (rule.kind !== 'equation') continue;
    const compiled = compileEquation(rule);
    if (compiled.usesPrevious) continue;
    for (const ix of compiled.indexes) for (const c of ix.cells) byCell.set(c, [...(byCell.get(c) ?? []), ix]);
  }
  return byCell;
});

/**
 * Every sum `cell` takes part in adds up, with the cell at `value` (as it is,
 * where no value is given). A fix is offered only where this holds: a blank is
 * filled with 0 only where 0 is what the table's own sums say, and a total is
 * recomputed only where the new figure agrees with every other sum it is in.
 * Otherwise the fault is elsewhere (a part, a missing figure, a cell that
 * can't be added), and the cell is left for the author.
 */
function sumsHold(cell: CellKey, report: Report, value?: CellValue): boolean {
  const at = value === undefined ? report : setCells(report, [[cell, value]]);
  return (SUMS_BY_CELL().get(cell) ?? []).every((ix) => Math.abs(sumTerms(ix.lhs, at, null) - sumTerms(ix.rhs, at, null)) < 1e-9);
}

function evalBlank(rule: BlankRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const table of TABLE_IDS) {
    const values = report.tables[table];
    const empty = CELLS_BY_TABLE.get(table)!.filter((c) => isBlankLike(values[c.row]?.[c.col] ?? null));
    if (empty.length === 0) continue;
    const unread = empty.filter((c) => isUnread(report, c.key));
    const blanks = unread.length === 0 ? empty : empty.filter((c) => !isUnread(report, c.key));
    const vars = (cells: readonly CellDef[]) => ({ numeral: SECTION_BY_ID[table].numeral, count: cells.length, examples: examples(cells) });
    if (blanks.length > 0) {
      const fillable = blanks.filter((c) => sumsHold(c.key, report));
      emit({
        id: `${rule.id}:${table}`,
        rule: rule.id,
        severity: rule.severity,
        section: table,
        message: fill(rule.message, vars(blanks)),
        cells: blanks.map((c) => c.key),
        fix: fillable.length > 0 ? { label: rule.fixLabel, changes: fillable.map((c) => ({ cell: c.key, value: 0 })) } : undefined,
      });
    }
    if (unread.length > 0) {
      emit({
        id: `${rule.id}:${table}:unread`,
        rule: rule.id,
        severity: rule.severity,
        section: table,
        message: fill(rule.unreadMessage, vars(unread)),
        cells: unread.map((c) => c.key),
      });
    }
  }
}

function evalLevelCells(rule: LevelCellsRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  if (rule.allowed.includes(report.level)) return;
  // A body whose name says it may (…市人民政府) is not told otherwise by a level it was given by default.
  const named = inferLevel(report.agency);
  if (named.inferred && rule.allowed.includes(named.level)) return;
  const over = rule.cells.filter((k) => {
    const v = valueAt(report, k);
    return typeof v === 'number' && v > 0;
  });
  if (over.length === 0) return;
  const values = over.map((k) => `${cellDef(k)!.name.split('·')[1] ?? ''} ${show(valueAt(report, k))}`).join('、');
  emit({
    id: rule.id,
    rule: rule.id,
    severity: rule.severity,
    section: rule.section,
    message: fill(rule.message, { level: report.level, values }),
    cells: over,
  });
}

function evalJump(rule: JumpRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  const previous = ctx.previous;
  if (!previous) return;
  for (const key of rule.cells) {
    const cur = valueAt(report, key);
    const prev = valueAt(previous, key);
    if (typeof cur !== 'number' || typeof prev !== 'number') continue;
    if (Math.max(cur, prev) < rule.minMagnitude) continue;
    if (cur <= prev * rule.factor && cur * rule.factor >= prev) continue;
    const d = cellDef(key)!;
    emit({
      id: `${rule.id}:${key}`,
      rule: rule.id,
      severity: rule.severity,
      section: d.table,
      message: fill(rule.message, { name: d.name, prev: show(prev), value: show(cur), factor: rule.factor }),
      cells: [key],
    });
  }
}

function evalDeadline(rule: DeadlineRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  const date = ctx.finalExportDate;
  if (!date) return;
  const due = deadlineOf(rule, report);
  if (!due || date <= due.date) return;
  emit({
    id: rule.id,
    rule: rule.id,
    severity: rule.severity,
    section: 'other',
    message: fill(rule.message, { who: due.who, dueYear: report.year + 1, month: due.month, day: due.day, date }),
    cells: [],
  });
}

// ---- narrative ------------------------------------------------------------

// A sub-heading line with nothing after it ("（一）主动公开情况"): the template's skeleton, not text.
const BARE_SUBHEADING = /^[（(][一二三四五六七八九十]+[）)][^。；;，,！？!?]{0,16}$/;

/** Whether a required text says nothing: empty (or only the template's sub-headings), a token such as "无", or neither. */
export const narrativeEmptiness = perText((rule: NarrativeEmptyRule, text: string): 'empty' | 'token' | null => {
  const words = text
    .split('\n')
    .filter((line) => !BARE_SUBHEADING.test(line.trim()))
    .join('')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
  if (words === '') return 'empty';
  return rule.tokens.includes(words) ? 'token' : null;
});

const EMPTY_RULE = ruleOfKind('narrativeEmpty');

/** True for a required text that `narrative.empty` reports: the other text rules leave it to that one. */
export function isEmptyNarrative(text: string): boolean {
  return narrativeEmptiness(EMPTY_RULE, text) !== null;
}

function evalNarrativeEmpty(rule: NarrativeEmptyRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const section of rule.sections) {
    const text = report.narratives[section];
    const emptiness = narrativeEmptiness(rule, text);
    if (!emptiness) continue;
    const shown = text.trim().length > 20 ? text.trim().slice(0, 20) + '…' : text.trim();
    emit({
      id: `${rule.id}:${section}`,
      rule: rule.id,
      severity: rule.severity,
      section,
      message: fill(emptiness === 'empty' ? rule.emptyMessage : rule.tokenMessage, { heading: sectionHeading(section), text: shown }),
      cells: [],
    });
  }
}

/** What a text leaves uncovered of a check's list: per check and text, as the editor revalidates on every cell edit. */
const uncovered = perText((check: NarrativeRequiredRule['checks'][number], text: string) =>
  (check.mustCover ?? []).filter((c) => !c.any.some((w) => text.includes(w))).map((c) => c.name),
);

function evalNarrativeRequired(rule: NarrativeRequiredRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const check of rule.checks) {
    const raw = report.narratives[check.section];
    if (isEmptyNarrative(raw)) continue;
    const text = raw.trim();
    const base = { rule: rule.id, severity: rule.severity, section: check.section, cells: [] as CellKey[] };
    const id = `${rule.id}:${check.section}`;
    const missing = uncovered(check, raw);
    if (missing.length > 0 && check.missingMessage) {
      emit({ ...base, id, message: fill(check.missingMessage, { missing: missing.join('、') }) });
      continue;
    }
    if (check.minChars && check.tokenMessage && meaningfulLength(text) < check.minChars) {
      emit({ ...base, id, message: fill(check.tokenMessage, { text: text.length > 20 ? text.slice(0, 20) + '…' : text }) });
    }
  }
}

function evalNarrativeNumbers(rule: NarrativeNumbersRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const section of NARRATIVE_IDS) {
    const text = report.narratives[section];
    if (!text) continue;
    for (const mention of numberMentionsOf(rule, text)) {
      const phrase = rule.phrases[mention.phrase]!;
      // A table not filled in yet can't contradict the text: the blank cells are reported on their own.
      const values = phrase.candidates.map((cells) => filledSum(report, cells));
      if (values.some((v) => v === undefined)) continue;
      if (values.includes(mention.value)) continue;
      // A count where the table says none is narrative.contradiction's.
      if (isCountOfNone(mention.value, values)) continue;
      const candidates = phrase.candidateNames.map((name, i) => fill(name, { 0: values[i]! })).join('，或');
      const span = spanOf(section, text, mention.start, mention.end);
      // Where the phrase can mean one quantity only, the table's figure replaces the stated one in place. A phrase that may
      // mean several is left to the author even where they agree: "区政府办代表区政府受理…17件" counts a part of the 95.
      const only = values.length === 1 ? values[0]! : undefined;
      const edit: TextEdit | undefined =
        only !== undefined && Number.isInteger(only) && only >= 0
          ? { text: section, start: mention.number.start, end: mention.number.end, was: mention.number.text, value: String(only) }
          : undefined;
      emit({
        id: `${rule.id}:${section}:${span.quote}`,
        rule: rule.id,
        severity: rule.severity,
        section,
        message: fill(rule.message, { section: sectionHeading(section), quote: span.quote, candidates }),
        cells: [...new Set(phrase.candidates.flat())],
        span,
        ...(edit ? { fix: { label: fill(rule.fixLabel, { value: edit.value }), changes: [], edits: [edit] } } : {}),
      });
    }
  }
}

interface YearMention {
  y: number;
  start: number;
  end: number;
  /** What follows "2022年，", where the pattern asks who speaks. */
  who?: string;
}

/** Every "year as our working year" phrase of a text, in pattern order; which of them are findings depends on the report's year. */
function scanYears(rule: NarrativeYearRule, text: string): YearMention[] {
  const found: YearMention[] = [];
  for (const source of rule.patterns) {
    for (const m of text.matchAll(regex(source))) {
      const y = Number(m.groups?.y);
      const start = m.index + m[0].indexOf(String(y));
      const who = m.groups?.who;
      found.push({ y, who, start, end: m.index + m[0].length });
    }
  }
  return found;
}

const yearScanner = memo((rule: NarrativeYearRule) => memo((text: string) => scanYears(rule, text), TEXTS_KEPT));
function yearMentions(rule: NarrativeYearRule, text: string): YearMention[] {
  return yearScanner(rule)(text);
}

/** "2022年，" followed by the body itself (我局, 本单位, its own name) or by its own work (收到…申请). */
function speaksOfItself(rule: NarrativeYearRule, who: string, agency: string): boolean {
  return rule.subjects.some((s) => {
    const subject = s === '{agency}' ? agency.trim() : s;
    return subject !== '' && who.startsWith(subject);
  });
}

function evalNarrativeYear(rule: NarrativeYearRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const section of NARRATIVE_IDS) {
    const text = report.narratives[section];
    if (!text) continue;
    let seen: Set<number> | undefined;
    for (const { y, start, end, who } of yearMentions(rule, text)) {
      if (!(y < report.year && y >= report.year - rule.lookBack)) continue;
      if (who !== undefined && !speaksOfItself(rule, who, report.agency)) continue;
      seen ??= new Set();
      if (seen.has(y)) continue;
      seen.add(y);
      const span = spanOf(section, text, start, end);
      emit({
        id: `${rule.id}:${section}:${y}`,
        rule: rule.id,
        severity: rule.severity,
        section,
        message: fill(rule.message, { section: sectionHeading(section), quote: span.quote, y, year: report.year }),
        cells: [],
        span,
      });
    }
  }
}

function evalFeeNotice(rule: FeeNoticeRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  const v = valueAt(report, rule.cell);
  if (typeof v !== 'number' || v <= 0) return;
  const text = report.narratives.other;
  const m = regex(rule.denial).exec(text);
  if (!m || text.includes(rule.mention)) return;
  const span = spanOf('other', text, m.index, m.index + m[0].length);
  emit({
    id: rule.id,
    rule: rule.id,
    severity: rule.severity,
    section: 'other',
    message: fill(rule.message, { value: v, quote: span.quote }),
    cells: [rule.cell],
    span,
  });
}

/** Last year's text changes only when another last year is compared: its shingles are kept for the last one. */
const shinglesOf = memo(shingles);
function earlierShingles(previous: Report): Set<string> {
  return shinglesOf(NARRATIVE_IDS.map((n) => previous.narratives[n]).join('\n'));
}

/** Shares depend only on this text and last year's, so they are kept per pair: the editor revalidates on every cell edit. */
const shareScanner = memo((earlier: Set<string>) => memo((text: string) => repeatedShare(text, earlier), 16));
function shareOf(text: string, earlier: Set<string>): { repeated: number; total: number } {
  return { ...shareScanner(earlier)(text) };
}

/** Per narrative section, the share of its text that repeats last year's report. */
export function narrativeRepetition(report: Report, previous: Report): Record<NarrativeId, { repeated: number; total: number }> {
  const earlier = earlierShingles(previous);
  return Object.fromEntries(NARRATIVE_IDS.map((n) => [n, shareOf(report.narratives[n], earlier)])) as Record<
    NarrativeId,
    { repeated: number; total: number }
  >;
}

function evalRepetition(rule: RepetitionRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  if (!ctx.previous) return;
  const shares = narrativeRepetition(report, ctx.previous);
  const repeated = NARRATIVE_IDS.reduce((a, n) => a + shares[n].repeated, 0);
  const total = NARRATIVE_IDS.reduce((a, n) => a + shares[n].total, 0);
  if (total === 0 || repeated / total <= rule.threshold) return;
  const pct = (r: { repeated: number; total: number }) => Math.round((100 * r.repeated) / Math.max(1, r.total));
  const worst = [...NARRATIVE_IDS].sort((a, b) => shares[b].repeated - shares[a].repeated)[0]!;
  const details = NARRATIVE_IDS.filter((n) => shares[n].total > 0)
    .map((n) => `${sectionHeading(n)} ${pct(shares[n])}%`)
    .join('，');
  emit({
    id: rule.id,
    rule: rule.id,
    severity: rule.severity,
    section: worst,
    message: fill(rule.message, { percent: pct({ repeated, total }), prevYear: ctx.previous.year, details }),
    cells: [],
  });
}

// ---- the engine -----------------------------------------------------------

type Evaluator<R extends Rule> = (rule: R, report: Report, ctx: ValidationContext, emit: Emit, rules: readonly Rule[]) => void;
const EVALUATORS: { [K in Rule['kind']]: Evaluator<Extract<Rule, { kind: K }>> } = {
  equation: evalEquation,
  cellType: evalCellType,
  blank: evalBlank,
  levelCells: evalLevelCells,
  jump: evalJump,
  deadline: evalDeadline,
  narrativeEmpty: evalNarrativeEmpty,
  narrativeRequired: evalNarrativeRequired,
  narrativeNumbers: evalNarrativeNumbers,
  narrativeYear: evalNarrativeYear,
  feeNotice: evalFeeNotice,
  repetition: evalRepetition,
  contradiction: evalContradiction,
  followup: evalFollowup,
  outlineNumbering: evalOutlineNumbering,
  partsStated: evalPartsStated,
  punctuation: evalPunctuation,
  repeated: evalRepeated,
  // A region's report beside its bodies': the review has the bodies (review/hierarchy.ts), a single report has none.
  hierarchy: () => undefined,
};

/** All findings for a report, errors first, in the order of the rule list within a severity. */
export function validate(report: Report, ctx: ValidationContext = {}, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (f) => findings.push(f);
  for (const rule of rules) (EVALUATORS[rule.kind] as Evaluator<Rule>)(rule, report, ctx, emit, rules);
  return findings.sort((a, b) => bySeverity(a.severity, b.severity));
}

/** The notice a final export on `date` gets for being past the body's deadline, if it is late (the deadline rules alone, without the rest). */
export function lateExportNotice(report: Report, date: string, rules: readonly Rule[] = RULES): Finding | undefined {
  return validate(
    report,
    { finalExportDate: date },
    rules.filter((r) => r.kind === 'deadline'),
  )[0];
}

/** The report with a quick fix applied: its cells set, its text edits made (an edit whose words have changed since is left out). */
export function applyFix(report: Report, fix: QuickFix): Report {
  const withCells = setCells(
    report,
    fix.changes.map((c) => [c.cell, c.value] as const),
  );
  return fix.edits?.length ? applyTextEdits(withCells, fix.edits).report : withCells;
}
