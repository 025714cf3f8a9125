// The one validation engine: reads the rule list (data) and derives findings
// from a report. The editor, import, the CLI and export all call `validate`.
import { CELLS, cellDef, type CellKey } from '../model/cells';
import { isBlankLike, numericValue, setCells, type CellValue, type Report } from '../model/report';
import { NARRATIVE_IDS, SECTIONS, TABLE_IDS, type NarrativeId, type SectionId } from '../template/gov2021';
import { RULES } from './catalog';
import { fill, parseTextNumber, quoteAround, repeatedShare, shingles } from './text';
import type {
  BlankRule,
  CellTypeRule,
  DeadlineRule,
  EquationRule,
  FeeNoticeRule,
  Finding,
  JumpRule,
  LevelCellsRule,
  NarrativeNumbersRule,
  NarrativeRequiredRule,
  NarrativeYearRule,
  QuickFix,
  RepetitionRule,
  Rule,
  Severity,
  ValidationContext,
} from './types';

const SECTION_HEADING = Object.fromEntries(SECTIONS.map((s) => [s.id, s.heading])) as Record<SectionId, string>;
const SECTION_NUMERAL = Object.fromEntries(SECTIONS.map((s) => [s.id, s.numeral])) as Record<SectionId, string>;

type Emit = (f: Finding) => void;

function raw(report: Report, key: CellKey): CellValue {
  const d = cellDef(key)!;
  return report.tables[d.table][d.row]?.[d.col] ?? null;
}

function show(v: CellValue | number): string {
  if (v === null) return '空白';
  if (typeof v === 'string') return `「${v}」`;
  return String(Math.round(v * 1e4) / 1e4);
}

// ---- equations: sums and continuity ----------------------------------------

function evalEquation(rule: EquationRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  const usesPrevious = [...rule.lhs, ...rule.rhs].some((t) => t.previous);
  const previous = ctx.previous ?? null;
  if (usesPrevious && !previous) return;
  const details: string[] = [];
  const allCells = new Set<CellKey>();
  for (const e of rule.each) {
    const resolve = (terms: EquationRule['lhs']) =>
      terms.map((t) => {
        const key = t.cell.replace('{i}', e.key);
        const value = raw(t.previous ? previous! : report, key);
        return { key, previous: !!t.previous, value, num: numericValue(value), sign: t.negative ? -1 : 1 };
      });
    const lhs = resolve(rule.lhs);
    const rhs = resolve(rule.rhs);
    // A term that is text can't be summed; cell.type already reports it.
    if ([...lhs, ...rhs].some((t) => t.num === undefined)) continue;
    const sum = (ts: typeof lhs) => ts.reduce((a, t) => a + t.sign * t.num!, 0);
    const l = sum(lhs);
    const r = sum(rhs);
    if (Math.abs(l - r) < 1e-9) continue;
    const vars: Record<string, string | number> = {
      each: e.name,
      lhsName: cellDef(lhs[0]!.key)!.name,
      lhsValue: lhs.length === 1 ? show(lhs[0]!.value) : show(l),
      rhsValue: show(r),
      diff: show(Math.abs(l - r)),
      prevYear: previous?.year ?? '',
    };
    lhs.forEach((t, i) => (vars[`l${i}`] = show(t.value)));
    rhs.forEach((t, i) => (vars[`r${i}`] = show(t.value)));
    const cells = [...lhs, ...rhs].filter((t) => !t.previous).map((t) => t.key);
    if (rule.group === 'one') {
      details.push(fill(rule.detail ?? '{each}', vars));
      cells.forEach((c) => allCells.add(c));
      continue;
    }
    let fix: QuickFix | undefined;
    if (rule.fixLhs && lhs.length === 1 && rhs.every((t) => !t.previous)) {
      fix = { label: `将总计改为 ${show(r)}`, changes: [{ cell: lhs[0]!.key, value: r }] };
    }
    emit({ id: `${rule.id}:${e.key}`, rule: rule.id, severity: rule.severity, section: rule.section, message: fill(rule.message, vars), cells, fix });
  }
  if (rule.group === 'one' && details.length > 0) {
    emit({
      id: rule.id,
      rule: rule.id,
      severity: rule.severity,
      section: rule.section,
      message: fill(rule.message, { details: details.join('；'), prevYear: previous?.year ?? '' }),
      cells: [...allCells],
    });
  }
}

// ---- cells ----------------------------------------------------------------

