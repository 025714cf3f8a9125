// A mistyped option or argument: one Chinese line naming it, then the usage
// of that command (not of all nine), exit 2, and nothing read or written.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/main/cli';

const ROOT = join(__dirname, '..', '..');
const SEED = join(ROOT, 'tests', 'fixtures', 'seed-2022.json');

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(...l.split('\n')) };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The first line names the mistake in Chinese; the rest is that command's usage and nothing else. */
function expectUsageError(result: { code: number; out: string[]; err: string[] }, command: string, named: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.out).toEqual([]);
  const [first, ...usage] = result.err;
  expect(first).toMatch(/^参数有误：/);
  expect(first).toMatch(named);
  expect(first).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/); // no English sentence from Node's parser
  expect(usage[0]).toMatch(new RegExp(`^用法：nianbao ${command} `));
  expect(usage.join('\n')).not.toMatch(/nianbao <命令>/);
}

describe('mistyped options and arguments', () => {
  it('names an unknown option, suggests the near one, and shows the command usage', async () => {
    expectUsageError(await run('review', SEED, '--rostr', 'x.xlsx'), 'review', /未知选项「--rostr」（是否要写 --roster？）/);
    const near = await run('validate', SEED, '--previus', SEED);
    expectUsageError(near, 'validate', /未知选项「--previus」（是否要写 --previous？）/);
    expectUsageError(await run('serve', '--prot', '3000'), 'serve', /「--prot」（是否要写 --port？）/);
    expectUsageError(await run('list', '-x'), 'list', /未知选项「-x」/);
  });

  it('names an option missing its value, or given one it does not take', async () => {
    expectUsageError(await run('export', SEED, '--to'), 'export', /--to 后面缺少值/);
    expectUsageError(await run('export', SEED, '--out', '--draft', '--to', 'docx'), 'export', /--out 后面缺少值：「--draft」/);
    expectUsageError(await run('export', SEED, '--draft=yes', '--to', 'docx', '--out', 'x.docx'), 'export', /--draft 不带值/);
  });

  it('names an argument too many', async () => {
    expectUsageError(await run('validate', SEED, SEED), 'validate', /多余的参数「.*seed-2022\.json」/);
    expectUsageError(await run('list', 'reports'), 'list', /不需要参数「reports」/);
  });

  it('answers --help after a command with that command usage on stdout, exit 0', async () => {
    const help = await run('export', '--help');
    expect(help.code).toBe(0);
    expect(help.err).toEqual([]);
    expect(help.out[0]).toMatch(/^用法：nianbao export FILE --to /);
  });

  it('says the same from the real command: two lines on stderr, exit 2', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'nianbao.cjs'), 'validate', SEED, '--roster'],
        { encoding: 'utf8' },
        (err, _out, stderr) => resolve({ code: err && typeof err.code === 'number' ? err.code : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('参数有误：未知选项「--roster」');
    expect(lines[1]).toMatch(/^用法：nianbao validate FILE/);
    expect(result.stderr).not.toMatch(/Unknown option|\n\s+at /);
  });
});
