// Export of the published layout and its way back: every cell survives a
// round trip; totals are live formulas whose results LibreOffice agrees with;
// text is never run as a formula.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { FONTS, SIZES } from '../../src/shared/document/fonts';
import {
  AUDIT_SHEET_NAME,
  cellAddresses,
  exportWorkbook,
  importWorkbook,
  MARKS_LEGEND,
  ONE_SHEET_NAME,
  SHEET_NAMES,
  TABLE_TOP,
} from '../../src/main/services/excel';
import { LAYOUTS } from '../../src/shared/template/layout';
import { TABLE_IDS } from '../../src/shared/template/gov2021';
import { SEVERITY_LABEL } from '../../src/shared/rules/types';
import { marksItsCells } from '../../src/shared/rules/marks';
import { main } from '../../src/main/cli';
import { CELLS, type CellKey } from '../../src/shared/model/cells';
import { readReportJson } from '../../src/shared/model/report-json';
import { isBlankLike, setCells, valueOf, type CellValue, type Report } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';

const SEED = join(__dirname, '../fixtures/seed-2022.json');
const work = mkdtempSync(join(tmpdir(), 'nianbao-excel-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync(SEED, 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** The seed with every kind of value a cell can hold: text, marks, blanks, decimals, negatives, formula-like text. */
function awkward(): Report {
  const changes: [CellKey, CellValue][] = [
    ['proactive.regulations.issued', '十几'],
    ['proactive.regulations.repealed', null],
    ['proactive.normative_docs.in_force', '—'],
    ['proactive.licensing.decisions', '/'],
    ['proactive.fees.amount', 12.3456],
    ['requests.carried_over.natural', -1],
    ['requests.denied_law.research', '=1+1'],
    ['requests.denied_law.legal', '+1件'],
    ['requests.denied_law.other', '-'],
    ['requests.denied_law.nonprofit', '@SUM(A1)'],
    ['requests.denied_law.total', 99],
    ['appeals.review.upheld', '无'],
    ['appeals.suit_direct.total', null],
  ];
  return { ...setCells(seed(), changes), agency: '某某县"数据"局', year: 2024 };
}

const cellsOf = (r: Report) => Object.fromEntries(CELLS.map((c) => [c.key, valueOf(r, c)]));
/** What an import reads back (interchange.md): in a form of numbers, marks and blanks are 0; other text stays. */
const asImported = (r: Report) => Object.fromEntries(Object.entries(cellsOf(r)).map(([k, v]) => [k, isBlankLike(v) ? 0 : v]));

async function roundTrip(report: Report, oneSheet: boolean) {
  const bytes = await exportWorkbook(report, { findings: validate(report), oneSheet, draft: true });
  const back = await importWorkbook(bytes, { fileName: 'export.xlsx' });
  if (!back.ok) throw new Error(back.error.message);
  return back.value;
}

function sheetXml(bytes: Uint8Array, sheet: number): string {
  // Find the sheet's part in the zip and inflate it (the export is always deflated).
  const buf = Buffer.from(bytes);
  const name = Buffer.from(`xl/worksheets/sheet${sheet}.xml`);
  const at = buf.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]), 0);
  for (let i = at; i >= 0; i = buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 4)) {
    const n = buf.readUInt16LE(i + 26);
    if (!buf.subarray(i + 30, i + 30 + n).equals(name)) continue;
    const start = i + 30 + n + buf.readUInt16LE(i + 28);
    return inflateRawSync(buf.subarray(start), { finishFlush: 2 }).toString('utf8');
  }
  throw new Error('sheet not found');
}

