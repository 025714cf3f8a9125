// Which file:// URLs are the app's own: the page that may call IPC and the
// files it may load (only inside its own folder, never a document or a page
// elsewhere on the disk). URLs are compared as the paths they decode to, as
// the system compares them — a `%`, a space or 中文 in the install folder,
// or a drive letter in another case, must not refuse the app its own page.
// Plain Node, so the rules are tested without Electron, for each system's paths.
import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

interface LocalPath {
  path: string;
  paths: typeof posix;
  /** Windows paths compare without regard to case, as its file systems do. */
  fold: (p: string) => string;
}

/** The local path a file:// URL names, or null (another scheme, a network share, a malformed URL). */
function localPathOf(url: string | undefined, platform: NodeJS.Platform): LocalPath | null {
  if (!url) return null;
  const windows = platform === 'win32';
  try {
    const parsed = new URL(url);
    // file://server/share is a network path: never the app's own folder.
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return null;
    const paths = windows ? win32 : posix;
    return { path: paths.resolve(fileURLToPath(parsed, { windows })), paths, fold: (p) => (windows ? p.toLowerCase() : p) };
  } catch {
    return null;
  }
}

export function isInsideFolder(url: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  const local = localPathOf(url, platform);
  if (!local) return false;
  const { paths, fold } = local;
  const rel = paths.relative(fold(paths.resolve(folder)), fold(local.path));
  return rel !== '' && !paths.isAbsolute(rel) && rel.split(paths.sep)[0] !== '..';
}

/** Whether the URL is the app's page itself (its query and fragment aside): the only sender IPC answers. */
export function isAppPage(url: string | undefined, pageFile: string, platform: NodeJS.Platform = process.platform): boolean {
  const local = localPathOf(url, platform);
  if (!local) return false;
  const { paths, fold } = local;
  return fold(local.path) === fold(paths.resolve(pageFile));
}
