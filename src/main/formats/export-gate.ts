// The one rule for what may leave the office, used by the CLI and the app:
// a report with errors or unexplained warnings is exported only as a draft
// (marked 草稿); a final export past the deadline gets its notice.
import { fail, ok, type Result } from '../../shared/api/result';
import type { Report } from '../../shared/model/report';
import { validate } from '../../shared/rules/engine';
import { blockingFindings, notFinalReason } from '../../shared/rules/explanations';
import type { Finding } from '../../shared/rules/types';
import type { ExportFormat } from '../../shared/api/contract';
import { writerFor } from './registry';
import { EXPORT_FORMATS, fileFormat } from '../../shared/formats';
import type { WriteOptions } from './types';

export interface ExportRequest {
  report: Report;
  previous: Report | null;
  format: ExportFormat;
  draft: boolean;
  /** Today's date (YYYY-MM-DD), for the deadline notice. */
  today: string;
}

/** Findings for the export, or the reason it is refused (with the findings that block it). */
export function checkExport(req: ExportRequest): Result<{ findings: Finding[] }> & { blocking?: Finding[] } {
  const findings = validate(req.report, { previous: req.previous, finalExportDate: req.draft ? undefined : req.today });
  const blocking = blockingFindings(findings, req.report.explanations);
  if (blocking.length > 0 && !req.draft) {
    const refused = fail<{ findings: Finding[] }>('not_final', `${notFinalReason(blocking)}，不能导出定稿`);
    return { ...refused, blocking };
  }
  return ok({ findings });
}

/** Checks, then writes the whole file or nothing. */
export async function exportReport(
  req: ExportRequest,
  outPath: string,
  extra: Pick<WriteOptions, 'pdfPrinter' | 'oneSheet' | 'audit' | 'closing'> = {},
): Promise<Result<void> & { blocking?: Finding[] }> {
  const checked = checkExport(req);
  if (!checked.ok) return checked;
  const write = writerFor(req.format);
  if (!write)
    return fail(
      'unsupported_type',
      `不能导出为${fileFormat(req.format).label}：请选择${EXPORT_FORMATS.map((f) => fileFormat(f).label).join('、')}之一`,
    );
  return write(req.report, outPath, { findings: checked.value.findings, draft: req.draft, today: req.today, ...extra });
}
