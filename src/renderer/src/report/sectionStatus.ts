// Where each of the six sections stands, for the outline and the progress
// figure. Derived from the report and its findings, never stored: a section is
// still being written only while a finding says so and is not explained, so
// the outline, 还差什么 and 定稿 (all read from progress.ts) never disagree.
import { CELLS } from '../../../shared/model/cells';
import { valueAt, type Report } from '../../../shared/model/report';
import { ruleOfKind, traitsOf } from '../../../shared/rules/catalog';
import { isEmptyNarrative, narrativeRepetition } from '../../../shared/rules/engine';
import { isExplained } from '../../../shared/rules/explanations';
import type { Finding } from '../../../shared/rules/types';
import { SECTION_BY_ID, SECTIONS, type SectionId, type TableId } from '../../../shared/template/gov2021';

export type SectionStatus = '未开始' | '填写中' | '有错误' | '待核实' | '完成';

function started(report: Report, section: SectionId): boolean {
  const def = SECTION_BY_ID[section];
  if (def.kind === 'narrative') return !isEmptyNarrative(report.narratives[section as 'overview']);
  return CELLS.some((c) => c.table === (section as TableId) && valueAt(report, c.key) !== null);
}

const REPETITION = ruleOfKind('repetition');

/**
 * The sections copied from last year's report, while the repetition finding
 * stands unexplained: it names one section, but every section of which more
 * than the rule's share repeats last year's is still being written.
 */
function copiedSections(
  report: Report,
  findings: readonly Finding[],
  explanations: Readonly<Record<string, string>>,
  previous?: Report | null,
) {
  const standing = findings.some((f) => f.rule === REPETITION.id && !isExplained(f, explanations));
  if (!standing || !previous) return new Set<SectionId>();
  const shares = narrativeRepetition(report, previous);
  return new Set<SectionId>(
    Object.entries(shares)
      .filter(([, s]) => s.total > 0 && s.repeated / s.total > REPETITION.threshold)
      .map(([id]) => id as SectionId),
  );
}

/** `previous`: last year's report, against which a text copied from it is still being written, never 完成. */
export function sectionStatuses(
  report: Report,
  findings: readonly Finding[],
  explanations: Readonly<Record<string, string>>,
  previous?: Report | null,
): Record<SectionId, SectionStatus> {
  const out = {} as Record<SectionId, SectionStatus>;
  const copied = copiedSections(report, findings, explanations, previous);
  for (const { id } of SECTIONS) {
    const mine = findings.filter((f) => f.section === id);
    if (!started(report, id)) out[id] = '未开始';
    else if (mine.some((f) => f.severity === 'error')) out[id] = '有错误';
    else if (copied.has(id)) out[id] = '填写中';
    // Rules with the `unfinished` trait say the section is still being written rather than that something needs checking.
    else if (mine.some((f) => traitsOf(f.rule).unfinished && !isExplained(f, explanations))) out[id] = '填写中';
    else if (mine.some((f) => f.severity === 'warning' && !isExplained(f, explanations))) out[id] = '待核实';
    else out[id] = '完成';
  }
  return out;
}