describe('export → import', () => {
  it.each(['乡镇街道', '市政府'] as const)('keeps the body’s level (%s), which decides whether 规章 are plausible', async (level) => {
    const { report: back } = await roundTrip({ ...seed(), level }, false);
    expect(back.level).toBe(level);
  });

  it.each([false, true])('gives back every cell of the seed exactly (one sheet: %s)', async (oneSheet) => {
    const report = seed();
    const { report: back, record } = await roundTrip(report, oneSheet);
    expect(cellsOf(back)).toEqual(cellsOf(report));
    expect(record.counts).toMatchObject({ matched: CELLS.length, guessed: 0, notFound: 0, leftBlank: 0 });
    expect(back.agency).toBe('余杭区统计局');
    expect(back.year).toBe(2022);
  });

  it.each([false, true])(
    'gives back text, decimals and totals that do not add up; marks and blanks as 0, counted (one sheet: %s)',
    async (oneSheet) => {
      const report = awkward();
      const { report: back, record } = await roundTrip(report, oneSheet);
      expect(cellsOf(back)).toEqual(asImported(report));
      expect(record.counts.placeholders).toBe(Object.values(cellsOf(report)).filter(isBlankLike).length);
      expect(back.agency).toBe('某某县"数据"局');
    },
  );
});

