// The `nianbao` command run as users run it, in a child process, with the
// peak memory the child took (the preload peak-rss.cjs samples it and writes
// it on stderr as the process exits; that line is taken out of stderr here).
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.cjs');
const PRELOAD = join(__dirname, 'peak-rss.cjs');
const PEAK_LINE = /^PEAK_RSS_KB (\d+)\n?/m;

export interface Run {
  code: number;
  stdout: string;
  /** What the command wrote on stderr, without the preload's line. */
  stderr: string;
  /** Peak resident memory of the process and its children, in MB (NaN where it could not say: killed, or not Linux). */
  peakMb: number;
}

/** Runs `nianbao …args`; a child still running after `timeout` ms is killed (its code then is -1). */
export function nianbao(args: readonly string[], timeout = 300_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', PRELOAD, BIN, ...args],
      { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const peak = PEAK_LINE.exec(stderr);
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
          stdout,
          stderr: stderr.replace(PEAK_LINE, ''),
          peakMb: peak ? Number(peak[1]) / 1024 : NaN,
        });
      },
    );
  });
}
