// One handler per channel of the API contract, as a plain object. Electron
// registers it with ipcMain.handle, `nianbao serve` with HTTP, and the tests
// call the very same object. Every handler validates its payload with the
// shared zod schema and answers with a Result, never a thrown error.
import { CHANNELS } from '../shared/api/channels';
import { inputs, type AppInfo, type Channel, type OpenedReport, type Output, type ReportSummary } from '../shared/api/contract';
import { fail, ok, type Result } from '../shared/api/result';
import type { z } from 'zod';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentTitle, type Report } from '../shared/model/report';
import { localToday } from '../shared/model/dates';
import { readReportJson } from '../shared/model/report-json';
import { describeFixes } from '../shared/rules/fix-all';
import { checkExport, exportReport } from './formats/export-gate';
import { readReportBytes } from './formats/registry';
import type { ExportOutcome } from '../shared/api/contract';
import { roundHandlers, type MadeFile } from './review/round-handlers';
import { writeFileAtomic } from './services/fs/files';
import type { PdfPrinter } from './services/documents';

import { fileFormat, type FormatId } from '../shared/formats';
import { infographicOutput } from '../shared/infographic';
import { writeInfographic } from './services/infographic';
import type { ReportLibrary, StoredReport } from './services/library';

/** What only the desktop shell can do; absent under `nianbao serve`, where the browser downloads instead. */
export interface Platform {
  /** Shows the native save dialog for a file type; null when the user cancels. */
  chooseSavePath(suggestedName: string, type: SavedFileType): Promise<string | null>;
  /** Shows the file in its folder (Explorer). */
  reveal(path: string): void;
  /** Prints HTML to PDF with Electron's printToPDF. */
  pdfPrinter: PdfPrinter;
}

/** What the save dialog filters by: a report format of the one table, or the 一图读懂's PNG. */
export interface SavedFileType {
  label: string;
  extensions: readonly string[];
}

export interface Services {
  library: ReportLibrary;
  info: AppInfo;
  platform?: Platform;
}

export type Handler = (payload: unknown) => Promise<Result<unknown>>;
export type Handlers = Record<Channel, Handler>;

type Impl = { [C in Channel]: (input: z.output<(typeof inputs)[C]>) => Result<Output<C>> | Promise<Result<Output<C>>> };

function describePayloadError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '请求内容不正确';
  const where = first.path.length ? `（${first.path.join('.')}）` : '';
  return `请求内容不正确${where}：${first.message}`;
}

function summaryOf({ report: _report, ...summary }: StoredReport): ReportSummary {
  return summary;
}

