// The 一图读懂 written as PNG, PDF and HTML through the CLI, and read back: the
// PNG's size from its header, the PDF's pages with pdfinfo/pdftotext, the
// HTML parsed (self-contained, charts as inline SVG, the report's figures in
// its text). The pictures are kept under artifacts/infographic to be looked at.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import { EXIT, main, type CliIO } from '../../src/main/cli';
import { composeWithCharts, writeInfographic } from '../../src/main/services/infographic';
import { chromiumPrinter } from '../../src/main/services/documents';
import { createHandlers } from '../../src/main/handlers';
import { openServices } from '../../src/main/open-services';
import { createApi } from '../../src/shared/api/channels';
import { computeKpis, formatKpi } from '../../src/shared/kpi';
import { setCells, type Report } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';
import { busy, busyLastYear } from '../fixtures/busy-years';
import { loadReport } from '../shared/fixtures';
import { isA4, pdfPageSizes, pdfPages } from './documents-fixtures';

const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'infographic');
mkdirSync(ARTIFACTS, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'nianbao-infographic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, report: Report): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(report));
  return path;
}
const current = file('this-year.json', busy);
const lastYear = file('last-year.json', busyLastYear);

function capture(): CliIO & { errors: string[] } {
  const errors: string[] = [];
  return { out: () => undefined, err: (line) => errors.push(line), errors };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function run(args: string[]): Promise<{ code: number; errors: string[] }> {
  const io = capture();
  const code = await main(args, io);
  return { code, errors: io.errors };
}

describe('nianbao infographic', () => {
  it('draws from a report whose figures add up', () => {
    expect(validate(busy, { previous: busyLastYear }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('writes a 750 px PNG for WeChat and a 1500 px one for print, the same picture', async () => {
    const out = join(dir, '一图读懂.png');
    expect(await run(['infographic', current, '--previous', lastYear, '--out', out])).toEqual({ code: EXIT.ok, errors: [] });
    const one = pngSize(readFileSync(out));
    expect(one.width).toBe(750);
    const height = composeWithCharts({ report: busy, previous: busyLastYear, highlights: [] }).height;
    expect(one.height).toBeGreaterThan(height); // the default highlights add their lines
    copyFileSync(out, join(ARTIFACTS, 'busy-750.png'));

    const out2 = join(dir, '一图读懂@2x.png');
    expect((await run(['infographic', current, '--previous', lastYear, '--out', out2, '--scale', '2'])).code).toBe(EXIT.ok);
    const two = pngSize(readFileSync(out2));
    expect(two).toEqual({ width: 1500, height: one.height * 2 });
  });

  it('writes the HTML section self-contained: no request, charts as inline SVG, the real figures in its text', async () => {
    const out = join(dir, '一图读懂.html');
    expect((await run(['infographic', current, '--previous', lastYear, '--out', out])).code).toBe(EXIT.ok);
    const html = readFileSync(out, 'utf8');
    copyFileSync(out, join(ARTIFACTS, 'busy.html'));
    const doc = parseDocument(html, { xmlMode: false });
    const elements = DomUtils.findAll(() => true, doc.children);
    // Nothing that would fetch: no script, link, image, frame, and no attribute pointing anywhere outside.
    expect(elements.filter((e) => ['script', 'link', 'img', 'iframe', 'object', 'embed'].includes(e.name))).toEqual([]);
    for (const e of elements) {
      for (const [name, value] of Object.entries(e.attribs)) {
        if (['src', 'href', 'xlink:href', 'action'].includes(name)) expect(value, `${e.name} ${name}`).not.toMatch(/^\s*(https?:)?\/\//i);
      }
    }
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/);
    const section = DomUtils.findOne((e) => e.name === 'section', doc.children)!;
    expect(section).toBeTruthy();
    // The picture is one SVG inside the section; each of the four charts an SVG of its own inside it.
    const svgs = DomUtils.findAll((e) => e.name === 'svg', section.children);
    expect(svgs.length).toBe(5);
    // Its CSS travels with it, so the section can be pasted into a page on its own.
    expect(DomUtils.findOne((e) => e.name === 'style', section.children)?.parent).toBe(section);

    const text = DomUtils.textContent(section);
    expect(text).toContain(`${busy.agency}`);
    expect(text).toContain(`${busy.year}年政府信息公开工作年度报告`);
    const shown = computeKpis(busy, busyLastYear);
    for (const id of ['received', 'closed', 'disclosure_rate', 'review_cases']) {
      const k = shown.find((s) => s.def.id === id)!;
      const [figure] = formatKpi(k.def, k.value).split(' ');
      expect(text, id).toContain(figure!.replace('%', ''));
    }
    // Each applicant type's count is on its bar, as ECharts prints it.
    for (const col of ['natural', 'commercial', 'legal']) expect(text).toContain(String(busy.tables.requests.received![col]));
    expect(text).toContain('较上年');
  });

  it('writes the PDF on A4 pages, its text selectable (the charts stay vectors)', async () => {
    const out = join(dir, '一图读懂.pdf');
    expect((await run(['infographic', current, '--previous', lastYear, '--out', out])).code).toBe(EXIT.ok);
    copyFileSync(out, join(ARTIFACTS, 'busy.pdf'));
    const sizes = pdfPageSizes(out);
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) expect(isA4(size)).toBe(true);
    const pages = pdfPages(out).join('\n');
    expect(pages).toContain('申请来源');
    expect(pages).toContain(String(busy.tables.requests.received!.total));
  });

  it('draws a report with nothing to chart: the empty sections say so instead of an empty chart', async () => {
    const town = loadReport('real-town-2023.json');
    const out = join(dir, 'town.html');
    expect((await run(['infographic', file('town.json', town), '--out', out])).code).toBe(EXIT.ok);
    const text = DomUtils.textContent(parseDocument(readFileSync(out, 'utf8')));
    expect(text).toContain('本年度未收到政府信息公开申请');
    expect(text).toContain('本年度未发生因政府信息公开引起的行政复议、行政诉讼');
    expect(text).not.toContain('较上年'); // no last year's report, no change
    expect(text).toContain('—'); // 实质公开率 of 0 ÷ 0
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('takes the author’s highlights', async () => {
    const out = join(dir, 'own.html');
    expect(
      (
        await run([
          'infographic',
          current,
          '--out',
          out,
          '--highlight',
          '全年政府网站发布信息三千余条',
          '--highlight',
          '依申请公开答复率百分之百',
        ])
      ).code,
    ).toBe(EXIT.ok);
    const text = DomUtils.textContent(parseDocument(readFileSync(out, 'utf8')));
    expect(text).toContain('全年政府网站发布信息三千余条');
    expect(text).toContain('依申请公开答复率百分之百');
  });

  it('refuses an output type it does not write, and a file it cannot read, with exit 2 and a message in Chinese', async () => {
    const wrong = await run(['infographic', current, '--out', join(dir, 'x.docx')]);
    expect(wrong.code).toBe(EXIT.unreadable);
    expect(wrong.errors.join('\n')).toContain('扩展名应为 .png');
    const missing = await run(['infographic', join(dir, 'nowhere.json'), '--out', join(dir, 'x.png')]);
    expect(missing.code).toBe(EXIT.unreadable);
    expect(missing.errors.join('\n')).toContain('nowhere.json');
    const noDir = await run(['infographic', current, '--out', join(dir, 'no', 'such', 'dir', 'x.png')]);
    expect(noDir.code).toBe(EXIT.unreadable);
    expect(noDir.errors.join('\n')).toMatch(/x\.png/);
  });

  it('warns, and still draws, when the figures do not add up', async () => {
    const broken = file('broken.json', setCells(busy, [['requests.received.total', 1]]));
    const res = await run(['infographic', broken, '--out', join(dir, 'broken.png')]);
    expect(res.code).toBe(EXIT.ok);
    expect(res.errors.join('\n')).toMatch(/还有 \d+ 个错误/);
  });
});

describe('the PDF without a browser to print it', () => {
  it('says so, suggests the PNG or the web page, and writes nothing', async () => {
    const out = join(dir, 'no-browser.pdf');
    const written = await writeInfographic({ report: busy, previous: null, highlights: [] }, 'pdf', out, {
      printer: chromiumPrinter({ executablePath: join(dir, 'no-such-browser') }),
    });
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.error.message).toContain('改为导出 PNG 图片或网页');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the 一图读懂 through the app’s API (browser mode: the file comes back to download)', () => {
  it('draws the stored report beside last year’s from the library, with the author’s highlights', async () => {
    const opened = await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' });
    if (!opened.ok) throw new Error(opened.error.message);
    const services = opened.value;
    try {
      const handlers = createHandlers(services);
      const api = createApi((channel, payload) => handlers[channel](payload));
      services.library.add(busyLastYear);
      const stored = services.library.add(busy);
      if (!stored.ok) throw new Error(stored.error.message);
      const res = await api.files.exportInfographic({ id: stored.value.id, kind: 'html', highlights: ['全年办理依申请公开四百余件'] });
      if (!res.ok) throw new Error(res.error.message);
      expect(res.value.kind).toBe('download');
      if (res.value.kind !== 'download') return;
      expect(res.value.mime).toBe('text/html');
      expect(res.value.fileName).toBe(`${busy.agency}${busy.year}年政府信息公开工作年度报告（一图读懂）.html`);
      const text = DomUtils.textContent(parseDocument(Buffer.from(res.value.data, 'base64').toString('utf8')));
      expect(text).toContain('全年办理依申请公开四百余件');
      expect(text).toContain('较上年 +67 件'); // last year's report found in the library: 438 against 371

      const png = await api.files.exportInfographic({ id: stored.value.id, kind: 'png2x', highlights: [] });
      if (!png.ok || png.value.kind !== 'download') throw new Error('no PNG');
      expect(pngSize(Buffer.from(png.value.data, 'base64')).width).toBe(1500);

      for (const bad of [
        { kind: 'gif', highlights: [] },
        { kind: 'png', highlights: Array.from({ length: 7 }, () => '亮点') },
      ]) {
        const refused = await handlers['export.infographic']({ id: stored.value.id, ...bad });
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.error.code).toBe('bad_request');
      }
    } finally {
      await services.close();
    }
  });
});
