// Last year's text left in this year's report: "2022年，" opening a sentence
// about the body's own work is a finding in a 2023 report; the same words
// about another body, or a date in a citation, are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankReport, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';
import { validate } from '../../src/shared/rules/engine';

const seed = (() => {
  const r = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();

const yearFindings = (report: Report) =>
  validate(report)
    .filter((f) => f.rule === 'narrative.year')
    .map((f) => f.id);

/** This year's report whose only narrative is the given overview. */
function withOverview(text: string, year = 2023): Report {
  return {
    ...seed,
    year,
    narratives: {
      overview: text,
      problems: '本年度存在的问题是专栏更新不够及时，已明确责任人按月检查。',
      other: '本单位本年度未收取信息处理费。',
    },
  };
}

describe('narrative.year', () => {
  it("finds the whole of last year's report copied into this year's, section by section", () => {
    expect(yearFindings({ ...seed, year: 2023 })).toEqual([
      'narrative.year:overview:2022',
      'narrative.year:problems:2022',
      'narrative.year:other:2022',
    ]);
  });

  it('finds a sentence that opens with last year and the body’s own name', () => {
    const f = validate(withOverview('2022年，余杭区统计局坚持以人民为中心深化政务公开。')).find((x) => x.rule === 'narrative.year');
    expect(f?.message).toBe(
      '一、总体情况写「2022年，余杭区统计局坚持以人民为中心深化政务公开」，把本报告的统计年度写成了 2022 年（本报告是 2023 年度）：可能是沿用了往年的文字，请核对',
    );
  });

  it('finds last year opening a sentence about the requests the body received', () => {
    expect(yearFindings(withOverview('（二）依申请公开\n2022年，收到政府信息公开申请10件。'))).toEqual(['narrative.year:overview:2022']);
  });

  it('leaves alone what another body did that year, dates in citations, and this year', () => {
    expect(
      yearFindings(
        withOverview(
          '2022年，国务院办公厅印发《关于进一步做好政务公开工作的通知》。2022年12月，市政府出台实施办法。2023年，余杭区统计局坚持依法公开。',
        ),
      ),
    ).toEqual([]);
  });
});

describe('narrative.numbers on a table not yet filled in', () => {
  it('waits for the table: blank cells cannot contradict the text', () => {
    const report = { ...blankReport({ agency: '余杭区统计局', year: 2023, level: '县区部门' }), narratives: { ...seed.narratives } };
    expect(validate(report).filter((f) => f.rule === 'narrative.numbers')).toEqual([]);
  });

  it('speaks up once the table is filled and disagrees', () => {
    const report = {
      ...seed,
      tables: {
        ...seed.tables,
        requests: { ...seed.tables.requests, received: { ...seed.tables.requests.received, natural: 11, total: 11 } },
      },
    };
    expect(
      validate(report)
        .filter((f) => f.rule === 'narrative.numbers')
        .map((f) => f.cells),
    ).toEqual([['requests.received.total']]);
  });
});
