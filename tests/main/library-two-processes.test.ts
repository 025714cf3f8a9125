// Two programs on one library, as real processes: the first `serve` holds it,
// a second opens it read-only and says who holds it; the holder killed with
// SIGKILL leaves nothing to clean up (the next one edits). A save names the
// revision it was made on, and the check holds between two handles and two
// processes on the same file.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { valueAt } from '../../src/shared/model/report';
import { createHandlers } from '../../src/main/handlers';
import { openServices } from '../../src/main/open-services';
import { open, seedReport, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
let childScript: string;
let rendererDir: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  tmp = tempDir('nianbao-two-');
  rendererDir = join(tmp.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>年报编制助手</title>');
  childScript = join(tmp.dir, 'serve-child.cjs');
  await build({
    entryPoints: [join(__dirname, 'helpers', 'serve-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  const { library } = await open(tmp.dbPath);
  value(library.add(seedReport()));
  library.close();
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

afterAll(() => tmp.remove());

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: URL;
  token: string;
  stderr: () => string;
}

/** Starts `serve` on the test's library and waits for its URL. */
function startServe(): Promise<Served> {
  const child = spawn(process.execPath, [childScript, tmp.dbPath, rendererDir], {
    env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`serve ended (${code}): ${err}`)));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const line = out.split('\n')[0]!;
      if (!out.includes('\n')) return;
      const url = new URL(line);
      // The messages after the URL are written right after it: give them a moment to arrive.
      setTimeout(() => resolve({ child, url, token: url.hash.replace('#token=', ''), stderr: () => err }), 200);
    });
  });
}

function api<T>(
  served: Served,
  channel: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.url.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': served.token },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function killed(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Summary {
  id: number;
  revision: number;
}

describe('two serve processes on one library', () => {
  it('the second opens it read-only and says who holds it; after a kill -9 of the first the next one edits', async () => {
    const first = await startServe();
    const [report] = (await api<Summary[]>(first, 'library.list', {})).value!;
    const second = await startServe();
    expect(second.stderr()).toMatch(new RegExp(`正由 nianbao serve（进程 ${first.child.pid}，端口 ${first.url.port}.*只读方式打开`));
    const refused = await api(second, 'library.edit', {
      id: report!.id,
      revision: report!.revision,
      patch: { narratives: { other: '第二个' } },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(refused.error!.message).toMatch(/只读/);

    const saved = await api<Summary>(first, 'library.edit', {
      id: report!.id,
      revision: report!.revision,
      patch: { narratives: { other: '第一个写的' } },
    });
    expect(saved.ok).toBe(true);
    // The read-only window sees the holder's saves: it reads the live file, not a copy.
    const seen = await api<{ report: { narratives: { other: string } } }>(second, 'library.open', { id: report!.id });
    expect(seen.value!.report.narratives.other).toBe('第一个写的');

    await killed(second.child);
    await killed(first.child);
    const third = await startServe();
    expect(third.stderr()).not.toMatch(/只读/);
    const again = await api<Summary>(third, 'library.edit', {
      id: report!.id,
      revision: saved.value!.revision,
      patch: { narratives: { other: '第三个写的' } },
    });
    expect(again.ok).toBe(true);
    await killed(third.child);
  });
});

describe('a save names the revision it was made on', () => {
  it('refuses an edit without one, in Chinese, and saves nothing', async () => {
    const services = value(await openServices({ databasePath: tmp.dbPath, shell: 'browser' }));
    try {
      const handlers = createHandlers(services);
      const [report] = value(services.library.list());
      const res = await handlers['library.edit']({ id: report!.id, patch: { cells: { 'requests.received.natural': 777 } } });
      expect(res).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      if (!res.ok) expect(res.error.message).toMatch(/没有注明它所依据的报告版本/);
      expect(valueAt(value(services.library.get(report!.id)).report, 'requests.received.natural')).not.toBe(777);
    } finally {
      await services.close();
    }
  });

  it('refuses a save on an old revision made through another handle on the same file', async () => {
    const a = (await open(tmp.dbPath)).library;
    const b = (await open(tmp.dbPath)).library;
    try {
      const [report] = value(a.list());
      const seenByBoth = report!.revision;
      value(a.applyEdit(report!.id, { cells: { 'requests.received.natural': 1 } }, { revision: seenByBoth }));
      const late = b.applyEdit(report!.id, { cells: { 'requests.received.natural': 2 } }, { revision: seenByBoth });
      expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(valueAt(value(b.get(report!.id)).report, 'requests.received.natural')).toBe(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('refuses a save on an old revision made through another process', async () => {
    const served = await startServe();
    const [report] = (await api<Summary[]>(served, 'library.list', {})).value!;
    const { library } = await open(tmp.dbPath);
    try {
      value(library.applyEdit(report!.id, { narratives: { other: '本进程先存' } }, { revision: report!.revision }));
      const late = await api(served, 'library.edit', {
        id: report!.id,
        revision: report!.revision,
        patch: { narratives: { other: '另一进程后存' } },
      });
      expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(value(library.get(report!.id)).report.narratives.other).toBe('本进程先存');
    } finally {
      library.close();
      await killed(served.child);
    }
  });
});

describe('the list kept in memory', () => {
  it("shows this handle's saves and another handle's commits, in the order shown", async () => {
    const a = (await open(tmp.dbPath)).library;
    const b = (await open(tmp.dbPath)).library;
    try {
      const before = value(a.list());
      const added = value(b.add({ ...seedReport(), agency: '阿拉善盟统计局' }));
      // Another connection's commit: read again, and sorted (阿 before 余).
      expect(value(a.list()).map((r) => r.id)).toEqual([added.id, ...before.map((r) => r.id)]);
      const renamed = value(a.applyEdit(added.id, { meta: { agency: '自治区统计局' } }, { revision: added.revision }));
      expect(value(a.list()).at(-1)).toEqual(renamed);
      value(a.remove(added.id));
      expect(value(a.list()).map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect(value(a.list({ includeDeleted: true })).map((r) => r.id)).toContain(added.id);
      value(b.purge(added.id));
      expect(value(a.list({ includeDeleted: true })).map((r) => r.id)).not.toContain(added.id);
      // Every row as the database holds it, whichever way the list was kept.
      expect(value(a.list())).toEqual(value(b.list({ search: ' ' })));
    } finally {
      a.close();
      b.close();
    }
  });
});
