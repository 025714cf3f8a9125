// Reading the documents offices already have. Goals: a Word file and a web
// page each read (source + table finder + text) in ≤ 300 ms in Node; the
// 6-page report PDF read in ≤ 1.3 × the time pdfjs alone takes to extract
// its text (getTextContent of every page), both measured in this run, turn
// about. The same ratio is printed for a report WPS published (the shared
// sample, where it is found) and for the report as LibreOffice writes it
// (embedded TrueType fonts, tables bordered cell by cell, as WPS and Word do).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportBytes } from '../src/main/formats/registry';
import { renderReportDocx } from '../src/main/services/documents/docx-writer';
import { chromiumPrinter } from '../src/main/services/documents/pdf-writer';
import { renderReportHtml } from '../src/shared/document/report-html';
import { readReportJson } from '../src/shared/model/report-json';
import { median } from './timing';

/** pdfjs' own text extraction, nothing else: the anchor of the PDF goal. */
async function bareText(bytes: Buffer): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
}

/** Milliseconds of CPU this process has spent (pdfjs works on the process's own thread in Node). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Medians of two steps timed turn about, so that both see the machine alike:
 * wall-clock and CPU time of each. On a machine shared with other work the
 * CPU times are the steadier comparison of the two.
 */
async function pair(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ wall: [number, number]; cpu: [number, number] }> {
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, step] of [a, b].entries()) {
      const [started, spent] = [performance.now(), cpuMs()];
      await step();
      wall[k as 0 | 1].push(performance.now() - started);
      cpu[k as 0 | 1].push(cpuMs() - spent);
    }
  }
  const mid = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  return { wall: [mid(wall[0]), mid(wall[1])], cpu: [mid(cpu[0]), mid(cpu[1])] };
}

/** The report through LibreOffice (docx → PDF), or undefined where it is not installed. */
function libreOfficePdf(docx: Buffer): Buffer | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-lo-'));
  try {
    writeFileSync(join(dir, 'report.docx'), docx);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    return readFileSync(join(dir, 'report.pdf'));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

export async function run(): Promise<void> {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '../tests/fixtures/seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  const report = read.value;
  const html = renderReportHtml(report, { draft: false });
  const docx = await renderReportDocx(report, { draft: false });
  const files: [string, string, Buffer][] = [
    ['Word (.docx)', 'report.docx', docx],
    ['web page (.html)', 'report.html', Buffer.from(html)],
  ];
  for (const [label, name, bytes] of files) {
    const once = async () => {
      const r = await readReportBytes(name, bytes);
      if (!r.ok) throw new Error(r.error.message);
    };
    await once();
    const ms = await median(9, once);
    console.log(`read ${label.padEnd(24)} ${(bytes.length / 1024).toFixed(0)} KB: ${ms.toFixed(1)} ms   goal ≤ 300 ms`);
  }

  const pdfs: [string, Buffer | undefined, boolean][] = [];
  const printed = await chromiumPrinter()(html);
  if (printed.ok) pdfs.push(['PDF (Chromium)', Buffer.from(printed.value), true]);
  else console.log(`PDF (Chromium): not printed here (${printed.error.message})`);
  const sample = [join(__dirname, '../../shared/samples/hongze-2024.pdf'), '/work/shared/samples/hongze-2024.pdf'].find(existsSync);
  if (sample) pdfs.push(['PDF (WPS, sample)', readFileSync(sample), true]);
  pdfs.push(['PDF (LibreOffice)', libreOfficePdf(docx), false]);
  for (const [label, pdf, goal] of pdfs) {
    if (!pdf) {
      console.log(`${label}: LibreOffice is not installed here`);
      continue;
    }
    const ours = async () => {
      const r = await readReportBytes('report.pdf', pdf);
      if (!r.ok) throw new Error(r.error.message);
    };
    await ours(); // warm up (pdfjs loads on first use)
    await bareText(pdf);
    const { wall, cpu } = await pair(9, ours, () => bareText(pdf));
    const head = `read ${label.padEnd(18)} ${pages(pdf)} pages, ${(pdf.length / 1024).toFixed(0)} KB:`;
    const ratio = (t: [number, number]) => (t[0] / t[1]).toFixed(2);
    console.log(
      `${head} ${wall[0].toFixed(1)} ms (CPU ${cpu[0].toFixed(1)}); pdfjs text alone ${wall[1].toFixed(1)} ms (CPU ${cpu[1].toFixed(1)}); ratio ${ratio(wall)} (CPU ${ratio(cpu)})${goal ? '   goal ≤ 1.3' : ''}`,
    );
  }
}
