// Reads an office's own workbook: the bytes are checked, the sheets that hold
// the report become grids (workbook.ts), and the format-neutral table finder
// does the rest.
import { basename } from 'node:path';
import { ok, type Result } from '../../../shared/api/result';
import type { Level } from '../../../shared/template/gov2021';
import { readFileChecked } from '../fs/files';
import { readTables, type Imported } from '../tables';
import { checkWorkbookBytes, LIMITS, tooLargeMessage } from './guard';
import { workbookGrids } from './workbook';

export interface ImportOptions {
  /** The name shown in messages; defaults to the path's file name. */
  fileName?: string;
  /** Used where the workbook has no title row naming them; given, they win over it. */
  agency?: string;
  year?: number;
  level?: Level;
}

export type { Imported } from '../tables';

async function readInput(input: Buffer | Uint8Array | string, name: string): Promise<Result<Buffer>> {
  if (typeof input !== 'string') return ok(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  // The size and kind are checked before a byte is read: an enormous file or a pipe is refused at once.
  return readFileChecked(input, { maxBytes: LIMITS.fileBytes, tooLarge: (_, bytes) => tooLargeMessage(name, bytes) });
}

/** Reads a workbook (its bytes or its path) into a report and the record of how. */
export async function importWorkbook(input: Buffer | Uint8Array | string, options: ImportOptions = {}): Promise<Result<Imported>> {
  const name = options.fileName ?? (typeof input === 'string' ? basename(input) : '工作簿');
  const bytes = await readInput(input, name);
  if (!bytes.ok) return bytes;
  const checked = checkWorkbookBytes(bytes.value, name);
  if (!checked.ok) return checked;
  const grids = await workbookGrids(bytes.value, name);
  if (!grids.ok) return grids;
  return readTables(grids.value, { ...options, fileName: name });
}
