// Findings are derived from the report by the shared engine, once per edit:
// every component asking for the same report gets the same array.
import type { Report } from '../../../shared/model/report';
import { validate } from '../../../shared/rules/engine';
import type { Finding, Severity } from '../../../shared/rules/types';
import type { CellKey } from '../../../shared/model/cells';

let memo: { report: Report; previous: Report | null; findings: Finding[] } | null = null;

export function findingsOf(report: Report, previous: Report | null): Finding[] {
  if (memo?.report !== report || memo.previous !== previous) memo = { report, previous, findings: validate(report, { previous }) };
  return memo.findings;
}

export interface CellMark {
  severity: Severity;
  messages: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

let marksMemo: { findings: readonly Finding[]; explanations: Readonly<Record<string, string>>; marks: Map<CellKey, CellMark> } | null = null;

/**
 * The worst finding on each cell, with every message that names it. Blank
 * cells are left out: a table still being filled would otherwise be all
 * yellow; the blank finding is listed in the panel with its quick fix. A
 * warning that has its 核实说明 no longer marks its cells.
 */
export function cellMarks(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Map<CellKey, CellMark> {
  if (marksMemo?.findings === findings && marksMemo.explanations === explanations) return marksMemo.marks;
  const marks = new Map<CellKey, CellMark>();
  for (const f of findings) {
    if (f.rule === 'cell.blank') continue;
    if (f.severity === 'warning' && (explanations[f.id] ?? '').trim()) continue;
    for (const key of f.cells) {
      const mark = marks.get(key);
      if (!mark) marks.set(key, { severity: f.severity, messages: [f.message] });
      else {
        mark.messages.push(f.message);
        if (RANK[f.severity] < RANK[mark.severity]) mark.severity = f.severity;
      }
    }
  }
  marksMemo = { findings, explanations, marks };
  return marks;
}
