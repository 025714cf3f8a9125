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

export async function openServices(options: OpenOptions): Promise<Result<OpenedServices>> {
  const databasePath = options.databasePath ?? defaultDatabasePath();
  // A start of the app is worth a backup; the day's backup comes with the day's first change.
  const opened = openLibrary(databasePath, { nativeBinding: options.nativeBinding, backupAtStart: true });
  if (!opened.ok) return opened;
  const { library, recovery, readOnly } = opened.value;
  return ok({
    library,
    info: { version, databasePath, recovery: recovery ?? null, readOnly: readOnly ?? null, shell: options.shell },
    platform: options.platform,
    close: async () => {
      await library.openingBackup;
      library.close();
    },
  });
}