describe('the exported workbook', () => {
  it('has the official layout: sheets, titles, merged headers, page setup', async () => {
    const bytes = await exportWorkbook(seed(), { findings: [], draft: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.proactive, SHEET_NAMES.requests, SHEET_NAMES.appeals, AUDIT_SHEET_NAME]);
    const requests = wb.getWorksheet(SHEET_NAMES.requests)!;
    expect(requests.getCell('A1').value).toBe('余杭区统计局2022年政府信息公开工作年度报告');
    expect(requests.getCell('A2').value).toBe('三、收到和处理政府信息公开申请情况');
    expect(requests.getCell('A3').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(requests.getCell('C3').master.address).toBe('A3');
    expect(requests.getCell('C5').master.address).toBe('A3');
    expect(requests.getCell('J5').master.address).toBe('J4');
    expect(requests.getCell('D6').value).toBe(10);
    // The table font of the Word file.
    expect(requests.getCell('D6').font.name).toBe(FONTS.table.name);
    // exceljs reads a half-point size back as a whole number.
    expect(Math.abs(requests.getCell('D6').font.size! - SIZES.table)).toBeLessThanOrEqual(0.5);
    expect(requests.getCell('D6').border.left?.style).toBe('thin');
    expect(requests.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const appeals = wb.getWorksheet(SHEET_NAMES.appeals)!;
    expect(appeals.pageSetup.orientation).toBe('landscape');
    expect(appeals.getCell('O3').master.address).toBe('F3');
    // A long label gets a row tall enough for its wrapped lines.
    expect(requests.getRow(26).height).toBeGreaterThan(requests.getRow(7).height);
  });

  it('writes totals as formulas with their results, and text that looks like a formula as text', async () => {
    const bytes = await exportWorkbook(awkward(), { findings: [], draft: false });
    const xml = sheetXml(bytes, 2);
    expect(xml).toMatch(/<c r="J6"[^>]*><f>SUM\(D6:I6\)<\/f><v>10<\/v><\/c>/);
    expect(xml).toMatch(/<c r="D29"[^>]*><f>SUM\(D8:D28\)<\/f><v>10<\/v><\/c>/);
    // denied_law no longer adds up (text parts, total 99): written as the author's figure, not a formula.
    expect(xml).toMatch(/<c r="J11"[^>]*><v>99<\/v><\/c>/);
    expect(xml).not.toMatch(/<f>=?1\+1<\/f>|<f>SUM\(A1\)<\/f>|<f>\+1件<\/f>/);
    expect(xml).toMatch(/<c r="F11"[^>]*t="s"/);
  });

  it('marks a draft 草稿 and lists findings with their 核实说明', async () => {
    const report = { ...awkward(), explanations: { 'note.other': '另有说明' } };
    const findings = validate(report);
    const bytes = await exportWorkbook(report, {
      findings,
      draft: true,
      explanations: { ...report.explanations, [findings[0]!.id]: '已核实：情况属实' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEET_NAMES.proactive)!.getCell('A1').value).toBe('某某县"数据"局2024年政府信息公开工作年度报告（草稿）');
    const audit = wb.getWorksheet(AUDIT_SHEET_NAME)!;
    expect(audit.getRow(3).values).toEqual([undefined, '序号', '类别', '问题', '涉及的表格项或文字', '核实说明']);
    expect(audit.getCell('C4').value).toBe(findings[0]!.message);
    expect(audit.getCell('E4').value).toBe('已核实：情况属实');
    expect(audit.getCell(`E${4 + findings.length}`).value).toBe('另有说明');
    // For a reader: no rule id or finding id anywhere on the sheet, only Chinese words and figures.
    const texts: string[] = [];
    audit.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    const ids = new Set([...findings.flatMap((f) => [f.rule, f.id]), 'note.other']);
    for (const text of texts) for (const id of ids) expect(text.includes(id), text).toBe(false);
    for (const text of texts) expect(text, text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
  });

  it('quotes the words a text finding is about', async () => {
    const report = seed();
    const wrong = { ...report, narratives: { ...report.narratives, overview: report.narratives.overview.replace('申请10例', '申请12例') } };
    const bytes = await exportWorkbook(wrong, { findings: validate(wrong), draft: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const audit = wb.getWorksheet(AUDIT_SHEET_NAME)!;
    expect(audit.getCell('D4').value).toBe('一、本年新收申请·总计、一、总体情况：「2022年,收到公民、法人或其他组织的信息公开申请12例」');
  });

  it('leaves the 审核情况 sheet out when asked', async () => {
    const bytes = await exportWorkbook(seed(), { findings: validate(seed()), draft: false, audit: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.proactive, SHEET_NAMES.requests, SHEET_NAMES.appeals]);
  });

  it('all three tables on one sheet', async () => {
    const bytes = await exportWorkbook(seed(), { findings: [], draft: false, oneSheet: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([ONE_SHEET_NAME, AUDIT_SHEET_NAME]);
  });
});

describe('LibreOffice', () => {
  it('recalculates the exported formulas to the same figures', async () => {
    const report = awkward();
    const path = join(work, 'recalc.xlsx');
    writeFileSync(path, await exportWorkbook(report, { findings: [], draft: false }));
    const out = join(work, 'lo');
    execFileSync(
      'libreoffice',
      ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'xlsx', '--outdir', out, path],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'recalc.xlsx'));
    const requests = wb.getWorksheet(SHEET_NAMES.requests)!;
    let formulas = 0;
    requests.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        formulas++;
        const before = cell.result;
        expect(typeof before).toBe('number');
      }),
    );
    expect(formulas).toBeGreaterThan(20);
    const back = await importWorkbook(join(out, 'recalc.xlsx'));
    if (!back.ok) throw new Error(back.error.message);
    expect(cellsOf(back.value.report)).toEqual(asImported(report));
  }, 180_000);
});

describe('a draft marks its findings on the table sheets', () => {
  /** Every cell of the table sheets with a note or a fill (a merged cell once, by its master): its fill colour and its note, by "sheet!A1". */
  function marked(wb: ExcelJS.Workbook): Map<string, { fill: string | undefined; note: string }> {
    const out = new Map<string, { fill: string | undefined; note: string }>();
    for (const t of TABLE_IDS)
      wb.getWorksheet(SHEET_NAMES[t])!.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.master !== cell) return;
          const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
          const note = typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((r) => r.text).join('');
          if (fill || note) out.set(`${SHEET_NAMES[t]}!${cell.address}`, { fill, note });
        }),
      );
    return out;
  }

  it('fills each cell a finding is about and notes the finding there, in Excel and as LibreOffice reads it back; a final workbook is unmarked', async () => {
    const report = awkward();
    const findings = validate(report);
    const explained = findings.find((f) => f.severity === 'error' && f.cells.length > 0)!;
    const bytes = await exportWorkbook(report, { findings, draft: true, explanations: { [explained.id]: '已核实：原表如此' } });
    const path = join(work, 'marked.xlsx');
    writeFileSync(path, bytes);
    const out = join(work, 'lo-marked');
    execFileSync(
      'libreoffice',
      ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'xlsx', '--outdir', out, path],
      { stdio: 'ignore', timeout: 120_000 },
    );
    // Where the cells stand that the editor's grid marks, and what each must say; a finding of blank cells marks none.
    const marking = findings.filter((f) => marksItsCells(f, { [explained.id]: '已核实：原表如此' }));
    expect(marking.length).toBeLessThan(findings.length);
    const expected = new Map<string, typeof findings>();
    for (const t of TABLE_IDS)
      for (const [key, address] of cellAddresses(LAYOUTS[t], TABLE_TOP)) {
        const about = marking.filter((f) => f.cells.includes(key));
        if (about.length > 0) expected.set(`${SHEET_NAMES[t]}!${address}`, about);
      }
    expect(expected.size).toBeGreaterThan(3);
    expect([...expected.values()].some((list) => list.some((f) => f.severity === 'error'))).toBe(true);

    for (const file of [path, join(out, 'marked.xlsx')]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const marks = marked(wb);
      expect([...marks.keys()].sort(), file).toEqual([...expected.keys()].sort());
      for (const [at, about] of expected) {
        const mark = marks.get(at)!;
        for (const f of about) expect(mark.note, at).toContain(`${SEVERITY_LABEL[f.severity]}：${f.message}`);
        const worst = about.some((f) => f.severity === 'error')
          ? 'FFFFC7CE'
          : about.some((f) => f.severity === 'warning')
            ? 'FFFFEB9C'
            : undefined;
        expect(mark.fill, at).toBe(worst);
        if (about.includes(explained)) expect(mark.note).toContain('核实说明：已核实：原表如此');
      }
      expect(wb.getWorksheet(AUDIT_SHEET_NAME)!.getCell('C2').value).toBe(MARKS_LEGEND);
    }
    // The marks change no figure: the draft reads back as the report.
    const back = await importWorkbook(join(out, 'marked.xlsx'));
    if (!back.ok) throw new Error(back.error.message);
    expect(cellsOf(back.value.report)).toEqual(asImported(report));

    const final = new ExcelJS.Workbook();
    await final.xlsx.load(Buffer.from(await exportWorkbook(report, { findings, draft: false })) as unknown as ArrayBuffer);
    expect(marked(final).size).toBe(0);
  }, 180_000);

  it('marks the tables on one sheet too', async () => {
    const report = awkward();
    const findings = validate(report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exportWorkbook(report, { findings, draft: true, oneSheet: true })) as unknown as ArrayBuffer);
    const notes: string[] = [];
    wb.getWorksheet(ONE_SHEET_NAME)!.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (cell) => cell.note && notes.push(cell.address)),
    );
    const cells = new Set(findings.filter((f) => marksItsCells(f, report.explanations)).flatMap((f) => f.cells));
    expect(notes.length).toBe(cells.size);
  });
});

