// The `nianbao` command run as users run it, in a child process, with the
// peak memory the child took (read by the child itself on exit).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.cjs');
const PRELOAD = join(__dirname, 'peak-rss.cjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the process, in MB. */
  peakMb: number;
}

/** Runs `nianbao …args`; a child still running after `timeout` ms is killed (its code then is -1). */
export function nianbao(args: readonly string[], timeout = 120_000): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-rss-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', PRELOAD, BIN, ...args],
      { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NIANBAO_PEAK_RSS: rssFile } },
      (err, stdout, stderr) => {
        let peakMb = NaN;
        try {
          peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        } catch {
          // The child was killed before it could say.
        }
        rmSync(dir, { recursive: true, force: true });
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr, peakMb });
      },
    );
  });
}
