// The 汇总: many bodies' reports of one year summed, cell by cell, into one
// report of the region — a report of its own kind (`kind: 'sum'`, with its
// members), never taken for the region's own report. Every figure of the three
// tables is a count or an amount of the year, so it adds up across bodies —
// except 现行有效件数, a stock, where one document in force in two bodies
// counts once in the region; it is summed too, and the notices say so.
//
// A report with errors is left out unless the reviewer includes it, and the
// notices say which reports went in and which did not. Blank cells count as 0
// (the template wants 0 there); a cell an included body filled with text, or
// that its file did not give, is unknown in the 汇总 (unread, named), never 0.
// A sum too large to be a number exactly is refused, never blanked.
import { fail, ok, type Result } from '../api/result';
import { CELLS, type CellDef } from '../model/cells';
import { blankReport, numericValue, valueOf, type CellValue, type Report } from '../model/report';
import type { Finding } from '../rules/types';
import { TABLE_IDS, type Level } from '../template/gov2021';
import { groupSameBodies, matchNames } from './names';
import { AMOUNT_SCALE, roundAmount, STOCK_CELLS } from './stocks';

export interface SumPart {
  fileName: string;
  report: Report;
  /** How many errors its tables have (tableErrors); a report with any is left out unless included. */
  errors?: number;
  /** Its cells' values in template order (CELLS), where the caller has them so: a 汇总 of thousands reads them, not the tables. */
  values?: readonly CellValue[];
}

/**
 * The errors that keep a report out of a 汇总: those of its tables, whose
 * figures cannot be right. A text not yet written (a workbook of the three
 * tables) is the body's own matter, not the 汇总's.
 */
export function tableErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && (TABLE_IDS as readonly string[]).includes(f.section));
}

export interface SumOptions {
  agency: string;
  year: number;
  level: Level;
  /** Sum reports with errors too (the reviewer's decision). */
  includeErrors?: boolean;
  /** Last year's 汇总 of the region: its members name the bodies that came or went (the region's 结转 changes with them). */
  previous?: Report | null;
  /** Bodies not offered for the 汇总 at all, and why (not sent; not chosen): said with those left out here. */
  leftOut?: readonly LeftOut[];
}

/** A report that did not go into the 汇总, and why. */
export interface LeftOut {
  fileName: string;
  agency: string;
  reason: string;
  /** The errors of its tables, where that is why. */
  errors?: number;
}

export interface Summed {
  report: Report;
  /** The reports summed, in order. */
  included: readonly SumPart[];
  /** The reports left out, each with its reason. */
  excluded: readonly LeftOut[];
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
  const sums = parts.filter((p) => p.report.kind === 'sum');
  if (sums.length > 0)
    return fail(
      'sum_of_sums',
      `「${sums[0]!.fileName}」本身是汇总（${sums[0]!.report.agency}），不能再与各单位的报告相加，否则会重复计算：请只选各单位自己的报告`,
    );
  return undefined;
}

