// The five parts of 一、总体情况 as real texts write them: headings on their own
// lines, run into the first sentence, all five in one pasted paragraph, typed
// twice. The editor's boxes and the documents read the same parts; an
// untouched text composes back exactly as written.
import { describe, expect, it } from 'vitest';
import { documentContent } from '../../src/shared/document/content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeOverview, parseOverview, withOpening, withPart } from '../../src/shared/document/overview';
import { FIXTURES, loadReport, seed, withNarratives } from './fixtures';

const INLINE =
  '2023年，我区坚持以人民为中心，现将有关情况报告如下：（一）主动公开。全年公开信息2100条。（二）依申请公开。全年新收申请35件。（三）政府信息管理。严格保密审查。（四）政府信息公开平台建设。优化政府网站。（五）监督保障。开展培训3次。';

function overviewPrinted(text: string): string[] {
  const section = documentContent(withNarratives(seed, { overview: text }), { draft: false }).sections[0]!;
  if (section.body.kind !== 'narrative') throw new Error('overview is a narrative');
  return section.body.lines.map((l) => (l.kind === 'subheading' ? `#${l.heading}${l.rest}` : l.text));
}

describe('the overview’s five parts', () => {
  it('splits five parts written inline in one paragraph, and gives the paragraph back unchanged', () => {
    const parsed = parseOverview(INLINE);
    expect(parsed.opening).toEqual(['2023年，我区坚持以人民为中心，现将有关情况报告如下：']);
    expect(parsed.parts.map((p) => p.heading)).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    expect(parsed.parts.map((p) => p.lines)).toEqual([
      ['全年公开信息2100条。'],
      ['全年新收申请35件。'],
      ['严格保密审查。'],
      ['优化政府网站。'],
      ['开展培训3次。'],
    ]);
    expect(composeOverview(parsed)).toBe(INLINE);
  });

  it('prints each inline part as its own run-in sub-heading (the opening "…如下：" goes before 一、总体情况)', () => {
    expect(overviewPrinted(INLINE)).toEqual([
      '#（一）主动公开。全年公开信息2100条。',
      '#（二）依申请公开。全年新收申请35件。',
      '#（三）政府信息管理。严格保密审查。',
      '#（四）政府信息公开平台建设。优化政府网站。',
      '#（五）监督保障。开展培训3次。',
    ]);
  });

  it('reads a heading run into its first sentence, and a heading typed twice, as one heading', () => {
    const text = '（一）主动公开\n（一）主动公开情况。一是及时更新目录。\n二是做好解读。\n（二）依申请公开：全年收到申请2件。';
    const parsed = parseOverview(text);
    expect(parsed.parts[0]).toMatchObject({ heading: '（一）主动公开情况', lines: ['一是及时更新目录。', '二是做好解读。'] });
    expect(parsed.parts[1]).toMatchObject({ heading: '（二）依申请公开', lines: ['全年收到申请2件。'] });
    expect(overviewPrinted(text)).toEqual([
      '#（一）主动公开情况。一是及时更新目录。',
      '二是做好解读。',
      '#（二）依申请公开：全年收到申请2件。',
    ]);
  });

  it('takes a part pasted with its own heading into its box without a second heading', () => {
    const parsed = parseOverview('开头\n（一）主动公开\n旧的文字');
    const text = composeOverview(withPart(parsed, 0, '（一）主动公开情况。全年公开信息58条。'));
    expect(text).toBe('开头\n（一）主动公开情况。全年公开信息58条。');
    expect(overviewPrinted(text)).toEqual(['开头', '#（一）主动公开情况。全年公开信息58条。']);
  });

  it('leaves a numbered list inside a part alone: （一）…（二） that do not name a part are text', () => {
    const text = '（一）主动公开\n重点做好：（一）财政预决算；（二）重大项目。\n（二）依申请公开\n收到申请2件。';
    const parsed = parseOverview(text);
    expect(parsed.parts[0]!.lines).toEqual(['重点做好：（一）财政预决算；（二）重大项目。']);
    expect(parsed.parts[1]!.lines).toEqual(['收到申请2件。']);
    expect(composeOverview(parsed)).toBe(text);
  });

  it('writes text into a part the author had not started, on the line after its official heading', () => {
    const parsed = parseOverview('（一）主动公开\n甲');
    expect(composeOverview(withPart(parsed, 2, '丙'))).toBe('（一）主动公开\n甲\n（三）政府信息管理\n丙');
  });
});

