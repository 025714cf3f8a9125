// Opens everything the handlers need, in one place for the desktop app,
// `nianbao serve` and the tests alike.
import { ok, type Result } from '../shared/api/result';
import type { Platform, Services } from './handlers';
import { defaultDatabasePath, openLibrary, type Holder } from './services/library';
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
  /** Adds to what a second program is told about this one holding the library (the port it serves on). */
  noteHolder(update: Partial<Holder>): void;
};

/** How a second program names this one, when it finds the library held. */
const HOLDER_NAMES: Record<OpenOptions['shell'], string> = { desktop: '年报编制助手（桌面程序）', browser: 'nianbao serve' };

export async function openServices(options: OpenOptions): Promise<Result<OpenedServices>> {
  const databasePath = options.databasePath ?? defaultDatabasePath();
  // A start of the app is worth a backup; the day's backup comes with the day's first change.
  // Held for as long as the app or the server runs: a second one opens the library read-only and says who has it.
  const opened = openLibrary(databasePath, {
    nativeBinding: options.nativeBinding,
    backupAtStart: true,
    holder: { program: HOLDER_NAMES[options.shell] },
  });
  if (!opened.ok) return opened;
  const { library, recovery, readOnly, lock } = opened.value;
  return ok({
    library,
    info: { version, databasePath, recovery: recovery ?? null, readOnly: readOnly ?? null, shell: options.shell },
    platform: options.platform,
    close: async () => {
      await library.backupsDone();
      library.close();
    },
    noteHolder: (update) => lock?.note(update),
  });
}
