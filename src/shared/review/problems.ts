// The 问题清单 as data: what the office sends back to each body — where the
// problem is (section, cells by their printed names), what it is, how grave,
// and how to fix it. The workbook and the per-body Word document lay out
// these rows; neither decides what a row says.
import { cellDef, type CellKey } from '../model/cells';
import { SEVERITY_LABEL, type Finding, type Severity } from '../rules/types';
import { SECTIONS, type SectionId } from '../template/gov2021';
import { bodyOf, type ReviewedReport } from './review';

const SECTION_HEADING = Object.fromEntries(SECTIONS.map((s) => [s.id, s.heading])) as Record<SectionId, string>;

/** What to do about a finding that has no one-click fix, by how grave it is. */
const ADVICE: Record<Severity, string> = {
  error: '按问题所述改正；改正前报告不能定稿',
  warning: '核对后改正；确实无误的，在核实说明中写明理由',
  notice: '请留意，无须改动',
};

export interface ProblemRow {
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

export function problemRow(r: ReviewedReport, f: Finding): ProblemRow {
  return {
    kind: f.severity,
    body: bodyOf(r),
    fileName: r.fileName,
    severity: SEVERITY_LABEL[f.severity],
    section: SECTION_HEADING[f.section],
    cells: cellNames(f.cells),
    cellsBrief: cellNames(f.cells, BRIEF_CELLS),
    message: f.message,
    fix: f.fix ? f.fix.label : ADVICE[f.severity],
    rule: f.rule,
    explanation: r.report?.explanations[f.id] ?? '',
  };
}

/** A report's 问题清单: a file that could not be read is one problem of its own. */
export function problemRows(r: ReviewedReport): ProblemRow[] {
  if (r.error !== undefined) {
    return [
      {
        kind: 'unreadable',
        body: bodyOf(r),
        fileName: r.fileName,
        severity: '读取失败',
        section: '',
        cells: '',
        cellsBrief: '',
        message: r.error,
        fix: '请重新报送可以读取的文件',
        rule: 'file',
        explanation: '',
      },
    ];
  }
  const rows = r.findings.map((f) => problemRow(r, f));
  if (r.duplicates.length > 0) {
    rows.unshift({
      kind: 'duplicate',
      body: bodyOf(r),
      fileName: r.fileName,
      severity: '重复',
      section: '',
      cells: '',
      cellsBrief: '',
      message: `与「${r.duplicates.join('」「')}」是同一单位同一年度的报告`,
      fix: '确认哪一份是最终稿，其余的不再报送',
      rule: 'duplicate',
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
