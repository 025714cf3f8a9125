// Speed of the one validation engine: it runs on every keystroke in the
// editor, so a clean report must validate in ≤ 0.1 ms (median), and time
// should grow with the findings reported, not explode.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { CELLS } from '../src/shared/model/cells';
import { setCells, type Report } from '../src/shared/model/report';
import { readReportJson } from '../src/shared/model/report-json';
import { validate } from '../src/shared/rules/engine';
import type { ValidationContext } from '../src/shared/rules/types';

const GOAL_MS = 0.1;

function fixture(file: string): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', file), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

const seed = () => fixture('seed-2022.json');

/** Every real published report of the fixtures: each must validate within the goal. */
const REAL = readdirSync(join(__dirname, '..', 'tests', 'fixtures')).filter(
  (f) => f === 'seed-2022.json' || (/^real-.*\.json$/.test(f) && f !== 'real-sentences.json' && f !== 'real-phrasing.json'),
);

/**
 * Median milliseconds per validate, over `rounds` batches of `batch` runs
 * after a warm-up. The machine is shared, so the best batch is printed too:
 * it shows the engine's own cost when the median is inflated by other load.
 */
function timing(report: Report, rounds = 60, batch = 200, ctx: ValidationContext = {}): { median: number; best: number; cpu: number } {
  for (let i = 0; i < 2000; i++) validate(report, ctx);
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) validate(report, ctx);
    times.push((performance.now() - start) / batch);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  // CPU time of this process per validate: what the engine costs when other work shares the cores.
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]!, cpu: (cpu.user + cpu.system) / 1000 / (rounds * batch) };
}

/**
 * The seed broken until it yields about `target` findings: first counts of
 * table 三 and 四 moved by one (each breaks a row and a column sum, the
 * costly kind with messages and fixes), then text in further cells.
 */
function brokenTo(base: Report, target: number): Report {
  let report = base;
  const tied = CELLS.filter((c) => (c.table === 'requests' || c.table === 'appeals') && c.col !== 'total');
  for (const c of tied) {
    if (validate(report).length >= target) return report;
    report = setCells(report, [[c.key, 1]]);
  }
  for (const c of CELLS) {
    if (validate(report).length >= target) return report;
    report = setCells(report, [[c.key, '约']]);
  }
  return report;
}

export async function run(): Promise<void> {
  const base = seed();
  const us = (ms: number) => (ms * 1000).toFixed(1).padStart(6);
  console.log(`load average ${loadavg()[0]!.toFixed(2)} (figures are wall time on a shared machine)`);
  console.log(
    `every real report of the fixtures (goal: ≤ ${GOAL_MS * 1000} µs each; on a busy machine the CPU time is the engine's own cost):`,
  );
  for (const file of REAL) {
    const t = timing(fixture(file));
    const verdict = (ms: number) => (ms <= GOAL_MS ? 'OK' : 'MISSED');
    console.log(
      `  ${file.padEnd(32)} median ${us(t.median)} µs (${(t.median / GOAL_MS).toFixed(2)} × goal ${verdict(t.median)}), ` +
        `best batch ${us(t.best)} µs, CPU ${us(t.cpu)} µs (${(t.cpu / GOAL_MS).toFixed(2)} × goal ${verdict(t.cpu)})`,
    );
  }
  // The editor validates against last year's report when the library has it: continuity rules and the repetition scan run too.
  const previous = { ...base, year: base.year - 1, narratives: { ...base.narratives, problems: '上年的问题与改进措施。' } };
  const withPrevious = timing(base, 30, 100, { previous });
  console.log(
    `validate(seed, previous): median ${us(withPrevious.median)} µs, best batch ${us(withPrevious.best)} µs — goal: median ≤ ${GOAL_MS * 1000} µs`,
  );
  console.log('growth with the number of findings (goal: linear, a few µs per finding):');
  for (const target of [0, 10, 50, 200]) {
    const report = brokenTo(base, target);
    const n = validate(report).length;
    const t = timing(report, 30, 100);
    console.log(`  ${String(n).padStart(3)} findings: median ${us(t.median)} µs, best batch ${us(t.best)} µs`);
  }
}
