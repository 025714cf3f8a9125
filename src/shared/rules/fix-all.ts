// 全部修正: every quick fix the rules offer, applied together as one change.
// A fix can make another (blanks filled with 0 change a total), so the
// findings are derived again after each round; a cell that two fixes would
// set to different values is ambiguous and left for the author.
import type { CellKey } from '../model/cells';
import { isUnread, valueAt, setCells, type CellValue, type Report } from '../model/report';
import { RULES } from './catalog';
import { applyTextEdits } from './edits';
import { validate } from './engine';
import type { Finding, TextEdit, ValidationContext } from './types';

/** One quick fix that was applied: its label, the cells it set and the words it changed. */
export interface AppliedFix {
  findingId: string;
  rule: string;
  label: string;
  cells: readonly CellKey[];
  edits?: readonly TextEdit[];
}

export interface FixAllOutcome {
  report: Report;
  applied: readonly AppliedFix[];
}

/** Fixes making more fixes settle within a few rounds; a chain longer than this is not unambiguous. */
const MAX_ROUNDS = 4;

/** Rules whose fix says only "no figure here": any fix that knows the figure claims the cell first. */
const FILL_RULES = new Set(RULES.filter((r) => r.kind === 'blank').map((r) => r.id));

/** Rules whose fix recomputes a total from its parts. */
const TOTAL_RULES = new Set(RULES.filter((r) => r.kind === 'equation' && r.fixLhs).map((r) => r.id));

/** Rules whose fix changes the author's wording: offered one by one, never applied by 全部修正. */
const OWN_FIX_ONLY = new Set(RULES.filter((r) => r.traits?.ownFixOnly).map((r) => r.id));

/** What a round of fixes sets: the first fix to claim a cell has it (errors come first, filling blanks last). */
function roundChanges(findings: readonly Finding[], touched: ReadonlyMap<CellKey, CellValue>, report: Report) {
  const changes = new Map<CellKey, CellValue>();
  const applied: AppliedFix[] = [];
  const edits: TextEdit[] = [];
  // A number of the text is set to a table's figure only while no error puts that figure in doubt.
  const doubtful = new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells));
  const ordered = [...findings.filter((f) => !FILL_RULES.has(f.rule)), ...findings.filter((f) => FILL_RULES.has(f.rule))];
  for (const f of ordered) {
    if (!f.fix || OWN_FIX_ONLY.has(f.rule)) continue;
    // Words: a fix whose edits overlap another's is ambiguous and left for the author.
    const trusted = !f.cells.some((c) => doubtful.has(c));
    const own = (trusted ? (f.fix.edits ?? []) : []).filter(
      (e) => !edits.some((o) => o.text === e.text && e.start < o.end && e.end > o.start),
    );
    if (own.length > 0) {
      edits.push(...own);
      applied.push({ findingId: f.id, rule: f.rule, label: f.fix.label, cells: [], edits: own });
    }
    const cells: CellKey[] = [];
    for (const { cell, value } of f.fix.changes) {
      if (valueAt(report, cell) === value) continue;
      // A cell the file did not give is the author's to fill from the original, whatever a rule would make of it.
      if (isUnread(report, cell)) continue;
      // Set once by 全部修正 already and now wanted otherwise: two rules disagree on the cell.
      if (touched.has(cell) || changes.has(cell)) continue;
      changes.set(cell, value);
      cells.push(cell);
    }
    if (cells.length > 0) applied.push({ findingId: f.id, rule: f.rule, label: f.fix.label, cells });
  }
  return { changes, edits, applied };
}

/**
 * The report with every unambiguous quick fix applied, and what was applied.
 * `settle` lets the caller derive what its own mode derives after an edit
 * (the editor's computed totals).
 */
export function fixAll(
  report: Report,
  ctx: ValidationContext = {},
  settle: (r: Report, changed: readonly CellKey[]) => Report = (r) => r,
): FixAllOutcome {
  let next = report;
  const touched = new Map<CellKey, CellValue>();
  const applied: AppliedFix[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const findings = validate(next, ctx);
    const { changes, edits, applied: now } = roundChanges(findings, touched, next);
    if (changes.size === 0 && edits.length === 0) break;
    next = applyTextEdits(next, edits).report;
    if (changes.size > 0) next = settle(setCells(next, changes), [...changes.keys()]);
    for (const [key, value] of changes) touched.set(key, value);
    applied.push(...now);
  }
  return { report: next, applied };
}

/** How the account names numbers of the text updated to the tables: "正文中 6 处数字已按今年表格更新". */
export function numbersUpdated(count: number): string {
  return `正文中 ${count} 处数字已按今年表格更新`;
}

/** 全部修正's account of itself, in the words the author sees: "空格填 0：23 格；重算总计：2 格；正文中 1 处数字已按今年表格更新". */
export function describeFixes(applied: readonly AppliedFix[]): string {
  const byKind = new Map<string, number>();
  let words = 0;
  for (const a of applied) {
    words += a.edits?.length ?? 0;
    if (a.cells.length === 0) continue;
    // A total's fix names the value it writes ("将总计改为 3"): together they are totals recomputed.
    const kind = TOTAL_RULES.has(a.rule) ? '重算总计' : a.label;
    byKind.set(kind, (byKind.get(kind) ?? 0) + a.cells.length);
  }
  const parts = [...byKind].map(([kind, cells]) => `${kind}：${cells} 格`);
  if (words > 0) parts.push(numbersUpdated(words));
  return parts.join('；');
}

const NUMBERS_RULES = RULES.filter((r) => r.kind === 'narrativeNumbers');

export interface RefreshedNumbers {
  report: Report;
  /** The numbers replaced, in text order. */
  edits: readonly TextEdit[];
  /** What the author is told ("正文中 6 处数字已按今年表格更新"); null when nothing changed. */
  message: string | null;
}

/**
 * Last year's sentences with this year's figures: every number the text
 * states whose phrase means one table quantity only is set to that quantity;
 * numbers that could mean more than one, or none, are left as written (and
 * stay findings). Pure: the start of a new year's report and 全部修正 both
 * call it, and it changes nothing else of the text.
 */
export function refreshNumbers(report: Report): RefreshedNumbers {
  const doubtful = new Set(
    validate(report)
      .filter((f) => f.severity === 'error')
      .flatMap((f) => f.cells),
  );
  const edits = validate(report, {}, NUMBERS_RULES)
    .filter((f) => !f.cells.some((c) => doubtful.has(c)))
    .flatMap((f) => f.fix?.edits ?? []);
  if (edits.length === 0) return { report, edits: [], message: null };
  const done = applyTextEdits(report, edits);
  return { report: done.report, edits: done.applied, message: numbersUpdated(done.applied.length) };
}
