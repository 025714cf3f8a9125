// The library's shelf: the list and the recycle bin, a report created, copied,
// deleted or restored, a report JSON added, and a new year started from last
// year's report or a file.
import type { Channel } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import type { Report } from '../../shared/model/report';
import { readReportJson } from '../../shared/model/report-json';
import { describeFixes } from '../../shared/rules/fix-all';
import { summaryOf, type HandlersOf, type Session } from './session';

type ShelfChannel = Extract<Channel, `library.${'list' | 'create' | 'duplicate' | 'remove' | 'restore' | 'import' | 'start'}`>;

export function libraryHandlers({ library }: Session): HandlersOf<ShelfChannel> {
  return {
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
    'library.duplicate': (i) => {
      const copy = library.duplicate(i.id);
      return copy.ok ? ok(summaryOf(copy.value)) : copy;
    },
    'library.remove': (i) => library.remove(i.id),
    'library.restore': (i) => library.restore(i.id),
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
  };
}
