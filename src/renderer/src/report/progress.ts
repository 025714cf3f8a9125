// How far the open report is from a final document, derived in one place from
// the report, last year's and its status: the findings, what blocks 定稿, each
// section's status and 还差什么. The outline, the 定稿 control, the export
// dialog and 还差什么 all read this one result, so they cannot disagree.
import type { ReportStatus } from '../../../shared/api/contract';
import { memo } from '../../../shared/memo';
import type { Report } from '../../../shared/model/report';
import { blockingFindings } from '../../../shared/rules/explanations';
import type { Finding } from '../../../shared/rules/types';
import type { SectionId } from '../../../shared/template/gov2021';
import { findingsOf } from './findings';
import { sectionStatuses, type SectionStatus } from './sectionStatus';
import { todoList, type TodoItem } from './todo';

export interface Progress {
  findings: Finding[];
  /** Errors and warnings without a 核实说明: what keeps the report from 定稿. */
  blocking: Finding[];
  statuses: Record<SectionId, SectionStatus>;
  todo: TodoItem[];
}

export const progressOf = memo((report: Report, previous: Report | null, status: ReportStatus): Progress => {
  const findings = findingsOf(report, previous);
  const blocking = blockingFindings(findings, report.explanations);
  const statuses = sectionStatuses(report, findings, report.explanations, previous);
  return { findings, blocking, statuses, todo: todoList(statuses, blocking, status) };
});
