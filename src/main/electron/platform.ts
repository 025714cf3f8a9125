// What only the desktop shell can do for the handlers: the native save
// dialog, showing a file in Explorer, and printing PDF with Chromium's own
// printToPDF on a hidden window (the same HTML the browser mode prints).
import { BrowserWindow, dialog, shell } from 'electron';
import { ok, fail } from '../../shared/api/result';
import type { Platform, SavedFileType } from '../handlers';
import { readLastFolder, rememberFolderOf, startingSavePath } from './save-folder';

/** The save dialog's filter for a file type (from the one table of formats). */
function filterOf(type: SavedFileType): { name: string; extensions: string[] } {
  return { name: type.label, extensions: type.extensions.map((e) => e.slice(1)) };
}

/**
 * `stateDir` keeps the last folder saved into; `documents` is where the first
 * dialog opens (文档), never the program's working directory.
 */
export function desktopPlatform(getWindow: () => BrowserWindow | undefined, stateDir: string, documents: string): Platform {
  return {
    async chooseSavePath(suggestedName, type) {
      const win = getWindow();
      const defaultPath = startingSavePath(suggestedName, readLastFolder(stateDir), documents);
      const options = { title: '导出', defaultPath, filters: [filterOf(type)] };
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      rememberFolderOf(stateDir, chosen.filePath);
      return chosen.filePath;
    },
    reveal: (path) => shell.showItemInFolder(path),
    async pdfPrinter(html) {
      const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        // Tagged, with an outline from the headings, as the CLI's Chromium prints it.
        const pdf = await printer.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
        return ok(new Uint8Array(pdf));
      } catch (err) {
        return fail('pdf_failed', `生成 PDF 失败（${(err as Error).message}）：请重试，或先导出 Word 文档再另存为 PDF`);
      } finally {
        printer.destroy();
      }
    },
  };
}
