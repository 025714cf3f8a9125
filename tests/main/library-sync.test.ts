// When a save reaches the disk. A save returns once it is in the write-ahead
// log (synchronous=NORMAL: safe from the app or its process dying, see
// library-durability.test.ts); the log is synced into the library file by a
// checkpoint a moment later, and at close. The library file alone — what a
// power cut leaves when the log's last pages never reached the disk — is read
// here by copying it without its log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { valueAt } from '../../src/shared/model/report';
import { asCellKey } from '../../src/shared/model/cells';
import { open, seedReport, tempDir, value, type TempDir } from './helpers/library';

const KEY = asCellKey('requests.received.natural')!;
let tmp: TempDir;

beforeEach(() => {
  tmp = tempDir('nianbao-sync-');
});
afterEach(() => tmp.remove());

/** The cell as the library file holds it without its write-ahead log. */
function inFileAlone(id: number, copy: string): unknown {
  const path = join(tmp.dir, copy);
  copyFileSync(tmp.dbPath, path);
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare('SELECT value FROM cells WHERE report_id = ? AND key = ?').get(id, KEY) as { value: unknown } | undefined;
    return row?.value;
  } finally {
    db.close();
  }
}

describe('a save reaches the library file', () => {
  it('by the checkpoint a moment after it, not with the save itself', async () => {
    const { library } = await open(tmp.dbPath, { syncDelayMs: 50 });
    const id = value(library.add(seedReport())).id;
    await sleep(200);
    const before = inFileAlone(id, 'before.db');
    value(library.applyEdit(id, { cells: { [KEY]: 4321 } }));
    expect(valueAt(value(library.get(id)).report, KEY)).toBe(4321);
    // Only in the log yet: the save did not wait for the disk.
    expect(inFileAlone(id, 'at-save.db')).toBe(before);
    for (let waited = 0; waited < 5000 && inFileAlone(id, 'after.db') !== 4321; waited += 50) await sleep(50);
    expect(inFileAlone(id, 'after.db')).toBe(4321);
    library.close();
  });

  it('at close, while another program keeps the file open', async () => {
    const { library } = await open(tmp.dbPath, { syncDelayMs: 3_600_000 });
    const id = value(library.add(seedReport())).id;
    const other = new Database(tmp.dbPath, { readonly: true });
    try {
      // Reading attaches it to the log: SQLite's own checkpoint at a close runs only at the last one.
      other.prepare('SELECT count(*) FROM reports').get();
      value(library.applyEdit(id, { cells: { [KEY]: 8765 } }));
      await library.backupsDone();
      library.close();
      expect(inFileAlone(id, 'closed.db')).toBe(8765);
    } finally {
      other.close();
    }
  });
});
