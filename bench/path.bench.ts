// The clerk's day, counted whole: from an empty library, with last year's
// published report (a real body's WPS-written PDF), this year's workbook and
// this year's Word draft, to the final Word file saved — in Chromium over the
// real server and a real SQLite file, the three ways a clerk starts: the files
// dropped on the library page together, chosen at once in the dialog, or
// last year's report already in the library and this year's two files
// dropped. Prints every click, file pick, paste and shortcut each takes (goal
// ≤ 6; typing is not counted) and how long the app took. Needs `npm run build`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../src/main/services/documents/chromium-args';
import { createHandlers } from '../src/main/handlers';
import { openServices } from '../src/main/open-services';
import { RENDERER_DIR } from '../src/main/serve/command';
import { startServer } from '../src/main/serve/server';
import { actionCounter } from '../tests/fixtures/path-files';
import { hongze2024, HONGZE_2024_PDF, HONGZE_2025_DRAFT, hongzeWorkbook2025 } from '../tests/fixtures/start-files';

type Act = ReturnType<typeof actionCounter>['act'];
interface Files {
  lastYear: string;
  workbook: string;
  draft: string;
}

async function drop(page: Page, paths: readonly string[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const { name, data } of list) dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      return dt;
    },
    paths.map((p) => ({ name: basename(p), data: readFileSync(p).toString('base64') })),
  );
  await page.locator('.library-page').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.library-page').dispatchEvent('drop', { dataTransfer: transfer });
}

const STARTS: Record<string, { inLibrary: boolean; start: (page: Page, act: Act, files: Files) => Promise<void> }> = {
  'three files dropped on the library page': {
    inLibrary: false,
    start: (page, act, files) => act(() => drop(page, [files.draft, files.workbook, files.lastYear])),
  },
  'three files chosen at once in the dialog': {
    inLibrary: false,
    start: async (page, act, files) => {
      await act(() => page.getByRole('button', { name: '开始今年的报告' }).click());
      const chooser = page.waitForEvent('filechooser');
      await act(() => page.getByRole('dialog', { name: '开始今年的报告' }).getByRole('button', { name: '一次选择几个文件' }).click());
      await act(async () => (await chooser).setFiles([files.lastYear, files.workbook, files.draft]));
    },
  },
  'last year’s report in the library, this year’s two files dropped': {
    inLibrary: true,
    start: (page, act, files) => act(() => drop(page, [files.workbook, files.draft])),
  },
};

async function walk(name: string, how: (typeof STARTS)[string], rendererDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-path-'));
  const opened = await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  const services = opened.value;
  const files: Files = {
    lastYear: HONGZE_2024_PDF,
    workbook: await hongzeWorkbook2025(join(dir, '2025年统计表.xlsx')),
    draft: HONGZE_2025_DRAFT,
  };
  if (how.inLibrary) services.library.add(hongze2024(), 'pdf');
  const server = await startServer({ handlers: createHandlers(services), rendererDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(server.url);
    const steps = actionCounter();
    const t0 = performance.now();
    await how.start(page, steps.act, files);
    const dialog = page.getByRole('dialog', { name: '开始今年的报告' });
    const create = dialog.getByRole('button', { name: /^创建 2025 年报告.*正文$/ });
    await create.waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-label="读取进度"]'), null, { timeout: 120_000 });
    const untilPreview = performance.now() - t0;
    await steps.act(() => create.click());
    await page.locator('.report-title').getByText('2025年').waitFor();
    const download = page.waitForEvent('download');
    await steps.act(() => page.getByRole('button', { name: '定稿并导出' }).click());
    await download;
    await page.locator('.finalize .status').getByText('定稿').waitFor();
    const total = performance.now() - t0;
    console.log(
      `${name}: ${steps.count} user actions to the final Word file (goal ≤ 6) ${steps.count <= 6 ? 'ok' : 'OVER GOAL'}; files read and previewed in ${untilPreview.toFixed(0)} ms, final file in ${total.toFixed(0)} ms`,
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
