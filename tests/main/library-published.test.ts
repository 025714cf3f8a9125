// A past year's report read from its published document (Word, PDF, web
// page) is stored 已发布: read-only like 定稿, last year's report for the
// continuity checks, and turned back into a draft the way 定稿 is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_FORMATS } from '../../src/shared/formats';
import type { ReportLibrary } from '../../src/main/services/library';
import { ManualClock, open, seedReport, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
let library: ReportLibrary;
const clock = new ManualClock(new Date('2026-11-26T02:00:00Z'));

beforeEach(async () => {
  tmp = tempDir('nianbao-published-');
  ({ library } = await open(tmp.dbPath, { now: clock.now }));
});
afterEach(() => {
  library.close();
  tmp.remove();
});

const report2022 = () => seedReport(); // the seed is a 2022 report, a past year on the clock's 2026

describe('a report stored from a file', () => {
  it('is 已发布 when the file is a published document of a past year, a draft from report JSON or a workbook', () => {
    const published = FILE_FORMATS.filter((f) => f.published).map((f) => f.id);
    expect(published.sort()).toEqual(['docx', 'html', 'pdf']);
    for (const f of FILE_FORMATS)
      expect([f.id, value(library.add(report2022(), f.id)).status]).toEqual([f.id, f.published ? '已发布' : '草稿']);
    // Read in the app without a file type (a copy, a sum): a draft.
    expect(value(library.add(report2022())).status).toBe('草稿');
  });

  it('is a draft when the document is of this year or later: it cannot have been published yet', () => {
    expect(value(library.add({ ...report2022(), year: 2026 }, 'docx')).status).toBe('草稿');
    expect(value(library.add({ ...report2022(), year: 2025 }, 'docx')).status).toBe('已发布');
  });

  it('is read-only like 定稿 until turned back into a draft, and cannot be marked 已发布 by hand', () => {
    const { id } = value(library.add(report2022(), 'pdf'));
    const refused = library.applyEdit(id, { narratives: { overview: '改过的概述' } });
    expect(refused.ok ? null : refused.error).toEqual({
      code: 'final',
      message: '报告是已发布的文件，不能修改：如需修改，请先把状态改回“草稿”',
    });
    expect(library.replace(id, report2022()).ok).toBe(false);
    expect(value(library.get(id)).report).toEqual(report2022());

    expect(value(library.setStatus(id, '草稿')).status).toBe('草稿');
    expect(value(library.applyEdit(id, { narratives: { overview: '改过的概述' } })).status).toBe('草稿');
    expect(value(library.get(id)).report.narratives.overview).toBe('改过的概述');
    // The change of status is kept as a version, like 定稿's.
    expect(value(library.listRevisions(id)).map((r) => r.status)).toContain('草稿');

    const byHand = library.setStatus(id, '已发布' as never);
    expect(byHand.ok ? null : byHand.error.code).toBe('invalid_input');
  });

  it("is last year's report for the year after, before a draft of the same year", () => {
    value(library.add(report2022(), 'json'));
    const published = value(library.add(report2022(), 'docx'));
    clock.advanceMinutes(5);
    value(library.add(report2022(), 'xlsx')); // a later draft of the same year
    const next = value(library.createFromPrevious({ agency: published.agency, year: 2022 }));
    expect(value(library.previousOf(next.id))?.id).toBe(published.id);
  });

  it("keeps last year's published file 已发布 when 开始今年的报告 stores it", () => {
    const last = report2022();
    const started = value(
      library.startYear({ previous: last, source: 'html', meta: { agency: last.agency, year: 2023, level: last.level }, cells: {} }),
    );
    expect(started.stored.status).toBe('草稿');
    const previous = value(library.previousOf(started.stored.id));
    expect(previous?.status).toBe('已发布');
    expect(previous?.report).toEqual(last);
  });
});
