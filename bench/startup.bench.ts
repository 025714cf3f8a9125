// Start-up of the command: `nianbao validate x.json`, the whole process, beside
// a bare `node -e 0` run in alternating pairs (the machine is shared, so each
// pair meets the same load). Goal: ≤ 3 × node's own start. The modules the
// command loads are counted too: it must load the engine and the JSON reader
// and nothing else (not exceljs, docx, pdf-lib, pdfjs, ECharts or resvg).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GOAL_RATIO = 3;
const PAIRS = 15;
const root = join(__dirname, '..');
const CLI = join(root, 'bin', 'nianbao.cjs');
const LOAD_COUNTER = join(root, 'tests', 'helpers', 'count-loads.cjs');

function wallMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')}: exit ${run.status} ${run.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-startup-'));
  try {
    const report = join(dir, 'report.json');
    cpSync(join(root, 'tests', 'fixtures', 'seed-2022.json'), report);
    wallMs([CLI, 'validate', report]); // builds the bundle if the sources are newer, and warms the file cache
    const bare: number[] = [];
    const command: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // A/B alternating: which runs first swaps every pair.
      if (i % 2 === 0) {
        bare.push(wallMs(['-e', '0']));
        command.push(wallMs([CLI, 'validate', report]));
      } else {
        command.push(wallMs([CLI, 'validate', report]));
        bare.push(wallMs(['-e', '0']));
      }
    }
    const ratios = bare.map((b, i) => command[i]! / b);
    const ratio = median(ratios);
    console.log(
      `validate of a small JSON report, whole process: median ${median(command).toFixed(0)} ms beside node -e 0 ${median(bare).toFixed(0)} ms ` +
        `(${PAIRS} pairs) → ${ratio.toFixed(2)} × node's start (goal ≤ ${GOAL_RATIO} × ${ratio <= GOAL_RATIO ? 'OK' : 'MISSED'})`,
    );
    const countFile = join(dir, 'loads.json');
    spawnSync(process.execPath, ['-r', LOAD_COUNTER, CLI, 'validate', report], {
      env: { ...process.env, NIANBAO_COUNT_LOADS: countFile },
      stdio: 'ignore',
    });
    const loads = JSON.parse(readFileSync(countFile, 'utf8')) as { modules: number; bytes: number; packages: string[] };
    console.log(
      `  modules loaded: ${loads.modules} (${(loads.bytes / 1024).toFixed(0)} KB of JS); packages: ${loads.packages.join(', ') || 'none'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
