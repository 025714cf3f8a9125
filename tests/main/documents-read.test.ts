// Reading the documents offices already have — Word files, web pages (also
// saved as .mhtml) and PDFs — made as offices make them (LibreOffice,
// Chromium's printing, a portal's page in GBK) and as nianbao exports them:
// every table cell exactly, each section's whole text, body and year.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportBytes, readReportFile } from '../../src/main/formats/registry';
import { renderReportDocx } from '../../src/main/services/documents/docx-writer';
import { chromiumPrinter } from '../../src/main/services/documents/pdf-writer';
import { renderReportHtml } from '../../src/shared/document/report-html';
import { CELLS } from '../../src/shared/model/cells';
import { setCells, type Report } from '../../src/shared/model/report';
import { libreoffice, mhtml, officeArticle, portalPage, PREAMBLE, seedSections, write } from '../fixtures/documents/office';
import { seedReport } from './documents-fixtures';
import { browserPrintedPdf } from '../fixtures/documents/printed';

const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const work = mkdtempSync(join(tmpdir(), 'nianbao-read-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real seed with every cell a number of its own, so a value read into the wrong cell shows. */
function distinct(): Report {
  return setCells(seedReport(), [...CELLS.map((c, i) => [c.key, i + 1] as const), ['proactive.fees.amount', 12.3456]]);
}

const seedOverview = () => seedReport().narratives.overview.split('\n');
/** The overview's parts as the template writes them, （一） in full-width brackets. */
const partsFullWidth = (lines: string[]) => lines.map((l) => l.replace(/^\(([一二三四五])\)/, '（$1）')).join('\n');

async function read(path: string): Promise<Report> {
  const result = await readReportFile(path);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.report;
}

describe('nianbao’s own exports read back to the same report', () => {
  const report: Report = { ...distinct(), preamble: PREAMBLE, signature: '杭州市余杭区统计局', date: '2023-01-18' };
  const expectSame = (back: Report, closing = true) => {
    expect(back.tables).toEqual(report.tables);
    expect(back.agency).toBe(report.agency);
    expect(back.year).toBe(report.year);
    expect(back.level).toBe(report.level);
    // The overview's opening "…报告如下：" is printed with the preamble, before 一、, and read back as part of it.
    expect(back.preamble).toBe(`${PREAMBLE}\n${seedOverview()[0]}`);
    expect(back.narratives.overview).toBe(partsFullWidth(seedOverview().slice(1)));
    expect(back.narratives.problems).toBe(report.narratives.problems);
    expect(back.narratives.other).toBe(report.narratives.other);
    expect(back.signature).toBe(closing ? report.signature : undefined);
    expect(back.date).toBe(closing ? report.date : undefined);
  };

  it('Word (.docx)', async () => expectSame(await read(write(join(work, 'own.docx'), await renderReportDocx(report, { draft: false })))));
  it('web page (.html), without the closing lines as published', async () =>
    expectSame(await read(write(join(work, 'own.html'), renderReportHtml(report, { draft: false }))), false));
  it('web page (.html) with the closing lines', async () =>
    expectSame(await read(write(join(work, 'own-closing.html'), renderReportHtml(report, { draft: false, closing: true })))));
  it('PDF printed by Chromium', async () => {
    const pdf = await chromiumPrinter()(renderReportHtml(report, { draft: false, closing: true }));
    if (!pdf.ok) throw new Error(pdf.error.message);
    const back = await read(write(join(work, 'own.pdf'), Buffer.from(pdf.value)));
    // This machine lacks the report's fonts; Chromium falls back to a Noto CJK face whose one glyph
    // for 户 and 戶 is mapped back to 戶. Offices print with their own fonts, which keep the two apart.
    expectSame({ ...back, narratives: { ...back.narratives, overview: back.narratives.overview.replace(/戶/g, '户') } });
  });
  it('the Word file saved as PDF (LibreOffice)', async () => {
    const docx = write(join(work, 'own-lo.docx'), await renderReportDocx(report, { draft: false }));
    expectSame(await read(libreoffice(docx, 'pdf', work)));
  });
});

describe('documents as offices make them', () => {
  const report = distinct();
  const s = seedSections();
  let articleDocx = '';
  beforeAll(() => {
    const article = write(
      join(work, 'article.html'),
      `<html><head><meta charset="utf-8"></head><body>${officeArticle(report)}</body></html>`,
    );
    articleDocx = libreoffice(article, 'docx:MS Word 2007 XML', work);
  }, 120_000);

  const expectOffice = (back: Report) => {
    expect(back.tables).toEqual(report.tables);
    expect(back.agency).toBe('余杭区统计局');
    expect(back.year).toBe(2022);
    expect(back.level).toBe('县区部门');
    expect(back.preamble).toBe(`${PREAMBLE}\n${s.intro}`);
    expect(back.narratives.overview).toBe(partsFullWidth(s.overview));
    expect(back.narratives.problems).toBe(s.problems.join('\n'));
    expect(back.narratives.other).toBe(s.other.join('\n'));
    expect(back.signature).toBe('余杭区统计局');
    expect(back.date).toBe('2023-01-18');
  };

  it('the article alone, UTF-8', async () => expectOffice(await read(join(work, 'article.html'))));
  it('the whole portal page, GBK, with navigation, scripts and footer', async () =>
    expectOffice(await read(write(join(work, 'portal.htm'), portalPage(report)))));
  it('a portal page whose byline and footer sit in the article’s own box', async () => {
    const page = portalPage(report, { footerInArticle: true });
    expectOffice(await read(write(join(work, 'portal-footer.htm'), page)));
  });
  it('the portal page saved by the browser as one file (.mhtml, quoted-printable)', async () =>
    expectOffice(await read(write(join(work, 'portal.mhtml'), mhtml(portalPage(report), 'gb2312')))));
  it('a Word file written by LibreOffice', async () => expectOffice(await read(articleDocx)));
  it('that Word file saved as PDF by LibreOffice', async () => expectOffice(await read(libreoffice(articleDocx, 'pdf', work))));

  it('the page printed to PDF by a browser: a running header, 第 N 页 共 M 页, table 三 over pages with its header repeated', async () => {
    const pdf = await browserPrintedPdf(report);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(5);
    expectOffice(await read(write(join(work, 'printed.pdf'), pdf)));
  });

  it('the import record shows where the identity and the text came from', async () => {
    const result = await readReportFile(articleDocx);
    if (!result.ok) throw new Error(result.error.message);
    const record = result.value.record!;
    expect(record.agency).toMatchObject({
      value: '余杭区统计局',
      from: 'title',
      source: { raw: '余杭区统计局 / 2022年政府信息公开工作年度报告' },
    });
    expect(record.year).toMatchObject({ value: 2022, from: 'title', stated: 2022 });
    expect(record.level).toEqual({ value: '县区部门', from: 'name' });
    expect(record.text!.narratives.problems.heading).toBe('五、存在的主要问题及改进情况');
    expect(record.text!.overviewParts).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    expect(record.counts).toMatchObject({ matched: CELLS.length, guessed: 0, notFound: 0 });
    expect(result.value.notes[0]).toBe('从Word 文档读到：机关「余杭区统计局」（标题），2022 年度（标题）：请核对');
  });
});

describe('headings and identity as real reports vary them', () => {
  const page = (body: string) => Buffer.from(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`);

  it('half-width numbering, 第一部分, a shorter 五, the year in brackets after the title, the year from the 统计期限', async () => {
    const report = distinct();
    const [t2, t3, t4] = officeArticle(report)
      .split(/(?=<table)/)
      .slice(1)
      .map((x) => x.slice(0, x.indexOf('</table>') + 8));
    const body = [
      '<p>淮安市洪泽区人民政府政府信息公开工作年度报告（2024年度）</p>',
      '<p>本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。</p>',
      '<p>第一部分 总体情况</p><p>1、主动公开</p><p>全年主动公开信息120条。</p>',
      `<p>二.主动公开政府信息情况</p>${t2}<p>单位：件</p>`,
      `<p>三.收到和处理政府信息公开申请情况</p>${t3}`,
      `<p>四.政府信息公开行政复议、行政诉讼情况</p>${t4}`,
      '<p>五、存在问题及改进情况</p><p>一是公开内容不够丰富。</p><p>二、整改措施到位。</p>',
      '<p>六、其他需要报告的事项</p><p>本机关未收取信息处理费。</p>',
    ].join('');
    const result = await readReportBytes('洪泽.html', page(body));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.report).toMatchObject({
      tables: report.tables,
      agency: '淮安市洪泽区人民政府',
      year: 2024,
      level: '县区政府',
      // "二、整改措施到位" inside 五 is a list item, not 二 again.
      narratives: {
        overview: '（一）主动公开\n全年主动公开信息120条。',
        problems: '一是公开内容不够丰富。\n二、整改措施到位。',
        other: '本机关未收取信息处理费。',
      },
    });
  });
});

describe('what cannot be read says so in one line', () => {
  it.each([
    [
      'a legacy Word file',
      '旧报告.doc',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      '无法读取「旧报告.doc」：请用 Word 或 WPS 另存为 .docx 后导入',
    ],
    [
      'a legacy Word file renamed .docx',
      '旧报告.docx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      '「旧报告.docx」是旧版 Word 格式（.doc）：请用 Word 或 WPS 另存为 .docx 后导入',
    ],
    [
      'an encrypted Word file',
      '加密.docx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptedPackage', 'utf16le')]),
      '「加密.docx」设有打开密码（已加密），无法读取：请在 Word/WPS 中取消文档密码，另存为 .docx 后再导入',
    ],
    [
      'a broken Word file',
      '坏.docx',
      Buffer.from('PK\x03\x04 not really'),
      '「坏.docx」已损坏或不是 Word 文档（.docx）：请在 Word/WPS 中打开确认，另存为 .docx 后再导入',
    ],
    ['not a PDF', '假.pdf', Buffer.from('<html></html>'), '「假.pdf」不是 PDF 文件：请确认选择的文件，或改用 Word 原文件'],
  ])('%s', async (_, name, bytes, message) => {
    const result = await readReportBytes(name, bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(message);
  });

  it('a scanned PDF, with no text layer', async () => {
    const { PDFDocument, rgb } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
    const result = await readReportBytes('扫描件.pdf', Buffer.from(await pdf.save()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('「扫描件.pdf」无法读取，这是扫描件，没有文字层：请用 Word 原文件或网页');
  });

  it('an encrypted PDF', async () => {
    const { PDFDocument, PDFName, PDFHexString } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('2022');
    const encrypt = pdf.context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      P: -4,
      O: PDFHexString.of('00'.repeat(32)),
      U: PDFHexString.of('11'.repeat(32)),
    });
    pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
    pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
    expect(PDFName.of('Standard')).toBeTruthy();
    const result = await readReportBytes('加密.pdf', Buffer.from(await pdf.save({ useObjectStreams: false })));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe('「加密.pdf」设有打开密码（已加密），无法读取：请用原文件另存一份不加密的 PDF，或改用 Word 原文件');
  });

  it('a document without the three tables: the message names them', async () => {
    const body =
      '<p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年公开信息。</p><p>二、主动公开政府信息情况</p><p>（见附件图片）</p>';
    const result = await readReportBytes('无表.html', Buffer.from(body));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('no_tables');
      expect(result.error.message).toBe(
        '「无表.html」中没有找到年报的三张统计表（二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况），只读到了文字：请确认网页完整、表格不是图片，或改用 Word 原文件',
      );
    }
  });
});