function evalCellType(rule: CellTypeRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const c of CELLS) {
    const v = report.tables[c.table][c.row]?.[c.col] ?? null;
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

function evalBlank(rule: BlankRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const table of TABLE_IDS) {
    const blanks = CELLS.filter((c) => c.table === table && isBlankLike(report.tables[table][c.row]?.[c.col] ?? null));
    if (blanks.length === 0) continue;
    const examples = blanks.slice(0, 3).map((c) => c.name).join('、') + (blanks.length > 3 ? ' 等' : '');
    emit({
      id: `${rule.id}:${table}`,
      rule: rule.id,
      severity: rule.severity,
      section: table,
      message: fill(rule.message, { numeral: SECTION_NUMERAL[table], count: blanks.length, examples }),
      cells: blanks.map((c) => c.key),
      fix: { label: rule.fixLabel, changes: blanks.map((c) => ({ cell: c.key, value: 0 })) },
    });
  }
}

function evalLevelCells(rule: LevelCellsRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  if (rule.allowed.includes(report.level)) return;
  const over = rule.cells.filter((k) => {
    const v = raw(report, k);
    return typeof v === 'number' && v > 0;
  });
  if (over.length === 0) return;
  const values = over.map((k) => `${cellDef(k)!.name.split('·')[1] ?? ''} ${show(raw(report, k))}`).join('、');
  emit({ id: rule.id, rule: rule.id, severity: rule.severity, section: rule.section, message: fill(rule.message, { level: report.level, values }), cells: over });
}

function evalJump(rule: JumpRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  const previous = ctx.previous;
  if (!previous) return;
  for (const key of rule.cells) {
    const cur = raw(report, key);
    const prev = raw(previous, key);
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
  const due = `${report.year + 1}-${String(rule.due.month).padStart(2, '0')}-${String(rule.due.day).padStart(2, '0')}`;
  if (date <= due) return;
  emit({ id: rule.id, rule: rule.id, severity: rule.severity, section: 'other', message: fill(rule.message, { dueYear: report.year + 1, date }), cells: [] });
}

// ---- narrative ------------------------------------------------------------

function evalNarrativeRequired(rule: NarrativeRequiredRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const check of rule.checks) {
    const text = report.narratives[check.section].trim();
    const base = { rule: rule.id, severity: rule.severity, section: check.section, cells: [] as CellKey[] };
    const id = `${rule.id}:${check.section}`;
    if (text === '') {
      emit({ ...base, id, message: check.emptyMessage });
      continue;
    }
    const missing = (check.mustCover ?? []).filter((c) => !c.any.some((w) => text.includes(w))).map((c) => c.name);
    if (missing.length > 0 && check.missingMessage) {
      emit({ ...base, id, message: fill(check.missingMessage, { missing: missing.join('、') }) });
      continue;
    }
    const meaningful = text.replace(/[\s\p{P}]/gu, '');
    if (check.minChars && check.tokenMessage && meaningful.length < check.minChars) {
      emit({ ...base, id, message: fill(check.tokenMessage, { text: text.length > 20 ? text.slice(0, 20) + '…' : text }) });
    }
  }
}

const regexCache = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let r = regexCache.get(source);
  if (!r) {
    r = new RegExp(source, 'gu');
    regexCache.set(source, r);
  }
  r.lastIndex = 0;
  return r;
}

interface NumberMention {
  phrase: number;
  value: number;
  quote: string;
}

/** Mentions depend on the text only, so they are kept per text; the cells are compared on every run. */
const mentionCache = new Map<string, NumberMention[]>();
function numberMentions(rule: NarrativeNumbersRule, text: string): NumberMention[] {
  const hit = mentionCache.get(text);
  if (hit) return hit;
  const claimed: [number, number][] = [];
  const found: NumberMention[] = [];
  rule.phrases.forEach((phrase, index) => {
    for (const source of phrase.patterns) {
      for (const m of text.matchAll(regex(source))) {
        const start = m.index;
        const end = start + m[0].length;
        if (claimed.some(([s, e]) => start < e && end > s)) continue;
        claimed.push([start, end]);
        const n = m.groups?.n ?? '';
        const value = n === '' ? 0 : parseTextNumber(n);
        if (value === undefined) continue;
        found.push({ phrase: index, value, quote: quoteAround(text, start, end) });
      }
    }
  });
  if (mentionCache.size > 64) mentionCache.clear();
  mentionCache.set(text, found);
  return found;
}

