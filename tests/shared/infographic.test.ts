// The 一图读懂's parts that need no chart library: the highlights taken from
// real reports' text, the line breaking, the chart figures, and the composed
// page's own text staying inside the page (a stand-in renderer draws nothing
// for the charts, so only this module's layout is judged here; the real charts
// are drawn in tests/main/infographic.test.ts).
import { describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import {
  appealData,
  barOption,
  chartSections,
  composeInfographic,
  defaultHighlights,
  parseHighlights,
  sentences,
  balanced,
} from '../../src/shared/infographic';
import { applicantData, proactiveData, resultData } from '../../src/shared/infographic/charts';
import { balancedWrap, textWidth, wrapText } from '../../src/shared/infographic/text';
import { setCells } from '../../src/shared/model/report';
import { busy, busyLastYear } from '../fixtures/busy-years';
import { loadReport, seed } from './fixtures';

describe('highlights taken from the text', () => {
  it('the seed: the first sentence of each of the five parts, whole, "一是" dropped', () => {
    expect(defaultHighlights(seed)).toEqual([
      '及时更新政府公开信息', // （一）: "一是及时更新政府公开信息。按照…"
      '2022年,收到公民、法人或其他组织的信息公开申请10例(其中,撤件1例)',
      '为确保政府信息公开工作有序开展,本单位高度重视,明确分管领导、责任科室、规范制度,并明确各科室信息上报时限,确保信息时效性和准确性',
      '依托“余杭统计调查”微信公众号,公开发布解读月度、季度、年度统计数据,宣传统计开放日、统计法律法规等统计工作,营造良好统计法治氛围',
      '全局组建政府信息公开工作小组,明确全局需公开信息内容对应的各业务科室,坚持“谁发布、谁负责”的原则,严格坚持信息、采集、审定、发布制度',
    ]);
  });

  it('区统计局 2023: two parts with their own headings ("(一)主动公开情况"), one sentence each', () => {
    expect(defaultHighlights(loadReport('real-district-stats-2023.json'))).toEqual([
      '2023年,我局认真梳理,主动在门户网站公开政府信息50条',
      '我局高度重视政府信息公开工作,完善工作机制,规范信息管理流程,及时将我局各项工作动态予以更新,让群众快速了解统计工作状态',
    ]);
  });

  it('湛江市地方志办 2023: no parts, so the first sentences of the text short enough to read at a glance', () => {
    expect(defaultHighlights(loadReport('real-zhanjiang-dfz-2023.json'))).toEqual([
      '2023年,我办全年未收到行政许可申请',
      '全年未接到信息公开申请',
      '各栏目共刊发文稿、通知、公告、公示等44篇',
    ]);
  });

  it('is always whole sentences: a long first sentence gives way to the next, a quotation is never left open', () => {
    const long = '一是' + '围绕中心工作扎实推进政务公开，'.repeat(6) + '取得实效。二是公开“政策解读。回应关切”专栏。三是其他。';
    const overview = `（一）主动公开\n${long}`;
    const got = defaultHighlights({ narratives: { overview, problems: '', other: '' } });
    // The first sentence is too long to read at a glance: the next one is taken, its quotation whole (its 。 inside the quotes does not end it).
    expect(got).toEqual(['公开“政策解读。回应关切”专栏']);
    for (const h of got) expect(balanced(h)).toBe(true);
    expect(sentences('甲说“好。”乙说：“行；可以。”然后。')).toEqual(['甲说“好。”乙说：“行；可以。”然后。']);
    expect(balanced('坚持“谁发布、谁负责')).toBe(false);
  });

  it('an empty text gives no highlights; the author’s lines are read one a line, a very long one ending at a sentence', () => {
    expect(defaultHighlights({ narratives: { overview: '', problems: '', other: '' } })).toEqual([]);
    expect(parseHighlights('  第一条 \n\n第二条\n')).toEqual(['第一条', '第二条']);
    expect(parseHighlights(Array.from({ length: 9 }, (_, i) => `第${i}条`).join('\n'))).toHaveLength(6);
    const sentence = '全面推进政务公开工作取得实效，群众满意度持续提升。';
    const [line] = parseHighlights(sentence.repeat(10));
    expect(line).toBe(sentence.repeat(6));
  });
});

describe('line breaking', () => {
  it('every line fits, and no line starts with a closing mark', () => {
    const text =
      '依托“余杭统计调查”微信公众号，公开发布解读月度、季度、年度统计数据，宣传统计开放日、统计法律法规等统计工作，营造良好统计法治氛围。';
    for (const width of [200, 333, 640]) {
      const lines = wrapText(text, 24, width);
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(textWidth(line.replace(/[，。、”]$/, ''), 24)).toBeLessThanOrEqual(width);
        expect(line[0]).not.toMatch(/[，。、；：？！”）》]/);
      }
    }
  });
  it('keeps a figure on one line: never 「20」 and 「22年」, nor 「3,8」 and 「62」', () => {
    const text = '数据来源：《某某省某某市某某区人民政府办公室联合2022年政府信息公开工作年度报告》共3,862件';
    for (let width = 200; width <= 700; width += 7) {
      const lines = wrapText(text, 20, width);
      expect(lines.join('')).toBe(text);
      for (const [i, line] of lines.entries())
        if (i > 0) expect(/\d$/.test(lines[i - 1]!) && /^[\d,.]/.test(line), `${lines[i - 1]}|${line}`).toBe(false);
    }
    // A run longer than the line is still broken, not set past the edge.
    for (const line of wrapText('1'.repeat(80), 20, 200)) expect(textWidth(line, 20)).toBeLessThanOrEqual(200);
  });

  it('cuts at the last line allowed with "…"', () => {
    const lines = wrapText('一二三四五六七八九十'.repeat(5), 20, 100, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});

describe('the figures each chart shows', () => {
  it('the seed: 10 new requests from 自然人; results 9 公开 and 1 无法提供; 6 处罚; no appeals', () => {
    expect(applicantData(seed).map((d) => d.value)).toEqual([10, 0, 0, 0, 0, 0]);
    expect(resultData(seed)).toEqual([
      { name: '予以公开', value: 9 },
      { name: '部分公开', value: 0 },
      { name: '不予公开', value: 0 },
      { name: '无法提供', value: 1 },
      { name: '不予处理', value: 0 },
      { name: '其他处理', value: 0 },
    ]);
    // A 县区部门 makes no 规章: those rows are left out while they are 0.
    expect(proactiveData(seed).map((d) => d.name)).toEqual([
      '规范性文件 本年制发',
      '规范性文件 现行有效',
      '行政许可',
      '行政处罚',
      '行政强制',
    ]);
    expect(chartSections(seed).appeals.data).toBeNull();
  });
  it('a 规章 figure reported by a body that cannot make them is still shown', () => {
    const town = loadReport('real-town-2023.json'); // 某镇: 规章 现行有效 6
    expect(proactiveData(town).find((d) => d.name === '规章 现行有效')?.value).toBe(6);
  });
  it('text in a cell is no value, not 0', () => {
    const d = applicantData(setCells(seed, [['requests.received.legal', '若干']]));
    expect(d.find((x) => x.name === '法律服务机构')?.value).toBeNull();
    expect(appealData(setCells(seed, [['appeals.review.total', '/']])).totals[0]).toBe(0); // "/" is blank, blank is 0
  });
});

describe('the composed page', () => {
  const blank = () => '<svg xmlns="http://www.w3.org/2000/svg"/>';

  it('keeps its own text inside the page, at any length of body name', () => {
    const long = { ...busy, agency: '某某省某某市某某区某某街道办事处综合行政执法队（某某区某某街道综合行政执法中队）' };
    for (const report of [busy, long, seed]) {
      const page = composeInfographic({ report, previous: busyLastYear, highlights: defaultHighlights(seed) }, blank);
      const doc = parseDocument(page.svg, { xmlMode: true });
      const texts = DomUtils.findAll((e) => e.name === 'text', doc.children);
      expect(texts.length).toBeGreaterThan(30);
      for (const t of texts) {
        const x = Number(t.attribs.x);
        const size = Number(t.attribs['font-size']);
        const w = textWidth(DomUtils.textContent(t), size);
        const [left, right] =
          t.attribs['text-anchor'] === 'end' ? [x - w, x] : t.attribs['text-anchor'] === 'middle' ? [x - w / 2, x + w / 2] : [x, x + w];
        expect(left, DomUtils.textContent(t)).toBeGreaterThanOrEqual(0);
        expect(right, DomUtils.textContent(t)).toBeLessThanOrEqual(page.width);
        expect(Number(t.attribs.y)).toBeLessThanOrEqual(page.height);
      }
    }
  });

  it('gives the change against last year only when last year’s report is known', () => {
    const withPrevious = composeInfographic({ report: busy, previous: busyLastYear, highlights: [] }, blank).svg;
    const alone = composeInfographic({ report: busy, previous: null, highlights: [] }, blank).svg;
    expect(withPrevious).toContain('较上年 +67 件'); // 新收 438 against 371
    expect(alone).not.toContain('较上年');
  });
});

describe('room for the figures', () => {
  it('a bar chart leaves room at the bars’ end for its widest figure, however large', () => {
    const option = barOption(
      [
        { name: '行政许可', value: 2_000_000 },
        { name: '行政处罚', value: 3 },
      ],
      { font: 22 },
      120,
    ) as { grid: { right: number } };
    expect(option.grid.right).toBeGreaterThanOrEqual(textWidth('2,000,000', 22));
  });
});

describe('a title over two lines', () => {
  it('is broken evenly, never with one character left alone', () => {
    const name = '某镇（页面未载明名称，见来源网址）';
    const greedy = wrapText(name, 44, 670);
    expect(greedy.at(-1)).toBe('址）'); // what a plain break gives
    const even = balancedWrap(name, 44, 670);
    expect(even).toHaveLength(greedy.length);
    expect(even.join('')).toBe(name);
    expect(Math.min(...even.map((l) => [...l].length))).toBeGreaterThanOrEqual(6);
  });
});

describe('highlights from a text written a paragraph a point', () => {
  it('takes the first sentence of each paragraph, its "一是" dropped', () => {
    // The shape of a real 2023 report of a 民政局 (一、总体情况 as four paragraphs "一是…二是…", no （一） headings), shortened.
    const overview = [
      '一是积极推进主动公开。坚持“以公开为常态、不公开为例外”，主动公开政府信息。',
      '二是及时规范办理依申请公开。2023年，我局未收到政府信息公开申请。',
      '三是及时回应社会关切。依托意见征集、12345热线等栏目，倾听群众诉求。',
      '四是强化监督保障。加强日常监测，对网站的整体运行情况进行日常巡检。',
    ].join('\n');
    expect(defaultHighlights({ narratives: { overview, problems: '', other: '' } })).toEqual([
      '积极推进主动公开',
      '及时规范办理依申请公开',
      '及时回应社会关切',
      '强化监督保障',
    ]);
  });
});
