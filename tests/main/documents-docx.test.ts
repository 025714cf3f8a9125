// The Word document, read back: the .docx is unzipped and its XML checked
// against GB/T 9704 and against the one table layout; then LibreOffice renders
// it and the PDF is checked for page size, page count and text.
import { testDir } from '../helpers/temp-dir';
import { describe, expect, it, beforeAll } from 'vitest';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportDocx, writeReportDocx } from '../../src/main/services/documents';
import { LAYOUTS, placeCells } from '../../src/shared/template/layout';
import { SECTIONS, TABLE_IDS } from '../../src/shared/template/gov2021';
import { cellText } from '../../src/shared/document/content';
import { documentTitle, type Report } from '../../src/shared/model/report';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { gridCharSpace } from '../../src/main/services/documents/docx-writer';
import { BODY_CHAR_PT, BODY_TRACKING_PT, TYPE_AREA_MM } from '../../src/shared/document/fonts';
import { ARTIFACTS, distinctValuesReport, isA4, keepPagesAsPng, pdfPageSizes, pdfPages, seedReport } from './documents-fixtures';

type Parts = Record<string, string>;
const mmTwips = (mm: number) => Math.round((mm / 25.4) * 1440);

async function unzip(buffer: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(buffer);
  const parts: Parts = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) parts[name] = await zip.file(name)!.async('string');
  return parts;
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]!);
const textOf = (xml: string) => unescapeXml([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** The Word tables of document.xml (not nested here), each as rows of cells. */
interface WordCell {
  column: number;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | undefined;
  text: string;
}
function wordTables(documentXml: string): { rows: WordCell[][]; headerRows: number; gridCols: number }[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => {
    const rowsXml = [...tbl!.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    const rows = rowsXml.map((rowXml) => {
      let column = 0;
      return [...rowXml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => {
        const gridSpan = Number(attr(tc!, 'w:gridSpan', 'w:val') ?? 1);
        const vMergeTag = /<w:vMerge\b([^>]*)\/>/.exec(tc!);
        const vMerge = vMergeTag ? (/w:val="restart"/.test(vMergeTag[1]!) ? 'restart' : 'continue') : undefined;
        const cell: WordCell = { column, gridSpan, vMerge, text: textOf(tc!) };
        column += gridSpan;
        return cell;
      });
    });
    const headerRows = rowsXml.filter((r) => /<w:tblHeader\s*\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(r)).length;
    const gridCols = [...tbl!.matchAll(/<w:gridCol\b/g)].length;
    return { rows, headerRows, gridCols };
  });
}

/** The section properties blocks of document.xml, in order. */
const sectPrs = (documentXml: string) => [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);

describe('Word document', () => {
  let parts: Parts;
  let report: Report;
  beforeAll(async () => {
    report = distinctValuesReport();
    parts = await unzip(await renderReportDocx(report, { draft: false }));
  });

  it('sets A4 with the GB/T 9704 margins on portrait sections and turns the landscape table section', () => {
    const sections = sectPrs(parts['word/document.xml']!);
    expect(sections.length).toBe(3); // text + tables 二 三, table 四 landscape, then 五 六
    const mm = (twips: string | undefined) => Math.round((Number(twips) / 1440) * 25.4);
    for (const [i, s] of sections.entries()) {
      const landscape = i === 1;
      expect(attr(s, 'w:pgSz', 'w:w')).toBe(landscape ? '16838' : '11906');
      expect(attr(s, 'w:pgSz', 'w:h')).toBe(landscape ? '11906' : '16838');
      expect(attr(s, 'w:pgSz', 'w:orient')).toBe(landscape ? 'landscape' : 'portrait');
      const margins = ['top', 'bottom', 'left', 'right'].map((side) => mm(attr(s, 'w:pgMar', `w:${side}`)));
      // Landscape: the sheet turned so the table's head faces the binding edge.
      expect(margins).toEqual(landscape ? [28, 26, 35, 37] : [37, 35, 28, 26]);
    }
  });

  it('sets 22 lines a page in 三号 仿宋_GB2312 with a two-character indent, and the standard heading fonts', () => {
    const styles = parts['word/styles.xml']!;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:rFonts', 'w:ascii')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    expect(attr(defaults, 'w:spacing', 'w:lineRule')).toBe('exact');
    const line = Number(attr(defaults, 'w:spacing', 'w:line'));
    const typeAreaTwips = 16838 - 2098 - 1984;
    expect(line * 22).toBeLessThanOrEqual(typeAreaTwips);
    expect(line * 23).toBeGreaterThan(typeAreaTwips);
    expect(attr(defaults, 'w:ind', 'w:firstLineChars')).toBe('200');

    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
    expect(attr(style('ReportTitle'), 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(style('ReportTitle'), 'w:sz', 'w:val')).toBe('44');
    expect(attr(style('ReportTitle'), 'w:jc', 'w:val')).toBe('center');
    expect(attr(style('Heading1'), 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(style('Heading2'), 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    expect(attr(style('TableText'), 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    expect(attr(style('TableText'), 'w:sz', 'w:val')).toBe('21');
  });

  it('names a fallback for each standard font in the font table', () => {
    const fonts = parts['word/fontTable.xml']!;
    const altName = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(fonts)?.[1];
    expect(altName('仿宋_GB2312')).toBe('仿宋');
    expect(altName('方正小标宋简体')).toBe('宋体');
    expect(altName('楷体_GB2312')).toBe('楷体');
    expect(fonts).toContain('<w:font w:name="FangSong">');
    expect(fonts).toContain('<w:charset w:val="86"/>');
  });

  it('prints the title, the six headings in order, the sub-headings and the narratives', () => {
    const doc = parts['word/document.xml']!;
    const paragraphs = [...doc.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
      style: attr(m[1]!, 'w:pStyle', 'w:val'),
      text: textOf(m[1]!),
    }));
    expect(paragraphs[0]).toEqual({ style: 'ReportTitle', text: documentTitle(report) });
    const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(SECTIONS.map((s) => s.heading));
    const subheadings = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    // The seed writes "(一)主动公开" with half-width brackets; the document prints the official full-width form.
    expect(subheadings).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    const text = paragraphs.map((p) => p.text).join('\n');
    for (const narrative of Object.values(report.narratives)) {
      for (const line of narrative.split('\n').filter((l) => !/^[（(][一二三四五][）)]/.test(l))) expect(text).toContain(line.trim());
    }
    // The opening "……报告如下：" stands before 一、总体情况, as in published reports.
    expect(paragraphs[1]!.text).toMatch(/报告如下[:：]$/);
  });

  it('draws each table from LAYOUTS: every cell in its grid column, gridSpan for colSpan, vMerge for rowSpan, its text or value', () => {
    const tables = wordTables(parts['word/document.xml']!);
    expect(tables.length).toBe(3);
    TABLE_IDS.forEach((id, t) => {
      const layout = LAYOUTS[id];
      const word = tables[t]!;
      expect(word.gridCols).toBe(layout.columns);
      expect(word.rows.length).toBe(layout.rows.length);
      expect(word.headerRows).toBe(layout.headerRows);
      for (const row of word.rows) expect(row.reduce((n, c) => n + c.gridSpan, 0)).toBe(layout.columns);
      const starts = word.rows.flatMap((row, r) => row.filter((c) => c.vMerge !== 'continue').map((c) => ({ r, ...c })));
      const placed = placeCells(layout);
      expect(starts.length).toBe(placed.length);
      for (const { cell, r, c } of placed) {
        const w = word.rows[r]!.find((x) => x.column === c)!;
        expect(w, `${id} row ${r} column ${c}`).toBeDefined();
        expect(w.gridSpan).toBe(cell.colSpan);
        expect(w.vMerge).toBe(cell.rowSpan > 1 ? 'restart' : undefined);
        for (let below = r + 1; below < r + cell.rowSpan; below++) {
          const cont = word.rows[below]!.find((x) => x.column === c)!;
          expect(cont.vMerge).toBe('continue');
          expect(cont.gridSpan).toBe(cell.colSpan);
        }
        expect(w.text).toBe(cell.kind === 'value' ? cellText(report, cell.key) : cell.text);
      }
    });
    // Spot checks that the values are the report's own: a decimal, a dash mark, a blank.
    expect(cellText(report, 'proactive.fees.amount')).toBe('12.3456');
    expect(cellText(report, 'requests.denied_secret.research')).toBe('—');
    expect(cellText(report, 'appeals.review.pending')).toBe('');
  });

  it('numbers pages "— N —" in 四号 宋体, odd pages right and even pages left', () => {
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\s*\/>|<w:evenAndOddHeaders w:val="(true|1)"\/>/);
    const rels = parts['word/_rels/document.xml.rels']!;
    for (const s of sectPrs(parts['word/document.xml']!)) {
      const footer = (type: string) => {
        const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(s)![1];
        const target =
          new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
        return parts[`word/${target}`]!;
      };
      for (const [type, side] of [
        ['default', 'right'],
        ['even', 'left'],
      ] as const) {
        const xml = footer(type);
        expect(attr(xml, 'w:jc', 'w:val')).toBe(side);
        expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
        expect(textOf(xml)).toMatch(/^— .* —$/);
        expect(attr(xml, 'w:pStyle', 'w:val')).toBe('PageNumberText');
      }
    }
    const pageNumberStyle = /<w:style [^>]*w:styleId="PageNumberText"[\s\S]*?<\/w:style>/.exec(parts['word/styles.xml']!)![0];
    expect(attr(pageNumberStyle, 'w:sz', 'w:val')).toBe('28');
    expect(attr(pageNumberStyle, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
  });

  it('records the title and the agency as author in the document properties', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain(`<dc:title>${documentTitle(report)}</dc:title>`);
    expect(core).toContain(`<dc:creator>${report.agency}</dc:creator>`);
  });

  it('marks a draft 草稿 in the header of every page, and a final document not at all', async () => {
    expect(Object.keys(parts).filter((p) => p.startsWith('word/header'))).toEqual([]);
    const draft = await unzip(await renderReportDocx(report, { draft: true }));
    const headers = Object.keys(draft).filter((p) => /^word\/header\d+\.xml$/.test(p));
    expect(headers.length).toBe(6); // odd and even, in each of the three sections
    for (const h of headers) expect(textOf(draft[h]!)).toContain('草稿');
    for (const s of sectPrs(draft['word/document.xml']!)) {
      expect(s).toMatch(/<w:headerReference w:type="default"/);
      expect(s).toMatch(/<w:headerReference w:type="even"/);
    }
  });
});

describe('Word document rendered by LibreOffice', () => {
  it('is A4, a sane number of pages, table 四 landscape, and carries the title, headings, values and page numbers', async () => {
    const dir = testDir('nianbao-docx-');
    const report = seedReport();
    const docx = join(dir, 'report.docx');
    expect(await writeReportDocx(report, docx, { draft: true })).toEqual({ ok: true, value: undefined });
    // A profile of its own, so a LibreOffice another test or person runs does not swallow the conversion.
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(dir, 'report.pdf');
    expect(existsSync(pdf)).toBe(true);
    copyFileSync(docx, join(ARTIFACTS, 'seed.docx'));
    copyFileSync(pdf, join(ARTIFACTS, 'seed-docx.pdf'));
    keepPagesAsPng(pdf, 'docx-page');

    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(sizes.length).toBeLessThanOrEqual(8);
    const landscape = sizes.map((s) => isA4(s, true));
    expect(sizes.every((s, i) => isA4(s, landscape[i]))).toBe(true);
    expect(landscape.filter(Boolean).length).toBe(1);

    const pages = pdfPages(pdf);
    const flat = (s: string) => s.replace(/\s+/g, '');
    const all = flat(pages.join(''));
    expect(all).toContain(flat(documentTitle(report)));
    for (const s of SECTIONS) expect(all).toContain(s.heading);
    expect(all).toContain('本年新收政府信息公开申请数量');
    expect(flat(pages[landscape.indexOf(true)]!)).toContain('四、政府信息公开行政复议、行政诉讼情况');
    pages.forEach((page, i) => {
      expect(flat(page)).toContain(`—${i + 1}—`);
      expect(page).toContain('草稿');
    });
    writeFileSync(join(ARTIFACTS, 'seed-docx.txt'), pages.join('\f'));
    expect(readdirSync(ARTIFACTS).some((f) => f.startsWith('docx-page'))).toBe(true);
  });
});

/** The elements of a part of the .docx, read with an XML parser. */
function xmlElements(xml: string, name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name, parseDocument(xml, { xmlMode: true }).children);
}
const val = (e: Element | undefined, name: string) => (e ? DomUtils.getAttributeValue(e, name) : undefined);
const child = (e: Element, name: string) => DomUtils.findOne((x) => x.name === name, e.children, true) ?? undefined;

describe('Word document to GB/T 9704', () => {
  let parts: Parts;
  const report: Report = {
    ...seedReport(),
    signature: '余杭区统计局办公室',
    date: '2023-01-20',
    preamble: '本报告根据《中华人民共和国政府信息公开条例》编制。',
  };
  beforeAll(async () => {
    parts = await unzip(await renderReportDocx(report, { draft: false, today: '2025-02-01' }));
  });

  it('declares the 28 × 22 character grid on every section: linesAndChars, 22 lines in 225 mm, 28 characters in 156 mm', () => {
    const grids = xmlElements(parts['word/document.xml']!, 'w:docGrid');
    expect(grids.length).toBe(3);
    // The portrait line as the sections set it: the sheet's width less the left and right margins.
    const lineTwips = 11906 - mmTwips(28) - mmTwips(26);
    for (const g of grids) {
      expect(val(g, 'w:type')).toBe('linesAndChars');
      const linePitch = Number(val(g, 'w:linePitch'));
      expect(linePitch * 22).toBeLessThanOrEqual(mmTwips(225));
      expect(linePitch * 23).toBeGreaterThan(mmTwips(225));
      // The character pitch: the 三号 body size plus charSpace/4096 pt; 28 of them fill the 156 mm line.
      const pitchPt = 16 + Number(val(g, 'w:charSpace')) / 4096;
      expect(pitchPt * 28).toBeLessThanOrEqual(lineTwips / 20);
      expect(pitchPt * 28).toBeGreaterThan(lineTwips / 20 - 0.2);
    }
    expect(gridCharSpace(lineTwips)).toBe(-842);
  });

  it('justifies the body, keeps widow control on, and keeps the title and tables off the grid cells', () => {
    const defaults = xmlElements(parts['word/styles.xml']!, 'w:pPrDefault')[0]!;
    expect(val(child(defaults, 'w:jc'), 'w:val')).toBe('both');
    expect(child(defaults, 'w:widowControl')).toBeDefined();
    const styles = xmlElements(parts['word/styles.xml']!, 'w:style');
    const style = (id: string) => styles.find((s) => val(s, 'w:styleId') === id)!;
    expect(val(child(style('Normal'), 'w:sz'), 'w:val')).toBe('32'); // LibreOffice sizes the grid from Normal's own size
    for (const id of ['ReportTitle', 'TableText']) expect(val(child(style(id), 'w:snapToGrid'), 'w:val')).toBe('0');
  });

  it('numbers pages with PAGE fields that carry a cached value', () => {
    const footers = Object.keys(parts).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers.length).toBe(6);
    for (const f of footers) {
      const fields = xmlElements(parts[f]!, 'w:fldSimple');
      expect(fields.length, f).toBe(1);
      expect(val(fields[0], 'w:instr')).toBe('PAGE');
      expect(DomUtils.textContent(fields[0]!)).toMatch(/^\d+$/);
    }
  });

  it('prints the preamble before 一、总体情况 and ends with 落款 and 成文日期, placed by where each starts', () => {
    const body = xmlElements(parts['word/document.xml']!, 'w:body')[0]!;
    const paragraphs = body.children.filter((c): c is Element => (c as Element).name === 'w:p');
    const texts = paragraphs.map((p) => DomUtils.textContent(p));
    expect(texts.indexOf(report.preamble!)).toBe(1);
    expect(texts.indexOf('一、总体情况')).toBeGreaterThan(1);
    const [signature, date] = paragraphs.slice(-2);
    expect(texts.slice(-2)).toEqual(['余杭区统计局办公室', '2023年1月20日']);
    for (const p of [signature!, date!]) expect(val(child(p, 'w:jc'), 'w:val')).toBe('left');
    const left = (p: Element) => Number(val(child(p, 'w:ind'), 'w:left'));
    // The date starts two characters (of the body as set: 三号 less its tracking) right of the name.
    const charTwips = BODY_CHAR_PT * 20;
    expect(left(date!) - left(signature!)).toBe(Math.round(2 * charTwips));
    // The name is the longer line here: it ends 右空二字 (nine characters of 仿宋_GB2312).
    const lineTwips = mmTwips(TYPE_AREA_MM.width);
    expect(Math.abs(lineTwips - left(signature!) - 9 * charTwips - 2 * charTwips)).toBeLessThanOrEqual(2);
    // The last lines of the text stay with the closing.
    expect(child(paragraphs.at(-3)!, 'w:keepNext')).toBeDefined();
  });

  it("sets a date longer than the name 右空二字 by 仿宋_GB2312's metrics, and moves the name left", async () => {
    const short = await unzip(await renderReportDocx({ ...seedReport(), signature: '某镇人民政府', date: '2023-01-20' }, { draft: false }));
    const body = xmlElements(short['word/document.xml']!, 'w:body')[0]!;
    const [signature, date] = body.children.filter((c): c is Element => (c as Element).name === 'w:p').slice(-2);
    const left = (p: Element) => Number(val(child(p, 'w:ind'), 'w:left'));
    const charTwips = BODY_CHAR_PT * 20;
    expect(left(date!) - left(signature!)).toBe(Math.round(2 * charTwips));
    // 2023年1月20日: three characters and seven digits, a digit half a character of 仿宋_GB2312.
    const dateTwips = [...'2023年1月20日'].reduce((n, ch) => n + (/\d/.test(ch) ? 8 * 20 : 16 * 20) + BODY_TRACKING_PT * 20, 0);
    expect(Math.abs(mmTwips(TYPE_AREA_MM.width) - left(date!) - dateTwips - 2 * charTwips)).toBeLessThanOrEqual(2);
  });

  it('dates a report that names no 成文日期 on the day of export', async () => {
    const undated = await unzip(await renderReportDocx(seedReport(), { draft: false, today: '2025-02-01' }));
    expect(textOf(undated['word/document.xml']!)).toMatch(/余杭区统计局2025年2月1日$/);
  });
});
