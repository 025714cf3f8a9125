// A command loads what it uses: the bundled `nianbao` run as a child with a
// preloaded counter of the modules it requires. `validate x.json` needs the
// engine and the JSON reader; the heavy libraries of the other formats (and
// the library's native SQLite) load only for the commands that use them.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.cjs');
const COUNTER = join(ROOT, 'tests', 'helpers', 'count-loads.cjs');

/** Every package a reader or writer of another format, the library or the infographic brings. */
const HEAVY = [
  'exceljs',
  'docx',
  'pdf-lib',
  'pdfjs-dist',
  'jszip',
  'yauzl',
  'htmlparser2',
  'echarts',
  '@resvg/resvg-js',
  'playwright-core',
];

interface Loads {
  code: number;
  packages: string[];
  modules: number;
}

let dir: string;

function loadsOf(...args: string[]): Promise<Loads> {
  const out = join(dir, `loads-${args.join('-').replace(/[^\w-]/g, '_')}.json`);
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', COUNTER, BIN, ...args], { cwd: ROOT, env: { ...process.env, NIANBAO_COUNT_LOADS: out } }, (err) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      const counted = JSON.parse(readFileSync(out, 'utf8')) as { packages: string[]; modules: number };
      resolve({ code, ...counted });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-startup-'));
  cpSync(join(ROOT, 'tests', 'fixtures', 'seed-2022.json'), join(dir, 'report.json'));
  // In a checkout whose sources are newer than the bundle, the first run builds it (with esbuild): not counted.
  execFileSync(process.execPath, [BIN, '--help'], { cwd: ROOT, stdio: 'ignore' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a command loads', () => {
  it('validate of a JSON report loads the bundle (the engine and the JSON reader, zod inside it) and no package', async () => {
    const run = await loadsOf('validate', join(dir, 'report.json'));
    expect(run.code).toBe(0);
    expect(run.packages).toEqual([]);
    // bin/nianbao.cjs and the bundle: never the ~950 modules of every reader and writer.
    expect(run.modules).toBeLessThan(10);
  });

  it('--help loads no package at all', async () => {
    const run = await loadsOf('--help');
    expect(run.code).toBe(0);
    expect(run.packages).toEqual([]);
  });

  it('list loads SQLite but no reader or writer of a file format', async () => {
    const run = await loadsOf('list', '--db', join(dir, 'library.db'));
    expect(run.code).toBe(0);
    expect(run.packages).toContain('better-sqlite3');
    expect(run.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('export to Word loads docx, and the counter sees it (the check above can fail)', async () => {
    const run = await loadsOf('export', join(dir, 'report.json'), '--to', 'docx', '--out', join(dir, 'report.docx'));
    expect(run.code).toBe(0);
    expect(run.packages).toContain('docx');
    expect(run.packages).not.toContain('exceljs');
  });
});
