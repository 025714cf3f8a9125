// The narrative splitter and the identity lines on the variants real reports
// write: numbering, wording, page furniture, titles over two lines, closing
// lines in either numeral style.
import { describe, expect, it } from 'vitest';
import { compiledBy, dateLine, findTitleLines, periodYear, takeClosing } from '../../src/main/services/text/identity-lines';
import { isContinuationMark, isPageNumber, joinWrapped, tidySpaces } from '../../src/main/services/text/lines';
import { sectionHeading, splitSections } from '../../src/main/services/text/sections';

describe('section headings', () => {
  it.each([
    ['一、总体情况', 'overview', ''],
    ['一.总体情况', 'overview', ''],
    ['第一部分 总体情况', 'overview', ''],
    ['1、总体情况', 'overview', ''],
    ['一、总体情况。2023年，我局坚持…', 'overview', '2023年，我局坚持…'],
    ['二、主动公开政府信息情况', 'proactive', ''],
    ['三、收到和处理政府信息公开申请情况', 'requests', ''],
    ['四、政府信息公开行政复议、行政诉讼情况', 'appeals', ''],
    ['五、存在问题及改进情况', 'problems', ''],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'problems', ''],
    ['六、其他需要报告的事项', 'other', ''],
  ])('%s', (line, id, rest) => {
    expect(sectionHeading(line)).toMatchObject({ id, rest });
  });

  it.each(['（一）主动公开', '一是及时更新', '二、依申请公开', '1、主动公开', '三、本年度办理结果', '2023年，收到申请'])(
    '%s is not a section heading',
    (line) => {
      expect(sectionHeading(line)).toBeUndefined();
    },
  );

  it('splits in order, keeps the front apart, drops page numbers and the table sections’ own text', () => {
    const split = splitSections([
      { kind: 'text', text: 'XX局\n2023年政府信息公开工作年度报告' },
      { kind: 'text', text: '一、总体情况' },
      { kind: 'text', text: '（一）主动公开' },
      { kind: 'text', text: '— 2 —' },
      { kind: 'text', text: '二、主动公开政府信息情况' },
      { kind: 'table' },
      { kind: 'text', text: '单位：件' },
      { kind: 'text', text: '五、存在的主要问题及改进情况' },
      { kind: 'text', text: '一、公开不够及时。' },
      { kind: 'text', text: '第 3 页 共 6 页' },
      { kind: 'text', text: '六、其他需要报告的事项' },
      { kind: 'text', text: '未收取信息处理费。' },
    ]);
    expect(split.front).toEqual(['XX局', '2023年政府信息公开工作年度报告']);
    expect(split.narratives).toEqual({ overview: ['（一）主动公开'], problems: ['一、公开不够及时。'], other: ['未收取信息处理费。'] });
  });
});

describe('page furniture and wrapped lines', () => {
  it.each(['— 2 —', '-2-', '- 12 -', '第2页', '第 2 页 共 6 页', '2/6', '3'])('%s is a page number', (line) =>
    expect(isPageNumber(line)).toBe(true),
  );
  it.each(['2023年', '一、总体情况', '第二十条第（一）项'])('%s is not', (line) => expect(isPageNumber(line)).toBe(false));
  it.each(['续表', '（续表）', '表三（续）', '续表三'])('%s announces a table continued', (line) =>
    expect(isContinuationMark(line)).toBe(true),
  );
  it('joins wraps without inventing spaces, except between Latin words', () => {
    expect(joinWrapped('收到申请', '10件')).toBe('收到申请10件');
    expect(joinWrapped('open', 'data')).toBe('open data');
    expect(tidySpaces('2022 年 ， 收到 10 例')).toBe('2022年，收到10例');
  });
});

describe('identity lines', () => {
  it('a title over one line or two, behind a breadcrumb', () => {
    expect(findTitleLines(['淮安市洪泽区人民政府', '2024年政府信息公开工作年度报告'])).toMatchObject({
      agency: '淮安市洪泽区人民政府',
      year: 2024,
      lines: 2,
    });
    expect(findTitleLines(['XX局政府信息公开工作年度报告（2023年度）'])).toMatchObject({ agency: 'XX局', year: 2023, lines: 1 });
    expect(findTitleLines(['当前位置：首页 > 年报 > 余杭区统计局2022年政府信息公开工作年度报告'])).toMatchObject({
      agency: '余杭区统计局',
      year: 2022,
    });
  });
  it('the preamble’s period and body', () => {
    const text = '本报告……由余杭区统计局编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。';
    expect(periodYear(text)).toBe(2022);
    expect(compiledBy(text)).toBe('余杭区统计局');
  });
  it('closing lines in Arabic or Chinese numerals', () => {
    expect(dateLine('二〇二四年一月二十日')).toBe('2024-01-20');
    expect(takeClosing(['未收取信息处理费。', 'XX区人民政府办公室', '2024年1月20日'])).toEqual({
      lines: ['未收取信息处理费。'],
      signature: 'XX区人民政府办公室',
      date: '2024-01-20',
    });
    expect(takeClosing(['未收取信息处理费。'])).toEqual({ lines: ['未收取信息处理费。'] });
    // A name may carry a note in brackets, commas and all; the note alone is not a name.
    expect(takeClosing(['未收取信息处理费。', '某镇（页面未载明名称，见来源网址）', '2024年1月20日']).signature).toBe(
      '某镇（页面未载明名称，见来源网址）',
    );
    expect(takeClosing(['未收取信息处理费。', '（此件公开发布，见附件）', '2024年1月20日']).signature).toBeUndefined();
  });
});

describe('parts numbered otherwise', () => {
  it('finds 五 and 六 by their titles where a province numbers them 四 and 五, and records the numbering', () => {
    const split = splitSections([
      { kind: 'text', text: '一、总体情况\n本年度…\n二、工作机制保障\n建立健全…' },
      { kind: 'table' },
      { kind: 'text', text: '四、存在的主要问题及改进情况\n一是…\n五、其他需要报告的事项\n本机关未收取信息处理费。' },
    ]);
    expect(split.narratives.problems).toEqual(['一是…']);
    expect(split.narratives.other).toEqual(['本机关未收取信息处理费。']);
    expect(split.narratives.overview).toEqual(['本年度…', '二、工作机制保障', '建立健全…']);
    expect(split.numbering).toEqual({ overview: '一', problems: '四', other: '五' });
  });
});
