// The command agrees with the app on a report without its text: `validate`
// reports narrative.empty as an error (exit 1), `export` without --draft refuses
// it and writes nothing, with --draft it writes a draft.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
let dir: string;
let file: string;

function nianbao(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'nianbao.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout }),
    );
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-empty-'));
  const report = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-2022.json'), 'utf8'));
  report.narratives = { overview: '', problems: '无', other: '（文字描述）' };
  file = join(dir, 'empty.json');
  writeFileSync(file, JSON.stringify(report));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrative.empty on the command line', () => {
  it('validate reports each empty or token text as an error', async () => {
    const run = await nianbao('validate', file, '--json');
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { id: string; severity: string }[] }).findings;
    expect(findings.filter((f) => f.id.startsWith('narrative.empty:')).map((f) => [f.id, f.severity])).toEqual([
      ['narrative.empty:overview', 'error'],
      ['narrative.empty:problems', 'error'],
      ['narrative.empty:other', 'error'],
    ]);
  });

  it('export refuses it as final and writes nothing; --draft writes the draft', async () => {
    const out = join(dir, 'report.docx');
    expect((await nianbao('export', file, '--to', 'docx', '--out', out)).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((await nianbao('export', file, '--to', 'docx', '--out', out, '--draft')).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
