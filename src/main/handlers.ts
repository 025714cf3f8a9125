// One handler per channel of the API contract, as a plain object. Electron
// registers it with ipcMain.handle, `nianbao serve` with HTTP, and the tests
// call the very same object. Every handler validates its payload with the
// shared zod schema and answers with a Result, never a thrown error.
import { CHANNELS } from '../shared/api/channels';
import { inputs, type AppInfo, type Channel, type OpenedReport, type Output, type ReportSummary } from '../shared/api/contract';
import { fail, ok, type Result } from '../shared/api/result';
import type { z } from 'zod';
import type { ReportLibrary, ReportPatch, StoredReport } from './services/library';

export interface Services {
  library: ReportLibrary;
  info: Omit<AppInfo, 'recovery'> & { recovery: string | null };
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
      const created = i.fromPrevious ? library.createFromPrevious({ agency: i.agency, year: i.year - 1 }) : library.create({ agency: i.agency, year: i.year, level: i.level });
      if (!created.ok) return created;
      // Last year's level is the starting point; the author's choice wins.
      if (created.value.level !== i.level) return library.applyEdit(created.value.id, { meta: { level: i.level } });
      return ok(summaryOf(created.value));
    },
    'library.open': (i) => opened(library.get(i.id)),
    'library.edit': (i) => library.applyEdit(i.id, i.patch as ReportPatch),
    'library.duplicate': (i) => {
      const copy = library.duplicate(i.id);
      return copy.ok ? ok(summaryOf(copy.value)) : copy;
    },
    'library.remove': (i) => library.remove(i.id),
    'library.restore': (i) => library.restore(i.id),
    'library.setStatus': (i) => library.setStatus(i.id, i.status),
    'library.revisions': (i) => library.listRevisions(i.id),
    'library.restoreRevision': (i) => opened(library.restoreRevision(i.id, i.revisionId)),
  };

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
