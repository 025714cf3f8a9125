// How narrative text becomes the document's paragraphs and sub-headings, in
// the one content model that the Word and HTML writers share.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag } from 'domhandler';
import { documentContent, narrativeLines } from '../../src/shared/document/content';
import { renderReportHtml } from '../../src/shared/document/report-html';
import { renderReportDocx } from '../../src/main/services/documents';
import { seedReport } from './documents-fixtures';
import { REQUEST_ROWS } from '../../src/shared/template/gov2021';
import { normalizeLabel } from '../../src/main/services/tables/labels';

describe('narrative lines', () => {
  it('recognises （一）…（五） sub-headings in full- or half-width brackets and prints them full-width', () => {
    expect(narrativeLines('(一)主动公开\n  （二）依申请公开 \n\n一是及时更新。')).toEqual([
      { kind: 'subheading', heading: '（一）主动公开', rest: '' },
      { kind: 'subheading', heading: '（二）依申请公开', rest: '' },
      { kind: 'paragraph', text: '一是及时更新。' },
    ]);
  });

  it('splits a sub-heading that runs on into text at its first full stop', () => {
    expect(narrativeLines('（三）政府信息管理。我局建立了制度。')).toEqual([
      { kind: 'subheading', heading: '（三）政府信息管理。', rest: '我局建立了制度。' },
    ]);
    expect(narrativeLines('（四）平台建设。')).toEqual([{ kind: 'subheading', heading: '（四）平台建设。', rest: '' }]);
  });

  it('does not take "一是" or a bracket in the middle of a line for a sub-heading', () => {
    expect(narrativeLines('一是（一）类信息').map((l) => l.kind)).toEqual(['paragraph']);
  });
});

describe('document content', () => {
  it('puts the opening "……报告如下：" before 一、总体情况, and only that', () => {
    const seed = seedReport();
    const doc = documentContent(seed, { draft: false });
    expect(doc.preamble).toHaveLength(1);
    expect(doc.sections[0]!.body.kind === 'narrative' && doc.sections[0]!.body.lines[0]).toEqual({
      kind: 'subheading',
      heading: '（一）主动公开',
      rest: '',
    });
    const plain = documentContent(
      { ...seed, narratives: { ...seed.narratives, overview: '本年度我局认真贯彻条例。\n（一）主动公开' } },
      { draft: false },
    );
    expect(plain.preamble).toEqual([]);
  });

  it('prints a run-on sub-heading in 楷体 and the rest in the body font, in Word and in HTML', async () => {
    const seed = seedReport();
    const report = { ...seed, narratives: { ...seed.narratives, overview: '（一）主动公开。一是及时更新政府公开信息。' } };
    const zip = await JSZip.loadAsync(await renderReportDocx(report, { draft: false }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraph = /<w:p\b[^>]*>(?:(?!<\/w:p>)[\s\S])*（一）主动公开。[\s\S]*?<\/w:p>/.exec(xml)![0];
    const runs = [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
      font: /w:eastAsia="([^"]+)"/.exec(m[1]!)?.[1],
      text: /<w:t[^>]*>([^<]*)<\/w:t>/.exec(m[1]!)?.[1],
    }));
    expect(runs).toEqual([
      { font: '楷体_GB2312', text: '（一）主动公开。' },
      { font: undefined, text: '一是及时更新政府公开信息。' },
    ]);
    const doc = parseDocument(renderReportHtml(report, { draft: false }));
    const runIn = DomUtils.findOne((e) => e.attribs.class === 'run-in', doc.children)!;
    const children = runIn.children.filter(isTag);
    expect(children.map((c) => [c.name, DomUtils.textContent(c)])).toEqual([
      ['h3', '（一）主动公开。'],
      ['p', '一是及时更新政府公开信息。'],
    ]);
  });
});

describe('the printed title', () => {
  it('breaks a title too long for one line after the body’s name, and keeps a short one whole', () => {
    const long = documentContent({ ...seedReport(), agency: '余杭区统计局', year: 2022 }, { draft: false });
    expect(long.titleLines).toEqual(['余杭区统计局', '2022年政府信息公开工作年度报告']);
    const short = documentContent({ ...seedReport(), agency: '某局', year: 2022 }, { draft: false });
    expect(short.titleLines).toEqual(['某局2022年政府信息公开工作年度报告']);
  });
});

describe('labels with quotation marks', () => {
  it('print the official “ ” and are still found when a file writes straight or curly quotes', () => {
    const label = REQUEST_ROWS.find((r) => r.key === 'denied_safety')!.label;
    expect(label).toBe('危及“三安全一稳定”');
    for (const written of ['危及"三安全一稳定"', '危及“三安全一稳定”', '危及三安全一稳定', '危及‘三安全一稳定’'])
      expect(normalizeLabel(written)).toBe(normalizeLabel(label));
  });
});
