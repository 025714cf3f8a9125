// Where the save dialog opens: the folder the clerk last saved into, while it
// still exists (a USB stick pulled out, a folder deleted), otherwise 文档.
// Remembered between runs in a small file beside the window's placement.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STATE_FILE = 'last-folder.json';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The dialog's starting path: the suggested name in the last folder used, or in 文档. */
export function startingSavePath(
  suggestedName: string,
  lastFolder: string | undefined,
  documents: string,
  folderExists = isFolder,
): string {
  const folder = lastFolder && folderExists(lastFolder) ? lastFolder : documents;
  return join(folder, suggestedName);
}

export function readLastFolder(stateDir: string): string | undefined {
  const file = join(stateDir, STATE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const folder = typeof value === 'object' && value !== null ? (value as { folder?: unknown }).folder : undefined;
    return typeof folder === 'string' && folder !== '' ? folder : undefined;
  } catch {
    return undefined; // a damaged file: start in 文档
  }
}

/** Records the folder of a path the clerk chose; failing to is not worth a message. */
export function rememberFolderOf(stateDir: string, chosenPath: string): void {
  try {
    writeFileSync(join(stateDir, STATE_FILE), JSON.stringify({ folder: dirname(chosenPath) }));
  } catch {
    // The next dialog opens in 文档 instead.
  }
}
