// The 汇总: many bodies' reports of one year summed, cell by cell, into one
// report of the region. Every figure of the three tables is a count or an
// amount of the year, so it adds up across bodies — except 现行有效件数, a
// stock, where one document in force in two bodies counts once in the
// region; it is summed too, and the notices say so. Blank cells count as 0;
// a cell one body filled with text is left blank in the 汇总 and named.
import { fail, ok, type Result } from '../api/result';
import { CELLS } from '../model/cells';
import { blankReport, numericValue, type Report } from '../model/report';
import type { Level } from '../template/gov2021';
import { groupSameBodies, matchNames } from './names';
import { roundAmount, STOCK_CELLS } from './stocks';

export interface SumPart {
  fileName: string;
  report: Report;
}

export interface SumOptions {
  agency: string;
  year: number;
  level: Level;
  /** Last year's bodies, to name the bodies that came or went (the region's 结转 changes with them). */
  previous?: readonly SumPart[];
}

export interface Summed {
  report: Report;
  /** What the office must know about the figures, in Chinese. */
  notices: string[];
}

function names(list: readonly string[], max = 8): string {
  return list.slice(0, max).join('、') + (list.length > max ? ` 等 ${list.length} 个` : '');
}

/** Bodies in one set and not in the other, matched by name (全称 or 简称). */
function bodiesNotIn(these: readonly string[], those: readonly string[]): string[] {
  const matched = matchNames(these, those);
  return these.filter((_, i) => matched[i] === undefined);
}

/** The one refusal a set of reports can't be summed for, or undefined. */
function refusal(parts: readonly SumPart[], year: number): Result<never> | undefined {
  if (parts.length === 0) return fail('nothing_to_sum', '没有可以汇总的报告：请至少选择一份');
  const other = parts.filter((p) => p.report.year !== year);
  if (other.length > 0) {
    const list = other
      .map((p) => `「${p.fileName}」是 ${p.report.year} 年度`)
      .slice(0, 5)
      .join('，');
    return fail(
      'years_differ',
      `不能汇总不同年度的报告：汇总的是 ${year} 年度，但${list}${other.length > 5 ? ` 等 ${other.length} 份` : ''}。请只选 ${year} 年度的报告`,
    );
  }
  for (const group of groupSameBodies(parts.map((p) => p.report.agency))) {
    if (group.length < 2) continue;
    const [first, second] = group.map((i) => parts[i]!);
    return fail(
      'duplicate_body',
      `「${first!.fileName}」和「${second!.fileName}」都是${first!.report.agency}的报告，同一单位只能计入一次：请去掉其中一份再汇总`,
    );
  }
  return undefined;
}

/** The region's report: every cell the sum of its bodies' cells; the text left for the region to write. */
export function sumReports(parts: readonly SumPart[], options: SumOptions): Result<Summed> {
  const refused = refusal(parts, options.year);
  if (refused) return refused;
  const report = blankReport({ agency: options.agency, year: options.year, level: options.level });
  const textCells: string[] = [];
  let blanks = 0;
  for (const c of CELLS) {
    let total = 0;
    const withText: string[] = [];
    for (const p of parts) {
      const v = p.report.tables[c.table][c.row]?.[c.col] ?? null;
      const n = numericValue(v);
      if (n === undefined) withText.push(p.report.agency);
      else total += n;
      if (typeof v !== 'number' && n !== undefined) blanks++;
    }
    if (withText.length > 0) textCells.push(`${c.name}（${names(withText, 3)}）`);
    report.tables[c.table][c.row]![c.col] = withText.length > 0 ? null : roundAmount(total);
  }
  const notices = [`汇总了 ${parts.length} 个单位 ${options.year} 年度的报告：三张表逐格相加，正文由本级填写。`];
  const stocks = CELLS.filter((c) => STOCK_CELLS.has(c.key)).map((c) => c.name);
  notices.push(`${names(stocks)}是年末存量，已按各单位之和计入；同一文件在几个单位都有效的只应计一次，请按本级实际核定。`);
  if (blanks > 0) notices.push(`各单位报告中有 ${blanks} 个空白或填“—”“/”“无”的格子，按 0 计入。`);
  if (textCells.length > 0) notices.push(`以下格子有单位填的不是数字，无法相加，汇总中留空：${names(textCells, 10)}。请先让这些单位改正。`);
  if (options.previous) {
    const now = parts.map((p) => p.report.agency);
    const before = options.previous.map((p) => p.report.agency);
    const gone = bodiesNotIn(before, now);
    const added = bodiesNotIn(now, before);
    if (gone.length > 0)
      notices.push(
        `上年有报告、今年没有的单位：${names(gone, 10)}。它们上年结转的申请不在今年的汇总中，本级“上年结转”与上年“结转下年度”可能因此不一致。`,
      );
    if (added.length > 0) notices.push(`今年新增的单位（上年没有报告）：${names(added, 10)}。`);
  }
  return ok({ report, notices });
}
