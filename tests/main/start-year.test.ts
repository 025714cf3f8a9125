// 开始今年的报告 over a real library file: last year's report from the library
// or from a file, this year's created from it and this year's figures applied
// in one call; a refused call leaves the library as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiOverLibrary, value } from '../helpers/api';
import { valueAt } from '../../src/shared/model/report';

const seed = JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8'));
const lastYear = {
  ...seed,
  tables: {
    ...seed.tables,
    requests: {
      ...seed.tables.requests,
      carried_forward: { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 2 },
    },
  },
};

const fx = apiOverLibrary('nianbao-start-');

describe('library.start', () => {
  it('takes this year’s draft text and closing, marks the cells the files did not give unread, and 全部修正 leaves those alone', async () => {
    const { summary: started } = value(
      await fx.api.library.start({
        previous: { report: lastYear },
        meta: { agency: '余杭区统计局', year: 2023, level: '县区部门' },
        cells: { 'requests.received.natural': 7 },
        unread: { 'requests.received.commercial': '「统计表.xlsx」中没有这个格子' },
        narratives: { problems: '2023年的问题是解读形式单一，已开展图解解读。' },
        closing: { preamble: '本报告根据《条例》编制。', signature: '余杭区统计局', date: '2024-01-18' },
        fixAll: true,
      }),
    );
    const opened = value(await fx.api.library.open({ id: started.id }));
    expect(opened.report.narratives.problems).toBe('2023年的问题是解读形式单一，已开展图解解读。');
    // A section the draft did not have keeps last year's text as a starting point.
    expect(opened.report.narratives.overview).toBe(seed.narratives.overview);
    expect(opened.report).toMatchObject({ preamble: '本报告根据《条例》编制。', signature: '余杭区统计局', date: '2024-01-18' });
    expect(opened.report.unread).toEqual({ 'requests.received.commercial': '「统计表.xlsx」中没有这个格子' });
    expect(valueAt(opened.report, 'requests.received.commercial')).toBeNull();
  });

  it('starts a body’s first report from this year’s files alone, without last year’s', async () => {
    const { summary } = value(
      await fx.api.library.start({
        meta: { agency: '临平区统计局', year: 2023, level: '县区部门' },
        cells: { 'requests.received.natural': 3 },
        narratives: { other: '本机关2023年未收取信息处理费。' },
      }),
    );
    const opened = value(await fx.api.library.open({ id: summary.id }));
    expect(opened.previous).toBeNull();
    expect(valueAt(opened.report, 'requests.received.natural')).toBe(3);
    expect(opened.report.narratives).toEqual({ overview: '', problems: '', other: '本机关2023年未收取信息处理费。' });
  });

  it('stores last year’s report read from a file, and this year’s from it with the workbook’s figures', async () => {
    const { summary: started, fixed } = value(
      await fx.api.library.start({
        previous: { report: lastYear },
        meta: { agency: '余杭区统计局', year: 2023, level: '县区部门' },
        cells: { 'requests.received.natural': 7, 'requests.received.total': 7 },
      }),
    );
    expect(started).toMatchObject({ agency: '余杭区统计局', year: 2023, status: '草稿' });
    expect(fixed).toBe('');
    const list = value(await fx.api.library.list({}));
    expect(list.map((r) => r.year)).toEqual([2023, 2022]);
    const opened = value(await fx.api.library.open({ id: started.id }));
    expect(valueAt(opened.report, 'requests.received.total')).toBe(7);
    // Carried over from last year's 结转下年度, text as a starting point: the carry-over of 新建 from last year.
    expect(valueAt(opened.report, 'requests.carried_over.natural')).toBe(2);
    expect(opened.report.narratives.overview).toBe(seed.narratives.overview);
    expect(opened.previous?.year).toBe(2022);
  });

  it('starts from a report already in the library, with the level the author confirmed', async () => {
    const last = value(await fx.api.library.import({ report: lastYear }));
    const { summary: started } = value(
      await fx.api.library.start({ previous: { id: last.id }, meta: { agency: '余杭区统计局', year: 2023, level: '市级部门' }, cells: {} }),
    );
    expect(started.level).toBe('市级部门');
    expect(value(await fx.api.library.list({}))).toHaveLength(2);
  });

  it('applies 全部修正 in the same call when asked, and says what it changed', async () => {
    // The workbook writes "—" where it has nothing and leaves its totals to be added; 上年结转 it leaves blank.
    const { summary, fixed } = value(
      await fx.api.library.start({
        previous: { report: lastYear },
        meta: { agency: '余杭区统计局', year: 2023, level: '县区部门' },
        cells: {
          'requests.received.natural': 3,
          'requests.received.total': null,
          'requests.carried_over.natural': '—',
          'appeals.review.upheld': '—',
        },
        fixAll: true,
      }),
    );
    const opened = value(await fx.api.library.open({ id: summary.id }));
    expect(valueAt(opened.report, 'requests.received.total')).toBe(3);
    expect(valueAt(opened.report, 'requests.carried_over.natural')).toBe(2);
    expect(valueAt(opened.report, 'appeals.review.upheld')).toBe(0);
    expect(fixed).toContain('按上年“结转下年度”填入');
    expect(fixed).toContain('空格填 0');
  });

  it('writes nothing when a part is refused', async () => {
    const missing = await fx.api.library.start({
      previous: { id: 999 },
      meta: { agency: '余杭区统计局', year: 2023, level: '县区部门' },
      cells: {},
    });
    expect(missing.ok).toBe(false);
    const badCell = await fx.api.library.start({
      previous: { report: lastYear },
      meta: { agency: '余杭区统计局', year: 2023, level: '县区部门' },
      cells: JSON.parse('{"requests.nonsense.total": 1}'),
    });
    expect(badCell.ok).toBe(false);
    expect(value(await fx.api.library.list({}))).toEqual([]);
  });
});
