// 全部修正: every quick fix the rules offer, applied together as one change.
// A fix can make another (blanks filled with 0 change a total), so the
// findings are derived again after each round; a cell that two fixes would
// set to different values is ambiguous and left for the author.
import type { CellKey } from '../model/cells';
import { isUnread, valueAt, setCells, type CellValue, type Report } from '../model/report';
import { RULES } from './catalog';
import { validate } from './engine';
import type { Finding, ValidationContext } from './types';

/** One quick fix that was applied: its label and the cells it set. */
export interface AppliedFix {
  findingId: string;
  rule: string;
  label: string;
  cells: readonly CellKey[];
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

/** What a round of fixes sets: the first fix to claim a cell has it (errors come first, filling blanks last). */
function roundChanges(findings: readonly Finding[], touched: ReadonlyMap<CellKey, CellValue>, report: Report) {
  const changes = new Map<CellKey, CellValue>();
  const applied: AppliedFix[] = [];
  const ordered = [...findings.filter((f) => !FILL_RULES.has(f.rule)), ...findings.filter((f) => FILL_RULES.has(f.rule))];
  for (const f of ordered) {
    if (!f.fix) continue;
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
  return { changes, applied };
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
    const { changes, applied: now } = roundChanges(findings, touched, next);
    if (changes.size === 0) break;
    next = settle(setCells(next, changes), [...changes.keys()]);
    for (const [key, value] of changes) touched.set(key, value);
    applied.push(...now);
  }
  return { report: next, applied };
}

/** 全部修正's account of itself, in the words the author sees: "空格填 0：23 格；将总计改为 …：2 处". */
export function describeFixes(applied: readonly AppliedFix[]): string {
  const byKind = new Map<string, number>();
  for (const a of applied) {
    // A total's fix names the value it writes ("将总计改为 3"): together they are totals recomputed.
    const kind = TOTAL_RULES.has(a.rule) ? '重算总计' : a.label;
    byKind.set(kind, (byKind.get(kind) ?? 0) + a.cells.length);
  }
  return [...byKind].map(([kind, cells]) => `${kind}：${cells} 格`).join('；');
}
