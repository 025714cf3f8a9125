// Opens everything the handlers need, in one place for the desktop app,
// `nianbao serve` and the tests alike.
import { ok, type Result } from '../shared/api/result';
import type { Platform, Services } from './handlers';
import { defaultDatabasePath, openLibrary } from './services/library';
import { version } from '../../package.json';

export interface OpenOptions {
  databasePath?: string;
  shell: 'desktop' | 'browser';
  /** The Electron build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** The desktop shell's dialogs and printer. */
  platform?: Platform;
}

export type OpenedServices = Services & {
  /** Waits for a backup under way, then closes the library. */
  close(): Promise<void>;
};

/** How often the app looks whether today's backup is due (it is taken at most daily). */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export async function openServices(options: OpenOptions): Promise<Result<OpenedServices>> {
  const databasePath = options.databasePath ?? defaultDatabasePath();
  const opened = openLibrary(databasePath, { nativeBinding: options.nativeBinding });
  if (!opened.ok) return opened;
  const { library, recovery } = opened.value;
  let backup = library.openingBackup;
  const timer = setInterval(() => {
    backup = backup.then(() => library.maybeBackup());
  }, BACKUP_CHECK_MS);
  timer.unref();
  return ok({
    library,
    info: { version, databasePath, recovery: recovery ?? null, shell: options.shell },
    platform: options.platform,
    close: async () => {
      clearInterval(timer);
      await backup;
      library.close();
    },
  });
}
