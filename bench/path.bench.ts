// The path the day before the deadline, counted: from last year's report and
// this year's workbook to the final document, in Chromium over the real server
// and a real SQLite file, three ways a clerk starts — both files chosen at
// once, both dropped on the library page, last year's report already in the
// library. Prints the user actions each takes besides writing the text (goal
// ≤ 6) and how long the app took. Needs `npm run build` first.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createHandlers } from '../src/main/handlers';
import { openServices } from '../src/main/open-services';
import { RENDERER_DIR } from '../src/main/serve/command';
import { startServer } from '../src/main/serve/server';
import { readReportJson } from '../src/shared/model/schema';
import { actionCounter, lastYearJson, thisYearWorkbook, writeText } from '../tests/fixtures/path-files';

type Start = (page: Page, act: ReturnType<typeof actionCounter>['act'], files: { lastYear: string; workbook: string }) => Promise<void>;

const STARTS: Record<string, { inLibrary: boolean; start: Start }> = {
  'both files chosen at once': {
    inLibrary: false,
    start: async (page, act, files) => {
      await act(() => page.getByRole('button', { name: '开始今年的报告' }).click());
      const chooser = page.waitForEvent('filechooser');
      await act(() => page.getByRole('dialog', { name: '开始今年的报告' }).getByRole('button', { name: '一次选择两个文件' }).click());
      await act(async () => (await chooser).setFiles([files.lastYear, files.workbook]));
    },
  },
  'both files dropped on the library page': {
    inLibrary: false,
    start: async (page, act, files) => {
      const transfer = await page.evaluateHandle(
        (list) => {
          const dt = new DataTransfer();
          for (const { name, data } of list) dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
          return dt;
        },
        [files.lastYear, files.workbook].map((f) => ({ name: f.split('/').pop()!, data: readFileSync(f).toString('base64') })),
      );
      await act(async () => {
        await page.locator('.library-page').dispatchEvent('dragover', { dataTransfer: transfer });
        await page.locator('.library-page').dispatchEvent('drop', { dataTransfer: transfer });
      });
    },
  },
  'last year’s report already in the library': {
    inLibrary: true,
    start: async (page, act, files) => {
      await act(() => page.getByRole('button', { name: '开始今年的报告' }).click());
      const chooser = page.waitForEvent('filechooser');
      await act(() => page.getByRole('dialog', { name: '开始今年的报告' }).getByRole('button', { name: '选择今年的统计表…' }).click());
      await act(async () => (await chooser).setFiles(files.workbook));
    },
  },
};

async function walk(name: string, how: (typeof STARTS)[string], rendererDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-path-'));
  const opened = await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  const services = opened.value;
  const files = { lastYear: join(dir, '2023年报告.json'), workbook: join(dir, '2024年统计表.xlsx') };
  writeFileSync(files.lastYear, lastYearJson());
  await thisYearWorkbook(files.workbook);
  if (how.inLibrary) {
    const read = readReportJson(JSON.parse(lastYearJson()));
    if (!read.ok) throw new Error(read.error);
    services.library.add(read.value);
  }
  const server = await startServer({ handlers: createHandlers(services), rendererDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(server.url);
    const steps = actionCounter();
    const t0 = performance.now();
    await how.start(page, steps.act, files);
    const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
    await steps.act(() => dialog.getByRole('button', { name: /^创建 2024 年报告/ }).click());
    await page.locator('.report-title').getByText('2024年').waitFor();
    const untilReport = performance.now() - t0;
    await writeText(page);
    await page.locator('.save-state').getByText('已保存').waitFor();
    await steps.act(() => page.getByRole('button', { name: '导出…' }).click());
    const download = page.waitForEvent('download');
    await steps.act(() => page.getByRole('dialog', { name: '导出报告' }).getByRole('button', { name: '定稿并导出' }).click());
    await download;
    await page.locator('.finalize .status').getByText('定稿').waitFor();
    console.log(
      `${name}: ${steps.count} user actions besides the text (goal ≤ 6) ${steps.count <= 6 ? 'ok' : 'OVER GOAL'}; files to an open report in ${untilReport.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rendererDir = process.env.BENCH_RENDERER_DIR ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'assets'))) throw new Error('out/renderer is missing: run `npm run build` first');
  for (const [name, how] of Object.entries(STARTS)) await walk(name, how, rendererDir);
}
