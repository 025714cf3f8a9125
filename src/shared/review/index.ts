// Batch review, 问题清单 rows, the 汇总 and the hierarchy check: one entry for the CLI, the app and the writers.
export { bodyKey, matchNames } from './names';
export {
  REVIEW_KPIS,
  REVIEW_STATUSES,
  bodyOf,
  reviewBatch,
  reviewTitle,
  type Review,
  type ReviewCache,
  type ReviewInput,
  type ReviewKpi,
  type ReviewStatus,
  type ReviewedReport,
} from './review';
export { PROBLEM_COLUMNS, cellNames, firstProblems, problemRows, type ProblemColumn, type ProblemRow } from './problems';
export { sumReports, type SumOptions, type SumPart, type Summed } from './sum';
export { checkRegion, hierarchyFindings } from './hierarchy';
