// Which file:// URLs the app may load: only files inside its own folder (the
// built renderer), never a document or a page elsewhere on the disk. Plain
// Node, so the rule is tested without Electron.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export function isInsideFolder(url: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  let path: string;
  try {
    const parsed = new URL(url);
    // file://server/share is a network path: never the app's own folder.
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  // Windows paths compare without regard to case, as the file system does.
  const fold = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const rel = relative(fold(resolve(folder)), fold(resolve(path)));
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}
