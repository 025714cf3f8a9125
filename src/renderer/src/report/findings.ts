// Findings are derived from the report by the shared engine, once per edit:
// every component asking for the same report gets the same array. What each
// grid cell shows of them (its mark, whether a clicked finding names it) is
// derived once per report version too, and a cell whose mark did not change
// keeps the very same object, so that only the cells that changed re-render.
import type { Report } from '../../../shared/model/report';
import { validate } from '../../../shared/rules/engine';
import { findingsByCell } from '../../../shared/rules/marks';
import { bySeverity, type Finding, type Severity } from '../../../shared/rules/types';
import type { CellKey } from '../../../shared/model/cells';
import { memo } from '../../../shared/memo';

export const findingsOf = memo((report: Report, previous: Report | null): Finding[] => validate(report, { previous }));

export interface CellMark {
  severity: Severity;
  messages: string[];
}

function sameMark(a: CellMark | undefined, b: CellMark): boolean {
  return !!a && a.severity === b.severity && a.messages.length === b.messages.length && a.messages.every((m, i) => m === b.messages[i]);
}

/**
 * The worst finding on each cell, with every message that names it. Blank
 * cells (rules with the `unmarked` trait) are left out: a table still being
 * filled would otherwise be all yellow; the blank finding is listed in the
 * panel with its quick fix. A warning that has its 核实说明 no longer marks
 * its cells.
 */
function cellMarks(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Map<CellKey, CellMark> {
  const marks = new Map<CellKey, CellMark>();
  for (const [key, list] of findingsByCell(findings, explanations)) {
    const worst = list.reduce((w, f) => (bySeverity(f.severity, w) < 0 ? f.severity : w), list[0]!.severity);
    marks.set(key, { severity: worst, messages: list.map((f) => f.message) });
  }
  return marks;
}

/** The marks of a report version, for one editor: what each grid cell selects its own mark from. */
export type MarksOf = (report: Report, previous: Report | null) => ReadonlyMap<CellKey, CellMark>;

/**
 * Marks worked out once per report version, for the editor store that holds
 * this: a mark equal to the one the cell had in the last version handed out
 * is that very object, so a cell whose mark did not change does not re-render.
 */
export function keepMarks(): MarksOf {
  let last: ReadonlyMap<CellKey, CellMark> | undefined;
  const marksOf = memo((findings: readonly Finding[], explanations: Readonly<Record<string, string>>) => {
    const marks = cellMarks(findings, explanations);
    const before = last;
    if (before) for (const [key, mark] of marks) if (sameMark(before.get(key), mark)) marks.set(key, before.get(key)!);
    return (last = marks);
  });
  return (report, previous) => marksOf(findingsOf(report, previous), report.explanations);
}

/** The cells of the finding the author clicked (outlined in the grid), none when no finding was clicked. */
export const flaggedCells = memo(
  (findings: readonly Finding[], finding: string | undefined): ReadonlySet<CellKey> =>
    new Set(finding === undefined ? [] : (findings.find((f) => f.id === finding)?.cells ?? [])),
);
