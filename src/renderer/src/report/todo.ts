// 还差什么: what stands between the report and a final document, in the order
// an author works — sections not started, errors, warnings without a 核实说明,
// then 定稿 itself. Each item names the place one click brings the author to.
import type { ReportStatus } from '../../../shared/api/contract';
import { cellDef } from '../../../shared/model/cells';
import type { Finding } from '../../../shared/rules/types';
import { blockingCount } from '../../../shared/rules/explanations';
import { SECTIONS, sectionHeading, type SectionId } from '../../../shared/template/gov2021';
import type { SectionStatus } from './sectionStatus';
import type { Place } from './editorStore';
import { isLocked } from '../../../shared/model/status';

export interface TodoItem {
  key: string;
  kind: 'section' | 'error' | 'warning' | 'final';
  text: string;
  place: Place | null;
}

/** Where a finding is fixed: its first cell in its own table, or its text. */
export function placeOf(finding: Finding): Place {
  const cell = finding.cells.find((k) => cellDef(k)!.table === finding.section);
  return { section: finding.section, cell, finding: finding.id };
}

export function todoList(statuses: Record<SectionId, SectionStatus>, blocking: readonly Finding[], status: ReportStatus): TodoItem[] {
  if (isLocked(status)) return [];
  const items: TodoItem[] = [];
  const of = (id: SectionId, errors: boolean) => blocking.filter((f) => f.section === id && (f.severity === 'error') === errors);
  for (const s of SECTIONS) {
    if (statuses[s.id] === '未开始')
      items.push({ key: `section:${s.id}`, kind: 'section', text: `${sectionHeading(s.id)}：还没有开始`, place: { section: s.id } });
  }
  // One line per section and kind, to the first of them: the findings below list each one. A section not started is one item, not also its "empty" error.
  const started = SECTIONS.filter((s) => statuses[s.id] !== '未开始');
  for (const s of started) {
    const errors = of(s.id, true);
    if (errors.length > 0)
      items.push({
        key: `error:${s.id}`,
        kind: 'error',
        text: `${sectionHeading(s.id)}：${blockingCount('error', errors.length)}`,
        place: placeOf(errors[0]!),
      });
  }
  for (const s of started) {
    const warnings = of(s.id, false);
    if (warnings.length > 0)
      items.push({
        key: `warning:${s.id}`,
        kind: 'warning',
        text: `${sectionHeading(s.id)}：${blockingCount('warning', warnings.length)}`,
        place: placeOf(warnings[0]!),
      });
    else if (statuses[s.id] === '填写中' && of(s.id, true).length === 0)
      items.push({
        key: `section:${s.id}`,
        kind: 'section',
        text: `${sectionHeading(s.id)}：大段与上年报告相同，请按本年情况改写`,
        place: { section: s.id },
      });
  }
  items.push({
    key: 'final',
    kind: 'final',
    text: blocking.length === 0 ? '检查已通过：可以定稿并导出' : '定稿（以上各项处理完后）',
    place: null,
  });
  return items;
}

/** The first place that needs the author: where a newly started or reopened report opens. */
export function firstNeed(items: readonly TodoItem[]): Place | null {
  return items.find((i) => i.place)?.place ?? null;
}
