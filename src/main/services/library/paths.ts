// Where the desktop app keeps its library, so the CLI's `--db` default and the
// app open the very same file. Mirrors Electron's `app.getPath('userData')`
// for productName 年报编制助手 without importing Electron.
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

export const PRODUCT_NAME = '年报编制助手';
export const DATABASE_FILE = 'library.db';

/** The library in a data folder the shell chose (Electron's userData, a portable folder). */
export function databaseIn(folder: string): string {
  return resolve(folder, DATABASE_FILE);
}

/**
 * `NIANBAO_DATA_DIR` (set by the portable build to a folder beside the
 * executable) wins; otherwise the per-user application data folder.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.NIANBAO_DATA_DIR?.trim();
  if (override) return databaseIn(override);
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME, DATABASE_FILE);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME, DATABASE_FILE);
  const config = env.XDG_CONFIG_HOME || posix.join(home, '.config');
  return posix.join(config, PRODUCT_NAME, DATABASE_FILE);
}
