// PDF from the very HTML the website gets: a browser prints it. The printer is
// injected — the desktop app passes one built on Electron's
// webContents.printToPDF, the CLI and the tests use chromiumPrinter() — so what
// the tests check is the same page the app prints.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { fail, ok, type Result } from '../../../shared/api/result';
import { writeFileAtomic } from '../fs/files';
import { CHROMIUM_ARGS } from './chromium-args';

/**
 * Prints a self-contained HTML page to PDF bytes, honouring its CSS @page rules,
 * as a tagged PDF (structure for screen readers and text extraction).
 */
export type PdfPrinter = (html: string) => Promise<Result<Uint8Array>>;

/** What the PDF's document information says: its title, its author (the body) and subject. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
}

/** Writes title, author and subject into the printed PDF (browsers set only the title, from <title>). */
export async function withMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setCreator('年报编制助手');
  doc.setLanguage('zh-CN');
  // Object streams off: the tagged structure Chromium wrote stays as it was.
  return doc.save({ useObjectStreams: false });
}

export async function htmlToPdf(html: string, outPath: string, printer: PdfPrinter, meta?: PdfMetadata): Promise<Result<void>> {
  const printed = await printer(html);
  if (!printed.ok) return printed;
  let bytes = printed.value;
  if (meta) {
    try {
      bytes = await withMetadata(bytes, meta);
    } catch (err) {
      return fail('print_failed', `无法导出 PDF：写入文档信息失败（${(err as Error).message.split('\n')[0]}），请重试或先导出 Word 文档`);
    }
  }
  return writeFileAtomic(outPath, bytes);
}

/** Where Chromium-family browsers live on Linux, Windows and macOS, in the order we prefer them. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
  ];
}

export const NO_BROWSER_MESSAGE =
  '无法导出 PDF：本机未找到 Microsoft Edge 或 Google Chrome 浏览器。请安装其中之一后重试，或先导出 Word 文档，再用 Word / WPS 另存为 PDF';

export function findBrowser(candidates: readonly string[] = browserCandidates()): string | undefined {
  return candidates.find((path) => existsSync(path));
}

/**
 * A printer that drives an installed Chromium, Chrome or Edge through
 * playwright-core. The page is offline: any request it makes is refused.
 */
export function chromiumPrinter(options: { executablePath?: string } = {}): PdfPrinter {
  return async (html) => {
    const executablePath = options.executablePath ?? findBrowser();
    if (!executablePath || !existsSync(executablePath)) return fail('no_browser', NO_BROWSER_MESSAGE);
    const { chromium } = await import('playwright-core');
    let browser;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    } catch (err) {
      return fail(
        'browser_failed',
        `无法导出 PDF：浏览器 ${executablePath} 启动失败（${(err as Error).message.split('\n')[0]}）。请关闭所有浏览器窗口后重试，或先导出 Word 文档`,
      );
    }
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return ok(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
    } catch (err) {
      return fail('print_failed', `无法导出 PDF：浏览器打印失败（${(err as Error).message.split('\n')[0]}），请重试或先导出 Word 文档`);
    } finally {
      await browser.close();
    }
  };
}