describe('the command line', () => {
  it('exports xlsx and inspects it back', async () => {
    const out = join(work, 'cli.xlsx');
    const err: string[] = [];
    expect(await main(['export', SEED, '--to', 'xlsx', '--out', out, '--draft'], { out: () => undefined, err: (l) => err.push(l) })).toBe(
      0,
    );
    const lines: string[] = [];
    expect(await main(['inspect', out, '--agency', '余杭区统计局'], { out: (l) => lines.push(l), err: () => undefined })).toBe(0);
    const report = JSON.parse(lines.join('\n')) as Report;
    expect(cellsOf(report)).toEqual(cellsOf(seed()));
  });

  it('inspects a hand-made workbook with the body and year given', async () => {
    const lines: string[] = [];
    const notes: string[] = [];
    const file = join(__dirname, '../fixtures/xlsx/one-sheet-messy.xlsx');
    expect(
      await main(['inspect', file, '--agency', '某某镇人民政府', '--year', '2023'], {
        out: (l) => lines.push(l),
        err: (l) => notes.push(l),
      }),
    ).toBe(0);
    const report = JSON.parse(lines.join('\n')) as Report;
    expect(report.agency).toBe('某某镇人民政府');
    expect(report.year).toBe(2023);
    expect(notes.join('\n')).toContain('按相近的标题推断');
  });
});
