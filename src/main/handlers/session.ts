// What the handlers of one session share: the services they were opened with,
// the files this session exported (the only ones it will show in their
// folder), and the one way a file reaches the user — the save dialog on the
// desktop, a download in the browser.
import type { z } from 'zod';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppInfo, Channel, ExportOutcome, inputs, OpenedReport, Output, ReportSummary } from '../../shared/api/contract';
import { ok, type Result } from '../../shared/api/result';
import type { PdfPrinter } from '../services/documents';
import { writeFileAtomic } from '../services/fs/files';
import type { ReportLibrary, StoredReport } from '../services/library';

/** What only the desktop shell can do; absent under `nianbao serve`, where the browser downloads instead. */
export interface Platform {
  /** Shows the native save dialog for a file type; null when the user cancels. */
  chooseSavePath(suggestedName: string, type: SavedFileType): Promise<string | null>;
  /** Shows the file in its folder (Explorer). */
  reveal(path: string): void;
  /** Prints HTML to PDF with Electron's printToPDF. */
  pdfPrinter: PdfPrinter;
}

/** A file type as the table of formats gives it: what the save dialog filters by, what the browser is told it downloads. */
export interface SavedFileType {
  label: string;
  extensions: readonly string[];
  mime: string;
}

export interface Services {
  library: ReportLibrary;
  info: AppInfo;
  platform?: Platform;
}

/** The handlers of some channels, each given its payload as the contract's schema parsed it. */
export type HandlersOf<C extends Channel> = {
  [K in C]: (input: z.output<(typeof inputs)[K]>) => Result<Output<K>> | Promise<Result<Output<K>>>;
};

/** A file made for the user, before it is saved or downloaded. */
export interface MadeFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Writes a file at a path it is given (the one the user chose, or a private temporary one). */
export type WriteTo = (path: string) => Promise<Result<unknown>>;

export interface Session {
  services: Services;
  library: ReportLibrary;
  /** Files this session exported: the only ones it will show in their folder (a path from the page is not trusted). */
  exported: Set<string>;
  /** A report as the editor opens it: its summary, the report and last year's beside it. */
  opened: (stored: Result<StoredReport>) => Result<OpenedReport>;
  /** A file written by `write`: where the user chooses (desktop) or handed to the browser to download. */
  saveAs: (fileName: string, type: SavedFileType, write: WriteTo) => Promise<Result<ExportOutcome>>;
  /** A file made in memory, saved or downloaded the same way. */
  deliver: (made: Result<MadeFile>, type: SavedFileType) => Promise<Result<ExportOutcome>>;
}

export function summaryOf({ report: _report, ...summary }: StoredReport): ReportSummary {
  return summary;
}

export function openSession(services: Services): Session {
  const { library } = services;
  const exported = new Set<string>();

  function opened(stored: Result<StoredReport>): Result<OpenedReport> {
    if (!stored.ok) return stored;
    const previous = library.previousOf(stored.value.id);
    if (!previous.ok) return previous;
    return ok({ summary: summaryOf(stored.value), report: stored.value.report, previous: previous.value?.report ?? null });
  }

  async function saveAs(fileName: string, type: SavedFileType, write: WriteTo): Promise<Result<ExportOutcome>> {
    const platform = services.platform;
    if (platform) {
      const path = await platform.chooseSavePath(fileName, type);
      if (!path) return ok({ kind: 'cancelled' });
      const written = await write(path);
      if (!written.ok) return written;
      exported.add(resolve(path));
      return ok({ kind: 'saved', path });
    }
    // Browser mode: write to a private temp folder, hand the bytes to the browser to download.
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-export-'));
    try {
      const path = join(dir, `file${type.extensions[0]}`);
      const written = await write(path);
      if (!written.ok) return written;
      return ok({ kind: 'download', fileName, mime: type.mime, data: (await readFile(path)).toString('base64') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async function deliver(made: Result<MadeFile>, type: SavedFileType): Promise<Result<ExportOutcome>> {
    if (!made.ok) return made;
    const { fileName, bytes } = made.value;
    // Made in memory already: the browser is handed the bytes without a trip through the disk.
    if (!services.platform) return ok({ kind: 'download', fileName, mime: type.mime, data: Buffer.from(bytes).toString('base64') });
    return saveAs(fileName, type, (path) => writeFileAtomic(path, bytes));
  }

  return { services, library, exported, opened, saveAs, deliver };
}