function evalNarrativeNumbers(rule: NarrativeNumbersRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const section of NARRATIVE_IDS) {
    const text = report.narratives[section];
    if (!text) continue;
    for (const mention of numberMentions(rule, text)) {
      const phrase = rule.phrases[mention.phrase]!;
      const values = phrase.candidates.map((cells) => cells.reduce<number | undefined>((a, k) => {
        const v = numericValue(raw(report, k));
        return a === undefined || v === undefined ? undefined : a + v;
      }, 0));
      if (values.some((v) => v === undefined)) continue;
      if (values.includes(mention.value)) continue;
      const candidates = phrase.candidateNames.map((name, i) => fill(name, { 0: values[i]! })).join('，或');
      emit({
        id: `${rule.id}:${section}:${mention.quote}`,
        rule: rule.id,
        severity: rule.severity,
        section,
        message: fill(rule.message, { section: SECTION_HEADING[section], quote: mention.quote, candidates }),
        cells: [...new Set(phrase.candidates.flat())],
      });
    }
  }
}

function evalNarrativeYear(rule: NarrativeYearRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const section of NARRATIVE_IDS) {
    const text = report.narratives[section];
    if (!text) continue;
    const seen = new Set<string>();
    for (const source of rule.patterns) {
      for (const m of text.matchAll(regex(source))) {
        const y = Number(m.groups?.y);
        if (!(y < report.year && y >= report.year - rule.lookBack)) continue;
        const id = `${rule.id}:${section}:${y}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const quote = quoteAround(text, m.index + m[0].indexOf(String(y)), m.index + m[0].length);
        emit({
          id,
          rule: rule.id,
          severity: rule.severity,
          section,
          message: fill(rule.message, { section: SECTION_HEADING[section], quote, y, year: report.year }),
          cells: [],
        });
      }
    }
  }
}

function evalFeeNotice(rule: FeeNoticeRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  const v = raw(report, rule.cell);
  if (typeof v !== 'number' || v <= 0) return;
  const text = report.narratives.other;
  const m = regex(rule.denial).exec(text);
  if (!m || text.includes(rule.mention)) return;
  emit({
    id: rule.id,
    rule: rule.id,
    severity: rule.severity,
    section: 'other',
    message: fill(rule.message, { value: v, quote: quoteAround(text, m.index, m.index + m[0].length) }),
    cells: [rule.cell],
  });
}

let shingleMemo: { text: string; set: Set<string> } | undefined;
function earlierShingles(previous: Report): Set<string> {
  const text = NARRATIVE_IDS.map((n) => previous.narratives[n]).join('\n');
  if (shingleMemo?.text !== text) shingleMemo = { text, set: shingles(text) };
  return shingleMemo.set;
}

/** Per narrative section, the share of its text that repeats last year's report. */
export function narrativeRepetition(report: Report, previous: Report): Record<NarrativeId, { repeated: number; total: number }> {
  const earlier = earlierShingles(previous);
  return Object.fromEntries(NARRATIVE_IDS.map((n) => [n, repeatedShare(report.narratives[n], earlier)])) as Record<
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
    .map((n) => `${SECTION_HEADING[n]} ${pct(shares[n])}%`)
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

type Evaluator<R extends Rule> = (rule: R, report: Report, ctx: ValidationContext, emit: Emit) => void;
const EVALUATORS: { [K in Rule['kind']]: Evaluator<Extract<Rule, { kind: K }>> } = {
  equation: evalEquation,
  cellType: evalCellType,
  blank: evalBlank,
  levelCells: evalLevelCells,
  jump: evalJump,
  deadline: evalDeadline,
  narrativeRequired: evalNarrativeRequired,
  narrativeNumbers: evalNarrativeNumbers,
  narrativeYear: evalNarrativeYear,
  feeNotice: evalFeeNotice,
  repetition: evalRepetition,
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** All findings for a report, errors first, in the order of the rule list within a severity. */
export function validate(report: Report, ctx: ValidationContext = {}, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (f) => findings.push(f);
  for (const rule of rules) (EVALUATORS[rule.kind] as Evaluator<Rule>)(rule, report, ctx, emit);
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function applyFix(report: Report, fix: QuickFix): Report {
  return setCells(
    report,
    fix.changes.map((c) => [c.cell, c.value] as const),
  );
}

/** What keeps a report from being final: errors, and warnings without a 核实说明. */
export function blockingFindings(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Finding[] {
  return findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && !(explanations[f.id] ?? '').trim()));
}
