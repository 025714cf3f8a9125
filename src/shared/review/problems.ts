// The 问题清单 as data: what the office sends back to each body — where the
// problem is (section, cells by their printed names), what it is, how grave,
// and how to fix it. The workbook and the per-body Word document lay out
// these rows; neither decides what a row says.
import { cellDef, CELLS, type CellKey } from '../model/cells';
import { SEVERITY_LABEL, type Finding, type Severity } from '../rules/types';
import { sectionHeading } from '../template/gov2021';
import { bodyOf, type ReviewedReport } from './review';

/** What to do about a finding that has no one-click fix, by how grave it is. */
const ADVICE: Record<Severity, string> = {
  error: '按问题所述改正；改正前报告不能定稿',
  warning: '核对后改正；确实无误的，在核实说明中写明理由',
  notice: '请留意，无须改动',
};

export interface ProblemRow {
  /** The finding's id (stable from one round to the next: how a problem sent back is found again); 'file' or 'duplicate' for the others. */
  id: string;
  /** What kind of problem: a finding's severity, a file that can't be read, or the same body twice. */
  kind: Severity | 'unreadable' | 'duplicate';
  body: string;
  fileName: string;
  severity: string;
  section: string;
  /** The cells by the names the template prints ("三、（七）总计·自然人"), 、-separated. */
  cells: string;
  /** The first cells only, for a printed page or a screen ("……等 22 个格子"). */
  cellsBrief: string;
  message: string;
  fix: string;
  rule: string;
  /** The body's 核实说明 of this finding, where it wrote one. */
  explanation: string;
}

/** The columns of a 问题清单 as every layout shows them: the workbook, the Word document and the page. */
export const PROBLEM_COLUMNS = [
  { key: 'severity', header: '类别' },
  { key: 'section', header: '部分' },
  { key: 'cells', header: '涉及单元格' },
  { key: 'message', header: '问题' },
  { key: 'fix', header: '改正方法' },
] as const satisfies readonly { key: keyof ProblemRow; header: string }[];

export type ProblemColumn = (typeof PROBLEM_COLUMNS)[number]['key'];

/** The cells' printed names; with `max`, the first few and how many in all. */
export function cellNames(cells: readonly CellKey[], max = Infinity): string {
  const names = cells
    .slice(0, max)
    .map((k) => cellDef(k)?.name ?? k)
    .join('、');
  return cells.length > max ? `${names} 等 ${cells.length} 个格子` : names;
}

/** A finding's cells in a 问题清单 someone reads: the first names the total that is wrong, the rest are its parts. */
const BRIEF_CELLS = 3;

const CELL_NAMES = new Set(CELLS.map((c) => c.name));

/**
 * The names in a 、-separated list of cells, as a 问题清单 or an earlier
 * round wrote it. A name holds 、 itself ("三、（七）总计·自然人"), so the list
 * is cut where a name of the template ends; a piece no name of the template
 * starts (an older 问题清单's own wording) runs to the next 、.
 */
export function splitCellNames(text: string): string[] {
  const pieces = text.split('、');
  const names: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let end = i + 1;
    for (let j = pieces.length; j > i + 1; j--)
      if (CELL_NAMES.has(pieces.slice(i, j).join('、'))) {
        end = j;
        break;
      }
    const name = pieces.slice(i, end).join('、');
    if (name) names.push(name);
    i = end;
  }
  return names;
}

/** A 、-separated list of cells as a screen or a line of the command shows it: the first few, and how many in all. */
export function briefCellNames(text: string, max = BRIEF_CELLS): string {
  const names = splitCellNames(text);
  return names.length > max ? `${names.slice(0, max).join('、')} 等 ${names.length} 个格子` : text;
}

/**
 * The problem and what to do, in the finding's own words: a message says
 * what is wrong, then "：请…" what to check or change. That advice is the
 * rule's own (where a total's parts are blank it asks to check them, never
 * to write a new total), so the 问题清单 prints it as it stands; only a
 * finding that gives none gets its quick fix's label or the advice of its
 * severity.
 */
export function problemAndFix(f: Pick<Finding, 'message' | 'fix' | 'severity'>): { message: string; fix: string } {
  const at = f.message.lastIndexOf('：请');
  if (at > 0) return { message: f.message.slice(0, at), fix: f.message.slice(at + 1) };
  return { message: f.message, fix: f.fix ? f.fix.label : ADVICE[f.severity] };
}

export function problemRow(r: ReviewedReport, f: Finding): ProblemRow {
  return {
    ...problemAndFix(f),
    id: f.id,
    kind: f.severity,
    body: bodyOf(r),
    fileName: r.fileName,
    severity: SEVERITY_LABEL[f.severity],
    section: sectionHeading(f.section),
    cells: cellNames(f.cells),
    cellsBrief: cellNames(f.cells, BRIEF_CELLS),
    rule: f.rule,
    explanation: r.report?.explanations[f.id] ?? '',
  };
}

/** The problems that are no finding of the rules: a file that could not be read, the same body's report twice. */
export const UNREADABLE_ID = 'file';
export const DUPLICATE_ID = 'duplicate';

/** A report's 问题清单: a file that could not be read is one problem of its own. */
export function problemRows(r: ReviewedReport): ProblemRow[] {
  if (r.error !== undefined) {
    return [
      {
        id: UNREADABLE_ID,
        kind: 'unreadable',
        body: bodyOf(r),
        fileName: r.fileName,
        severity: '读取失败',
        section: '',
        cells: '',
        cellsBrief: '',
        message: r.error,
        fix: '请重新报送可以读取的文件',
        rule: UNREADABLE_ID,
        explanation: '',
      },
    ];
  }
  const rows = r.findings.map((f) => problemRow(r, f));
  if (r.duplicates.length > 0) {
    rows.unshift({
      id: DUPLICATE_ID,
      kind: 'duplicate',
      body: bodyOf(r),
      fileName: r.fileName,
      severity: '重复',
      section: '',
      cells: '',
      cellsBrief: '',
      message: `与「${r.duplicates.join('」「')}」是同一单位同一年度的报告`,
      fix: '确认哪一份是最终稿，其余的不再报送',
      rule: DUPLICATE_ID,
      explanation: '',
    });
  }
  return rows;
}

/** The first few problems of a report, for the one-line-per-body sheet and the CLI. */
export function firstProblems(r: ReviewedReport, count = 3): string {
  const rows = problemRows(r).filter((p) => p.kind !== 'notice');
  const shown = rows.slice(0, count).map((p) => `${p.severity}：${p.message}`);
  return shown.join('\n') + (rows.length > count ? `\n……另有 ${rows.length - count} 项` : '');
}
