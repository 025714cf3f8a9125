// Where each of the six sections stands, for the outline and the progress
// figure. Derived from the report and its findings, never stored.
import { CELLS } from '../../../shared/model/cells';
import type { Report } from '../../../shared/model/report';
import type { Finding } from '../../../shared/rules/types';
import { SECTIONS, type SectionId, type TableId } from '../../../shared/template/gov2021';

export type SectionStatus = '未开始' | '填写中' | '有错误' | '待核实' | '完成';

/** Rules that say a section is still being written rather than that something needs checking. */
const UNFINISHED_RULES = new Set(['cell.blank', 'narrative.required']);

function started(report: Report, section: SectionId): boolean {
  const def = SECTIONS.find((s) => s.id === section)!;
  if (def.kind === 'narrative') return report.narratives[section as 'overview'].trim() !== '';
  return CELLS.some((c) => c.table === (section as TableId) && (report.tables[c.table][c.row]?.[c.col] ?? null) !== null);
}

export function sectionStatuses(report: Report, findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Record<SectionId, SectionStatus> {
  const out = {} as Record<SectionId, SectionStatus>;
  for (const { id } of SECTIONS) {
    const mine = findings.filter((f) => f.section === id);
    if (!started(report, id)) out[id] = '未开始';
    else if (mine.some((f) => f.severity === 'error')) out[id] = '有错误';
    else if (mine.some((f) => UNFINISHED_RULES.has(f.rule) && !(explanations[f.id] ?? '').trim())) out[id] = '填写中';
    else if (mine.some((f) => f.severity === 'warning' && !(explanations[f.id] ?? '').trim())) out[id] = '待核实';
    else out[id] = '完成';
  }
  return out;
}
