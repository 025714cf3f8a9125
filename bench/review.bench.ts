// Speed and memory of batch review and 汇总, as a 政务公开办 runs them: the
// built command (`npm run build` first) over folders of report files, in a
// child process whose own figures are printed — wall time, CPU time and peak
// memory. Goals: 5,000 reports reviewed ≤ 3 s and summed ≤ 3 s; peak memory
// flat in the number of files (5,000 files ≤ 1.5 × the peak of 500).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportWorkbook } from '../src/main/services/excel';
import { setCells, type Report } from '../src/shared/model/report';
import { readReportJson, reportToJson } from '../src/shared/model/report-json';

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'out', 'cli', 'nianbao.cjs');

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** Body i of the batch: its own name and figures, every seventh with a total that does not add up. */
function body(base: Report, i: number): Report {
  const n = 10 + (i % 17);
  return setCells({ ...base, agency: `某区第${i}单位`, signature: undefined }, [
    ['requests.received.natural', n],
    ['requests.received.total', n],
    ['requests.granted.natural', n - 1],
    ['requests.granted.total', n - 1],
    ['requests.results_total.natural', n],
    ['requests.results_total.total', i % 7 === 0 ? n + 1 : n],
  ]);
}

async function writeFiles(dir: string, count: number, xlsxEvery = 0): Promise<string> {
  const base = seed();
  for (let i = 0; i < count; i++) {
    const report = body(base, i);
    if (xlsxEvery > 0 && i % xlsxEvery === 0)
      writeFileSync(join(dir, `${i}.xlsx`), await exportWorkbook(report, { findings: [], draft: false }));
    else writeFileSync(join(dir, `${i}.json`), reportToJson(report));
  }
  return dir;
}

interface Run {
  code: number;
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/** The command in a child process, output discarded; its own exit code, CPU time and peak memory (workers included). */
function command(args: readonly string[]): Run {
  const script = `
    const { main } = require(${JSON.stringify(BUNDLE)});
    const start = performance.now();
    main(${JSON.stringify(args)}, { out() {}, err() {} }).then((code) => {
      const u = process.resourceUsage();
      process.stdout.write(JSON.stringify({ code, wallMs: performance.now() - start, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Run;
}

const line = (what: string, r: Run, goalMs?: number) =>
  `${what}: ${r.wallMs.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU, peak ${r.rssMb.toFixed(0)} MB` +
  (goalMs ? ` — goal ≤ ${goalMs} ms ${r.wallMs <= goalMs ? 'OK' : 'MISSED'}` : '');

export async function run(): Promise<void> {
  if (!existsSync(BUNDLE)) {
    console.log('the command is not built: run `npm run build` first');
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-review-'));
  try {
    console.log(`load average ${loadavg()[0]!.toFixed(2)} (wall time on a shared machine; CPU time is the steadier figure)`);
    const mk = (name: string) => mkdtempSync(join(root, name));
    const five = await writeFiles(mk('json5000-'), 5000);
    const small = await writeFiles(mk('json500-'), 500);

    const review5000 = command(['review', five, '--json']);
    console.log(line('review of 5,000 JSON reports', review5000, 3000));
    const sum5000 = command(['sum', five, '--agency', '某区人民政府', '--year', '2022', '--include-errors']);
    console.log(line('sum of 5,000 JSON reports', sum5000, 3000));
    const review500 = command(['review', small, '--json']);
    console.log(line('review of 500 JSON reports', review500));
    const ratio = review5000.rssMb / review500.rssMb;
    console.log(
      `  peak memory, 5,000 files against 500: ×${ratio.toFixed(2)} — goal ≤ ×1.5 (flat in the number of files) ${ratio <= 1.5 ? 'OK' : 'MISSED'}`,
    );

    // Workbooks, the readers' costly format.
    const mixed = await writeFiles(mk('mixed300-'), 300, 2);
    console.log(line('review of 300 files (150 JSON, 150 xlsx)', command(['review', mixed, '--json'])));
    const out = join(root, '问题清单.xlsx');
    console.log(line('review of 500 with the 问题清单 workbook', command(['review', small, '--out', out])));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