function duplicateRefusal(parts: readonly SumPart[]): Result<never> | undefined {
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

/**
 * The largest sum a cell can hold exactly: a count as an integer, an amount
 * (万元) with its 4 decimals. Past it the figure would be rounded or become
 * Infinity, and JSON would write Infinity as null: a wrong number or a blank.
 */
const limitOf = (c: CellDef) => (c.kind === 'amount' ? Number.MAX_SAFE_INTEGER / AMOUNT_SCALE : Number.MAX_SAFE_INTEGER);

const showNumber = (n: number) => (Math.abs(n) < 1e15 ? String(roundAmount(n)) : n.toExponential(3));

function overflow(c: CellDef, parts: readonly SumPart[]): Result<never> {
  let top: SumPart | undefined;
  let topValue = -Infinity;
  for (const p of parts) {
    const v = numericValue(valueOf(p.report, c)) ?? 0;
    if (Math.abs(v) > topValue) [top, topValue] = [p, Math.abs(v)];
  }
  return fail(
    'sum_too_large',
    `不能汇总：「${c.name}」各单位相加超出了能准确表示的数字范围（其中「${top?.report.agency || top?.fileName}」填的是 ${showNumber(topValue)}）。` +
      '汇总未生成：请核对这个单位的数字后再汇总',
  );
}

/** Why a report with errors is not in a 汇总. */
export function errorsLeftOut(errors: number): Pick<LeftOut, 'reason' | 'errors'> {
  return { reason: `统计表有 ${errors} 个错误`, errors };
}

/** Reports with errors, unless included, go out; the others in. */
function choose(parts: readonly SumPart[], includeErrors: boolean): { included: SumPart[]; excluded: LeftOut[] } {
  const included: SumPart[] = [];
  const excluded: LeftOut[] = [];
  for (const p of parts) {
    if ((p.errors ?? 0) > 0 && !includeErrors)
      excluded.push({ fileName: p.fileName, agency: p.report.agency, ...errorsLeftOut(p.errors!) });
    else included.push(p);
  }
  return { included, excluded };
}

/** The region's report: every cell the sum of its bodies' cells; the text left for the region to write. */
export function sumReports(parts: readonly SumPart[], options: SumOptions): Result<Summed> {
  const refused = refusal(parts, options.year);
  if (refused) return refused;
  const chosen = choose(parts, !!options.includeErrors);
  const included = chosen.included;
  const excluded = [...chosen.excluded, ...(options.leftOut ?? [])];
  if (included.length === 0)
    return fail('nothing_to_sum', `${parts.length} 份报告都有错误，没有可以汇总的报告：请先让各单位改正，或选择计入有错误的报告`);
  const dup = duplicateRefusal(included);
  if (dup) return dup;
  const report: Report = {
    ...blankReport({ agency: options.agency, year: options.year, level: options.level }),
    kind: 'sum',
    members: included.map((p) => ({ agency: p.report.agency, level: p.report.level })),
  };
  const unknown: string[] = [];
  const unread: NonNullable<Report['unread']> = {};
  let blanks = 0;
  const values = included.map((p) => p.values ?? CELLS.map((c) => valueOf(p.report, c)));
  for (let ci = 0; ci < CELLS.length; ci++) {
    const c = CELLS[ci]!;
    let total = 0;
    const withText: string[] = [];
    for (let pi = 0; pi < included.length; pi++) {
      const p = included[pi]!;
      if (p.report.unread?.[c.key] !== undefined) {
        withText.push(p.report.agency);
        continue;
      }
      const v = values[pi]![ci]!;
      const n = numericValue(v);
      if (n === undefined) withText.push(p.report.agency);
      else total += n;
      if (typeof v !== 'number' && n !== undefined) blanks++;
    }
    if (!(Math.abs(total) <= limitOf(c))) return overflow(c, included);
    if (withText.length > 0) {
      unknown.push(`${c.name}（${names(withText, 3)}）`);
      unread[c.key] = `${names(withText, 3)}的这个格子不是数字或未读出，汇总无法相加`;
    }
    // Amounts to their 4 decimals (no floating-point dust); counts are exact integers already, and ×10⁴ would cost them digits.
    report.tables[c.table][c.row]![c.col] = withText.length > 0 ? null : c.kind === 'amount' ? roundAmount(total) : total;
  }
  if (unknown.length > 0) report.unread = unread;
  const notices = [`汇总了 ${included.length} 个单位 ${options.year} 年度的报告：三张表逐格相加，正文由本级填写。`];
  if (excluded.length > 0)
    notices.push(
      `未计入 ${excluded.length} 个单位：${names(
        excluded.map((e) => `${e.agency || e.fileName}（${e.reason}）`),
        20,
      )}。${excluded.some((e) => e.errors) ? '有错误的请先让单位改正；确需计入的，由审核人选择计入有错误的报告。' : ''}`,
    );
  else if (parts.some((p) => (p.errors ?? 0) > 0)) notices.push('有错误的报告也已计入（按审核人的选择）：汇总中的数字可能因此不准确。');
  const stocks = CELLS.filter((c) => STOCK_CELLS.has(c.key)).map((c) => c.name);
  notices.push(`${names(stocks)}是年末存量，已按各单位之和计入；同一文件在几个单位都有效的只应计一次，请按本级实际核定。`);
  if (blanks > 0) notices.push(`各单位报告中有 ${blanks} 个空白或填“—”“/”“无”的格子，按 0 计入。`);
  if (unknown.length > 0)
    notices.push(`以下格子有单位填的不是数字或未读出，无法相加，汇总中留空并标为未读出：${names(unknown, 10)}。请先让这些单位改正。`);
  const before = options.previous?.members?.map((m) => m.agency);
  if (before) {
    const now = included.map((p) => p.report.agency);
    const gone = bodiesNotIn(before, now);
    const added = bodiesNotIn(now, before);
    if (gone.length > 0)
      notices.push(
        `上年汇总有、今年没有计入的单位：${names(gone, 10)}。它们上年结转的申请不在今年的汇总中，本级“上年结转”与上年“结转下年度”可能因此不一致。`,
      );
    if (added.length > 0) notices.push(`今年新计入的单位（上年汇总中没有）：${names(added, 10)}。`);
  }
  return ok({ report, included, excluded, notices });
}
