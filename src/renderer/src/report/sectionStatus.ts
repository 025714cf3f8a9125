// Where each of the six sections stands, for the outline and the progress
// figure. Derived from the report and its findings, never stored.
import { CELLS } from '../../../shared/model/cells';
import { valueAt, type Report } from '../../../shared/model/report';
import { RULES, traitsOf } from '../../../shared/rules/catalog';
import { isEmptyNarrative, narrativeRepetition } from '../../../shared/rules/engine';
import { isExplained } from '../../../shared/rules/explanations';
import type { Finding, RepetitionRule } from '../../../shared/rules/types';
import { SECTION_BY_ID, SECTIONS, type SectionId, type TableId } from '../../../shared/template/gov2021';

export type SectionStatus = '未开始' | '填写中' | '有错误' | '待核实' | '完成';

function started(report: Report, section: SectionId): boolean {
  const def = SECTION_BY_ID[section];
  if (def.kind === 'narrative') return !isEmptyNarrative(report.narratives[section as 'overview']);
  return CELLS.some((c) => c.table === (section as TableId) && valueAt(report, c.key) !== null);
}

/** More of a section's text standing in last year's report than the repetition rule allows: copied, not written. */
const COPIED_SHARE = RULES.find((r): r is RepetitionRule => r.kind === 'repetition')!.threshold;

/** `previous`: last year's report, against which a text copied from it is still being written, never 完成. */
export function sectionStatuses(
  report: Report,
  findings: readonly Finding[],
  explanations: Readonly<Record<string, string>>,
  previous?: Report | null,
): Record<SectionId, SectionStatus> {
  const out = {} as Record<SectionId, SectionStatus>;
  const shares = previous ? narrativeRepetition(report, previous) : null;
  for (const { id } of SECTIONS) {
    const mine = findings.filter((f) => f.section === id);
    const share = shares?.[id as keyof typeof shares];
    if (!started(report, id)) out[id] = '未开始';
    else if (mine.some((f) => f.severity === 'error')) out[id] = '有错误';
    else if (share && share.total > 0 && share.repeated / share.total > COPIED_SHARE) out[id] = '填写中';
    // Rules with the `unfinished` trait say the section is still being written rather than that something needs checking.
    else if (mine.some((f) => traitsOf(f.rule).unfinished && !isExplained(f, explanations))) out[id] = '填写中';
    else if (mine.some((f) => f.severity === 'warning' && !isExplained(f, explanations))) out[id] = '待核实';
    else out[id] = '完成';
  }
  return out;
}
