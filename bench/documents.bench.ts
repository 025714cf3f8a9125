// Speed of document export. Goals: a .docx in ≤ 300 ms (built and zipped in
// memory), a PDF in ≤ 2 s (browser start, layout, print). The machine is
// shared, so the best run is printed beside the median; the load average says
// how busy the machine was.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/shared/model/report';
import { renderReportHtml } from '../src/shared/document/report-html';
import { chromiumPrinter, findBrowser, renderReportDocx } from '../src/main/services/documents';
import { timing } from './timing';

const GOALS_MS = { docx: 300, html: 10, pdf: 2000 };

function seed(): Report {
  return JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')) as Report;
}

function line(name: string, t: { median: number; best: number }, goal: number): void {
  const verdict = t.median <= goal ? 'meets goal' : 'MISSES goal';
  console.log(`${name.padEnd(6)} median ${t.median.toFixed(1)} ms, best ${t.best.toFixed(1)} ms  (goal ≤ ${goal} ms: ${verdict})`);
}

export async function run(): Promise<void> {
  const report = seed();
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  line('docx', await timing(15, () => renderReportDocx(report, { draft: false })), GOALS_MS.docx);
  line('html', await timing(50, async () => renderReportHtml(report, { draft: false })), GOALS_MS.html);
  if (!findBrowser()) {
    console.log('pdf    skipped: no Chromium, Chrome or Edge found');
    return;
  }
  const printer = chromiumPrinter();
  const html = renderReportHtml(report, { draft: false });
  line(
    'pdf',
    await timing(5, async () => {
      const printed = await printer(html);
      if (!printed.ok) throw new Error(printed.error.message);
    }),
    GOALS_MS.pdf,
  );
}