describe('a text with part headings pasted into one box', () => {
  const hongze = JSON.parse(readFileSync(join(FIXTURES, 'documents/hongze-2024.json'), 'utf8')) as { narratives: { overview: string } };
  // Real overview texts: headings on their own lines with an opening (余杭), run in with an opening (洪泽), two parts and no opening (区统计局), inline.
  const texts = [
    seed.narratives.overview,
    hongze.narratives.overview,
    loadReport('real-district-stats-2023.json').narratives.overview,
    INLINE,
  ];
  const lastYear = parseOverview(
    '上年的开头。\n（一）主动公开\n上年甲\n（二）依申请公开\n上年乙\n（三）政府信息管理\n上年丙\n（四）政府信息公开平台建设\n上年丁\n（五）监督保障\n上年戊',
  );

  it('the whole of 一 over 开头段落 (Ctrl+A, Ctrl+V) is the new 一: （五） is not given the text a second time', () => {
    for (const text of texts) {
      const pasted = composeOverview(withOpening(lastYear, text));
      const parts = parseOverview(text).parts.filter((p) => p.heading !== null).length;
      if (parts === 5) expect(pasted).toBe(text);
      // Parts the paste does not name keep their text, once.
      for (const line of text.split('\n')) expect(pasted.split(line).length - 1).toBe(text.split(line).length - 1);
      expect(parseOverview(pasted).parts[4]!.lines.join('\n')).toBe(
        parseOverview(text).parts[4]!.heading === null ? '上年戊' : parseOverview(text).parts[4]!.lines.join('\n'),
      );
    }
  });

  it('the whole of 一 over a part is the new 一; a text without an opening leaves the opening alone', () => {
    for (let i = 0; i < 5; i++) {
      expect(composeOverview(withPart(lastYear, i, hongze.narratives.overview))).toBe(hongze.narratives.overview);
      expect(composeOverview(withPart(lastYear, i, seed.narratives.overview))).toBe(seed.narratives.overview);
    }
    const twoParts = loadReport('real-district-stats-2023.json').narratives.overview;
    const into = parseOverview(composeOverview(withPart(lastYear, 3, twoParts)));
    expect(into.opening).toEqual(['上年的开头。']);
    expect(into.parts.map((p) => p.lines.join('\n'))).toEqual([
      parseOverview(twoParts).parts[0]!.lines.join('\n'),
      // Its second heading, "(二)信息管理情况" on a line of its own, is its （二）, as the office numbered it.
      parseOverview(twoParts).parts[1]!.lines.join('\n'),
      '上年丙',
      // The box pasted into gave up its text for the paste, which did not name it.
      '',
      '上年戊',
    ]);
  });

  it('two parts pasted into the first fill both; a heading typed alone does not empty its part', () => {
    const two = composeOverview(withPart(lastYear, 1, '（二）依申请公开情况。新乙。\n（三）政府信息管理情况。新丙。'));
    expect(parseOverview(two).parts.map((p) => p.lines.join('\n'))).toEqual(['上年甲', '新乙。', '新丙。', '上年丁', '上年戊']);
    const typed = composeOverview(withPart(lastYear, 1, '上年乙\n（三）政府信息管理'));
    expect(parseOverview(typed).parts.map((p) => p.lines.join('\n'))).toEqual(['上年甲', '上年乙', '上年丙', '上年丁', '上年戊']);
  });
});

describe('an opening written above parts that had none', () => {
  it('keeps the first part’s heading on its own line, so it is still a heading', () => {
    const parts = parseOverview('(一)主动公开情况\n甲\n(二)信息管理情况\n乙');
    const text = composeOverview(withOpening(parts, '本报告是根据《条例》要求编制的'));
    expect(text).toBe('本报告是根据《条例》要求编制的\n(一)主动公开情况\n甲\n(二)信息管理情况\n乙');
    expect(parseOverview(text).parts.map((p) => p.lines.join('\n'))).toEqual(['甲', '乙', '', '', '']);
  });
});
