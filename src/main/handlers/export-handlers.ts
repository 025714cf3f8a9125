// What leaves the office: the report as Word, PDF, a web page or a workbook,
// by the one export rule (only a 定稿 goes out as final), and a file this
// session exported shown in its folder.
import { resolve } from 'node:path';
import { fail, ok } from '../../shared/api/result';
import { localToday } from '../../shared/model/dates';
import { documentTitle } from '../../shared/model/report';
import { fileFormat } from '../../shared/formats';
import { checkExport, exportReport } from '../formats/export-gate';
import type { HandlersOf, Session } from './session';

export function exportHandlers({ services, library, opened, exported, saveAs }: Session): HandlersOf<'export.document' | 'files.reveal'> {
  return {
    'export.document': async (i) => {
      const stored = opened(library.get(i.id));
      if (!stored.ok) return stored;
      const { report, previous, summary } = stored.value;
      // What leaves the office as final is what was marked 定稿; anything else goes out as a draft.
      if (!i.draft && summary.status !== '定稿') return fail('not_final', '报告尚未定稿，只能导出草稿：请先“标记为定稿”，再导出正式文件');
      const request = { report, previous, format: i.format, draft: i.draft, today: localToday() };
      const options = { oneSheet: i.oneSheet, audit: i.audit, closing: i.closing };
      const fileName = `${documentTitle(report)}${i.draft ? '（草稿）' : ''}${fileFormat(i.format).extensions[0]}`;
      const platform = services.platform;
      if (platform) {
        // Refused before the save dialog: the author is not asked where to put a file that will not be written.
        const refused = checkExport(request);
        if (!refused.ok) return refused;
      }
      return saveAs(fileName, fileFormat(i.format), (path) =>
        exportReport(request, path, { pdfPrinter: platform?.pdfPrinter, ...options }),
      );
    },
    'files.reveal': (i) => {
      if (!services.platform) return fail('unsupported', '浏览器模式下由浏览器保存下载的文件：请在浏览器的“下载”中打开');
      if (!exported.has(resolve(i.path))) return fail('forbidden', '只能在文件夹中显示本程序这次导出的文件：请导出后再点“打开所在文件夹”');
      services.platform.reveal(resolve(i.path));
      return ok(null);
    },
  };
}
