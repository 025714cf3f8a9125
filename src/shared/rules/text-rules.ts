// The evaluators of the rules that read the report's words: statements the
// tables contradict, last year's problems, the outline, punctuation and words
// typed twice. Each finding points at its words (a span), so the editor can
// mark them and the 审核情况 sheet can quote them.
import { textLabel } from '../model/limits';
import { cellNumber, valueAt, type Report } from '../model/report';
import type { CellKey } from '../model/cells';
import { NARRATIVE_IDS, SECTION_BY_ID, SECTIONS, type SectionId } from '../template/gov2021';
import { fill, quoteAround } from './text';
import {
  noneStatementsOf,
  numberedLinesOf,
  numberMentionsOf,
  partsStatedOf,
  punctuationOf,
  regex,
  repeatsOf,
  sentenceStart,
} from './text-checks';
import type {
  ContradictionRule,
  Finding,
  FollowupRule,
  NarrativeNumbersRule,
  OutlineNumberingRule,
  PartsStatedRule,
  PunctuationRule,
  RepeatedRule,
  Rule,
  TextEdit,
  TextId,
  TextSpan,
  ValidationContext,
} from './types';

export type Emit = (f: Finding) => void;

export const TEXT_IDS: readonly TextId[] = ['preamble', ...NARRATIVE_IDS];

export function textOf(report: Report, id: TextId): string {
  return (id === 'preamble' ? report.preamble : report.narratives[id]) ?? '';
}

/** The section a text belongs to in the findings list: the preamble stands before 一、总体情况. */
export function sectionOfText(id: TextId): SectionId {
  return id === 'preamble' ? 'overview' : id;
}

/** A span and its quote; `quoteFrom` starts the quote earlier (a statement's sentence), within the quote's length. */
export function spanOf(text: TextId, content: string, start: number, end: number, quoteFrom = start): TextSpan {
  return { text, start, end, quote: quoteAround(content, Math.max(quoteFrom, end - QUOTE_REACH), end) };
}

/** How far back a quote may start to take in its sentence. */
const QUOTE_REACH = 36;

/** The sum of cells, undefined while one is blank, unread or text: a table not filled in (or not read) yet contradicts nothing. */
export function filledSum(report: Report, cells: readonly CellKey[]): number | undefined {
  let sum = 0;
  for (const k of cells) {
    const v = valueAt(report, k) === null ? undefined : cellNumber(report, k);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

const heading = (id: TextId) => textLabel(id);

/** Notices listed per text and rule, each with its place: past this many, more say nothing new (a hostile or garbled file has thousands). */
const PLACES_LISTED = 20;

// ---- narrative.contradiction -------------------------------------------------

export function evalContradiction(
  rule: ContradictionRule,
  report: Report,
  _ctx: ValidationContext,
  emit: Emit,
  rules: readonly Rule[],
): void {
  const numbers = rules.find((r): r is NarrativeNumbersRule => r.id === rule.countsOf && r.kind === 'narrativeNumbers');
  for (const id of NARRATIVE_IDS) {
    const text = report.narratives[id];
    if (!text) continue;
    for (const m of noneStatementsOf(rule.statements, text)) {
      const st = rule.statements[m.statement]!;
      const value = filledSum(report, st.cells);
      if (value === undefined || value === 0) continue;
      const span = spanOf(id, text, m.start, m.end, sentenceStart(text, m.start));
      emit({
        id: `${rule.id}:${id}:${span.quote}`,
        rule: rule.id,
        severity: rule.severity,
        section: id,
        message: fill(rule.message, { section: heading(id), quote: span.quote, quantity: fill(st.quantity, { 0: value }) }),
        cells: [...st.cells],
        span,
      });
    }
    if (!numbers) continue;
    // The reverse: a count stated where the table says none (收到申请5件 beside 本年新收 0).
    for (const m of numberMentionsOf(numbers, text)) {
      const phrase = numbers.phrases[m.phrase]!;
      if (m.value === 0) continue;
      const values = phrase.candidates.map((cells) => filledSum(report, cells));
      if (!values.every((v) => v === 0)) continue;
      const span = spanOf(id, text, m.start, m.end);
      const quantity = phrase.candidateNames.map((name) => fill(name, { 0: 0 })).join('，');
      emit({
        id: `${rule.id}:${id}:${span.quote}`,
        rule: rule.id,
        severity: rule.severity,
        section: id,
        message: fill(rule.message, { section: heading(id), quote: span.quote, quantity }),
        cells: [...new Set(phrase.candidates.flat())],
        span,
      });
    }
  }
}

/** True where a stated count is the contradiction rule's (above 0 where the table says 0), not a mismatch of figures. */
export function isCountOfNone(value: number, tableValues: readonly (number | undefined)[]): boolean {
  return value > 0 && tableValues.every((v) => v === 0);
}

// ---- narrative.problems_followup -------------------------------------------

export function evalFollowup(rule: FollowupRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  const previous = ctx.previous;
  if (!previous || previous.narratives[rule.section].trim() === '') return;
  const text = report.narratives[rule.section];
  if (text.trim() === '') return;
  const prevYear = String(previous.year);
  if (rule.mentions.some((m) => regex(m.replace('{prevYear}', prevYear)).test(text))) return;
  emit({
    id: rule.id,
    rule: rule.id,
    severity: rule.severity,
    section: rule.section,
    message: fill(rule.message, { prevYear }),
    cells: [],
  });
}

// ---- outline ---------------------------------------------------------------

const NUMERALS = SECTIONS.map((s) => s.numeral);
/** The number a heading is written with: 四、 四. 第四部分 4、 → 四. */
function writtenNumeral(written: string): string | undefined {
  const m = /^\s*(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)\s*[、.．,，:：]|(\d{1,2})\s*[、.．])/u.exec(written);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? (m[3] ? '一二三四五六七八九十'[Number(m[3]) - 1] : undefined);
}

export function evalOutlineNumbering(rule: OutlineNumberingRule, report: Report, ctx: ValidationContext, emit: Emit): void {
  for (const id of rule.sections) {
    const text = report.narratives[id];
    if (!text) continue;
    const own = SECTION_BY_ID[id];
    // The section's own heading typed as its first line ("一、总体情况") is not a second numbering.
    const lines = numberedLinesOf(rule, text).filter((l) => !(l.numeral === own.numeral && l.line.includes(own.name.slice(0, 2))));
    const first = lines[0];
    if (!first) continue;
    const span = spanOf(id, text, first.start, first.end);
    emit({
      id: `${rule.id}:${id}`,
      rule: rule.id,
      severity: rule.severity,
      section: id,
      message: fill(rule.message, {
        heading: own.heading,
        quote: span.quote,
        n: first.numeral,
        more: lines.length > 1 ? `（共 ${lines.length} 行）` : '',
      }),
      cells: [],
      span,
    });
  }
  const headings = ctx.outline?.headings ?? {};
  for (const section of SECTIONS) {
    const written = headings[section.id];
    if (!written) continue;
    const numeral = writtenNumeral(written);
    if (numeral === undefined || numeral === section.numeral || !NUMERALS.includes(section.numeral)) continue;
    emit({
      id: `${rule.id}:document:${section.id}`,
      rule: rule.id,
      severity: rule.severity,
      section: section.id,
      message: fill(rule.documentMessage, { heading: section.heading, written: written.trim(), numeral: section.numeral }),
      cells: [],
    });
  }
}

export function evalPartsStated(rule: PartsStatedRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const id of rule.texts) {
    const text = textOf(report, id);
    if (!text) continue;
    const wrong = partsStatedOf(rule, text).find((p) => p.parts !== rule.expected);
    if (!wrong) continue;
    const span = spanOf(id, text, wrong.start, wrong.end);
    emit({
      id: `${rule.id}:${id}`,
      rule: rule.id,
      severity: rule.severity,
      section: sectionOfText(id),
      message: fill(rule.message, { section: heading(id), quote: span.quote }),
      cells: [],
      span,
    });
  }
}

