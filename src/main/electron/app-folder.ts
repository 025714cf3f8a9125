// Which file:// URLs the app may load: only files inside its own folder (the
// built renderer), never a document or a page elsewhere on the disk. Plain
// Node, so the rule is tested without Electron, for each system's paths.
import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

export function isInsideFolder(url: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  const windows = platform === 'win32';
  const paths = windows ? win32 : posix;
  let path: string;
  try {
    const parsed = new URL(url);
    // file://server/share is a network path: never the app's own folder.
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    path = fileURLToPath(parsed, { windows });
  } catch {
    return false;
  }
  // Windows paths compare without regard to case, as its file systems do.
  const fold = (p: string) => (windows ? p.toLowerCase() : p);
  const rel = paths.relative(fold(paths.resolve(folder)), fold(paths.resolve(path)));
  return rel !== '' && !paths.isAbsolute(rel) && rel.split(paths.sep)[0] !== '..';
}
