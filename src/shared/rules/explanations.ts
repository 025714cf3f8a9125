// When a warning counts as explained (docs/report-format.md, "The rules"):
// a 核实说明 belongs to one finding, by its id, and must say why the figure or
// text is right. A token such as "无", "已核实" or "正确" says nothing: it does
// not let the warning stand. The library's 定稿, the export gate, the CLI and
// the editor all ask here.
import { meaningfulLength } from './text';
import { countBySeverity, type Finding } from './types';

/** Fewer characters than this (spaces and punctuation not counted) is a token, not an explanation. */
export const MIN_EXPLANATION_CHARS = 6;

/** True for a text that explains: long enough to say why. */
export function isExplanation(text: string | undefined): boolean {
  return text !== undefined && meaningfulLength(text.trim()) >= MIN_EXPLANATION_CHARS;
}

/** What is wrong with a 核实说明 the author wrote, for the editor to say; null when it explains (or is still empty). */
export function explanationProblem(text: string): string | null {
  if (text.trim() === '' || isExplanation(text)) return null;
  return `核实说明太短：请写明为什么这个数字或文字是对的（至少 ${MIN_EXPLANATION_CHARS} 个字，“无”“已核实”“正确”不算说明）`;
}

/** A warning whose own 核实说明 explains it. Errors and notices are never "explained". */
export function isExplained(finding: Finding, explanations: Readonly<Record<string, string>>): boolean {
  return finding.severity === 'warning' && isExplanation(explanations[finding.id]);
}

/** What keeps a report from being final: errors, and warnings without a 核实说明 that explains them. */
export function blockingFindings(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Finding[] {
  return findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && !isExplained(f, explanations)));
}

/** How many findings of a kind keep a report from being final: "2 个错误", "1 个未写核实说明的需核实项". */
export function blockingCount(severity: 'error' | 'warning', count: number): string {
  return severity === 'error' ? `${count} 个错误` : `${count} 个未写核实说明的需核实项`;
}

/** What keeps a report from being final, counted: "2 个错误和 1 个未写核实说明的需核实项", naming only what there is. */
export function blockingCounts(blocking: readonly Finding[]): string {
  const counts = countBySeverity(blocking);
  const parts = [counts.error > 0 && blockingCount('error', counts.error), counts.warning > 0 && blockingCount('warning', counts.warning)];
  return parts.filter(Boolean).join('和 ');
}

/** Why a report can't be final yet, as the 定稿 and the export say it: "报告还有 2 个错误和 1 个未写核实说明的需核实项". */
export function notFinalReason(blocking: readonly Finding[]): string {
  return `报告还有 ${blockingCounts(blocking)}`;
}