// ---- text.punctuation, text.repeated -------------------------------------------

export function evalPunctuation(rule: PunctuationRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  const scans = rule.texts
    .map((id) => [id, textOf(report, id)] as const)
    .map(([id, text]) => ({ id, text, scan: punctuationOf(rule, text) }));
  // A report typed with full-width commas: its half-width marks are slips. One all in half-width (a web page's) is another convention.
  const full = scans.reduce((a, s) => a + s.scan.commas.full, 0);
  const half = scans.reduce((a, s) => a + s.scan.commas.half, 0);
  for (const { id, text, scan } of scans) {
    if (!text) continue;
    const { brackets } = scan;
    const halfWidth = full > half ? scan.halfWidth : [];
    const first = halfWidth[0];
    if (first) {
      const span = spanOf(id, text, first.start, first.end);
      const edits: TextEdit[] = halfWidth.flatMap((p) =>
        p.fullWidth ? [{ text: id, start: p.start, end: p.end, was: text.slice(p.start, p.end), value: p.fullWidth }] : [],
      );
      const marks = [...new Set(halfWidth.map((p) => `“${p.mark}”`))].join('');
      emit({
        id: `${rule.id}:${id}:half`,
        rule: rule.id,
        severity: rule.severity,
        section: sectionOfText(id),
        message: fill(rule.halfWidthMessage, { section: heading(id), count: halfWidth.length, marks, quote: span.quote }),
        cells: [],
        span,
        ...(edits.length > 0 ? { fix: { label: `${rule.fixLabel}（${edits.length} 处）`, changes: [], edits } } : {}),
      });
    }
    for (const b of brackets.slice(0, PLACES_LISTED)) {
      const span = spanOf(id, text, b.at, b.at + 1, sentenceStart(text, b.at));
      emit({
        id: `${rule.id}:${id}:${b.at}`,
        rule: rule.id,
        severity: rule.severity,
        section: sectionOfText(id),
        message: fill(b.kind === 'unclosed' ? rule.unclosedMessage : rule.unopenedMessage, {
          section: heading(id),
          mark: b.mark,
          other: b.other,
          quote: span.quote,
        }),
        cells: [],
        span,
      });
    }
  }
}

export function evalRepeated(rule: RepeatedRule, report: Report, _ctx: ValidationContext, emit: Emit): void {
  for (const id of rule.texts) {
    const text = textOf(report, id);
    if (!text) continue;
    for (const r of repeatsOf(rule, text).slice(0, PLACES_LISTED)) {
      const span = spanOf(id, text, r.start - r.word.length, r.end, sentenceStart(text, r.start));
      emit({
        id: `${rule.id}:${id}:${r.start}`,
        rule: rule.id,
        severity: rule.severity,
        section: sectionOfText(id),
        message: fill(rule.message, { section: heading(id), quote: span.quote, word: r.word }),
        cells: [],
        span,
        fix: {
          label: fill(rule.fixLabel, { word: r.word }),
          changes: [],
          edits: [{ text: id, start: r.start, end: r.end, was: r.word, value: '' }],
        },
      });
    }
  }
}
