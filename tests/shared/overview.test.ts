// The five parts of 一、总体情况 as real texts write them: headings on their own
// lines, run into the first sentence, all five in one pasted paragraph, typed
// twice. The editor's boxes and the documents read the same parts; an
// untouched text composes back exactly as written.
import { describe, expect, it } from 'vitest';
import { documentContent } from '../../src/shared/document/content';
import { composeOverview, parseOverview, withPart } from '../../src/shared/document/overview';
import { seed, withNarratives } from './fixtures';

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