export function createHandlers(services: Services): Handlers {
  const { library } = services;
  let recoveryTold = false;
  /** Files this session exported: the only ones it will show in their folder (a path from the page is not trusted). */
  const exported = new Set<string>();

  const impl: Impl = {
    'app.info': () => {
      // The recovery message is news once; later calls don't repeat it.
      const recovery = recoveryTold ? null : services.info.recovery;
      recoveryTold = true;
      return { ok: true, value: { ...services.info, recovery } };
    },
    'library.list': (i) => {
      // The recycle bin shows only what was deleted; the library only what wasn't.
      const all = library.list({ search: i.search, includeDeleted: !!i.deleted });
      return all.ok ? ok(all.value.filter((r) => !!r.deletedAt === !!i.deleted)) : all;
    },
    'library.create': (i) => {
      const { fromPrevious, ...identity } = i;
      // From last year's report, the author's choice of level wins over last year's.
      const created = fromPrevious
        ? library.createFromPrevious({ agency: i.agency, year: i.year - 1 }, { level: i.level })
        : library.create(identity);
      return created.ok ? ok(summaryOf(created.value)) : created;
    },
    'library.open': (i) => opened(library.get(i.id)),
    'library.edit': (i) => library.applyEdit(i.id, i.patch, { revision: i.revision, keepBefore: i.keepBefore }),
    'library.duplicate': (i) => {
      const copy = library.duplicate(i.id);
      return copy.ok ? ok(summaryOf(copy.value)) : copy;
    },
    'library.remove': (i) => library.remove(i.id),
    'library.restore': (i) => library.restore(i.id),
    'library.setStatus': (i) => library.setStatus(i.id, i.status),
    'library.revisions': (i) => library.listRevisions(i.id),
    'library.revision': (i) => library.getRevision(i.id, i.revisionId),
    'library.restoreRevision': (i) => opened(library.restoreRevision(i.id, i.revisionId)),
    'library.import': (i) => {
      const read = readReportJson(i.report);
      if (!read.ok) return fail('not_report', read.error);
      const added = library.add(read.value, i.source);
      return added.ok ? ok(summaryOf(added.value)) : added;
    },
    'library.start': (i) => {
      const given = i.previous && 'report' in i.previous ? i.previous : undefined;
      const read = given ? readReportJson(given.report) : undefined;
      if (read && !read.ok) return fail('not_report', `上年报告${read.error}`);
      const previous: number | Report | undefined = read?.ok ? read.value : i.previous && 'id' in i.previous ? i.previous.id : undefined;
      const { meta, cells, unread, narratives, closing, fixAll } = i;
      const started = library.startYear({ previous, source: given?.source, meta, cells, unread, narratives, closing, fixAll });
      return started.ok ? ok({ summary: summaryOf(started.value.stored), fixed: describeFixes(started.value.fixed) }) : started;
    },
    'import.read': async (i) => {
      const read = await readReportBytes(i.fileName, Buffer.from(i.data, 'base64'), {
        agency: i.agency,
        year: i.year,
        allowNoTables: i.allowNoTables,
      });
      if (!read.ok) return read;
      return ok({ report: read.value.report, record: read.value.record ?? null, notes: read.value.notes });
    },
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
        const refused = checkExport(request);
        if (!refused.ok) return refused;
        const path = await platform.chooseSavePath(fileName, fileFormat(i.format));
        if (!path) return ok({ kind: 'cancelled' as const });
        const written = await exportReport(request, path, { pdfPrinter: platform.pdfPrinter, ...options });
        if (!written.ok) return written;
        exported.add(resolve(path));
        return ok({ kind: 'saved' as const, path });
      }
      // Browser mode: write to a private temp folder, hand the bytes to the browser to download.
      const dir = await mkdtemp(join(tmpdir(), 'nianbao-export-'));
      try {
        const path = join(dir, `report.${i.format}`);
        const written = await exportReport(request, path, options);
        if (!written.ok) return written;
        const data = (await readFile(path)).toString('base64');
        return ok({ kind: 'download' as const, fileName, mime: fileFormat(i.format).mime, data });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    'export.infographic': async (i) => {
      const stored = opened(library.get(i.id));
      if (!stored.ok) return stored;
      const { report, previous } = stored.value;
      const output = infographicOutput(i.kind);
      const input = { report, previous, highlights: i.highlights };
      const fileName = `${documentTitle(report)}（一图读懂${output.scale === 2 ? '·印刷' : ''}）${output.file.extensions[0]}`;
      const platform = services.platform;
      if (platform) {
        const path = await platform.chooseSavePath(fileName, output.file);
        if (!path) return ok({ kind: 'cancelled' as const });
        const written = await writeInfographic(input, i.kind, path, { printer: platform.pdfPrinter });
        return written.ok ? ok({ kind: 'saved' as const, path }) : written;
      }
      const dir = await mkdtemp(join(tmpdir(), 'nianbao-infographic-'));
      try {
        const path = join(dir, `infographic${output.file.extensions[0]}`);
        const written = await writeInfographic(input, i.kind, path);
        if (!written.ok) return written;
        return ok({ kind: 'download' as const, fileName, mime: output.file.mime, data: (await readFile(path)).toString('base64') });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    ...roundHandlers(library, deliver),
    'files.reveal': (i) => {
      if (!services.platform) return fail('unsupported', '浏览器模式下由浏览器保存下载的文件：请在浏览器的“下载”中打开');
      if (!exported.has(resolve(i.path))) return fail('forbidden', '只能在文件夹中显示本程序这次导出的文件：请导出后再点“打开所在文件夹”');
      services.platform.reveal(resolve(i.path));
      return ok(null);
    },
  };

  /** A file made for the user: saved where they choose (desktop) or handed to the browser to download. */
  async function deliver(made: Result<MadeFile>, format: FormatId): Promise<Result<ExportOutcome>> {
    if (!made.ok) return made;
    const { fileName, bytes } = made.value;
    const platform = services.platform;
    if (!platform) return ok({ kind: 'download', fileName, mime: fileFormat(format).mime, data: Buffer.from(bytes).toString('base64') });
    const path = await platform.chooseSavePath(fileName, fileFormat(format));
    if (!path) return ok({ kind: 'cancelled' });
    const written = await writeFileAtomic(path, bytes);
    if (!written.ok) return written;
    exported.add(resolve(path));
    return ok({ kind: 'saved', path });
  }

  function opened(stored: Result<StoredReport>): Result<OpenedReport> {
    if (!stored.ok) return stored;
    const previous = library.previousOf(stored.value.id);
    if (!previous.ok) return previous;
    return ok({ summary: summaryOf(stored.value), report: stored.value.report, previous: previous.value?.report ?? null });
  }

  const handlers = {} as Handlers;
  for (const channel of CHANNELS) {
    handlers[channel] = async (payload) => {
      const parsed = inputs[channel].safeParse(payload);
      if (!parsed.success) return fail('bad_request', describePayloadError(parsed.error));
      try {
        return await (impl[channel] as (input: unknown) => Promise<Result<unknown>>)(parsed.data);
      } catch (err) {
        return fail('internal', `程序内部错误：${(err as Error).message}。数据未改动，请重试；如反复出现请联系技术支持`);
      }
    };
  }
  return handlers;
}
