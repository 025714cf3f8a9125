// The hierarchy check: a region's own report beside the sum of its bodies'.
// A region may rightly report more than its listed bodies (bodies that sent
// nothing, its own office's work), so a difference is a warning to check,
// never an error; 现行有效件数, a stock that counts a document once, only a
// notice. The findings have the engine's shape, so the editor, the CLI and
// the 问题清单 show them like any other.
import { CELLS } from '../model/cells';
import { numericValue, type Report } from '../model/report';
import { ruleOfKind } from '../rules/catalog';
import { fill } from '../rules/text';
import type { Finding } from '../rules/types';
import { nameMatcher } from './names';
import type { Review } from './review';
import { roundAmount, STOCK_CELLS } from './stocks';
import type { SumPart } from './sum';

const HIERARCHY_RULE = ruleOfKind('hierarchy');

/** Bodies named in a finding; the rest are counted (the 问题清单 lists every body's figures anyway). */
const MAX_NAMED = 5;
const show = (n: number) => String(roundAmount(n));

/** One finding for every cell where the region's figure is not the sum of its bodies' figures. */
export function hierarchyFindings(region: Report, bodies: readonly SumPart[]): Finding[] {
  const findings: Finding[] = [];
  for (const c of CELLS) {
    const own = numericValue(region.tables[c.table][c.row]?.[c.col] ?? null);
    if (own === undefined) continue;
    let sum = 0;
    const contributions: string[] = [];
    let unknown = false;
    for (const b of bodies) {
      const v = numericValue(b.report.tables[c.table][c.row]?.[c.col] ?? null);
      if (v === undefined) unknown = true;
      else if (v !== 0) {
        sum += v;
        contributions.push(`${b.report.agency} ${show(v)}`);
      }
    }
    // A body's text in the cell is its own cell.type error; the sum is not known.
    if (unknown || Math.abs(own - sum) < 1e-9) continue;
    const diff = own - sum;
    const who =
      contributions.length === 0
        ? '各单位均为 0'
        : `其中 ${contributions.slice(0, MAX_NAMED).join('、')}${contributions.length > MAX_NAMED ? ` 等 ${contributions.length} 个单位` : ''}`;
    const stock = STOCK_CELLS.has(c.key);
    const rule = HIERARCHY_RULE;
    findings.push({
      id: `${rule.id}:${c.key}`,
      rule: rule.id,
      severity: stock ? rule.stockSeverity : rule.severity,
      section: c.table,
      message: fill(stock ? rule.stockMessage : rule.message, {
        name: c.name,
        own: show(own),
        count: bodies.length,
        sum: show(sum),
        moreLess: diff > 0 ? '多' : '少',
        diff: show(Math.abs(diff)),
        who,
      }),
      cells: [c.key],
    });
  }
  return findings;
}

/** The region's report beside the readable reports of the batch of its year; the region's own report, where the batch holds it too, is left out. */
export function checkRegion(review: Review, region: Report, regionIndex?: number): Finding[] {
  const isRegion = nameMatcher([region.agency]);
  const bodies = review.reports.flatMap((r) =>
    r.report && r.report.year === region.year && r.index !== regionIndex && isRegion(r.report.agency) === undefined
      ? [{ fileName: r.fileName, report: r.report }]
      : [],
  );
  return hierarchyFindings(region, bodies);
}
