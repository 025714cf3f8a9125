// Speed of the one validation engine: it runs on every keystroke in the
// editor, so a clean report must validate in ≤ 0.1 ms (median), and time
// should grow with the findings reported, not explode.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { CELLS } from '../src/shared/model/cells';
import { setCells, type Report } from '../src/shared/model/report';
import { readReportJson } from '../src/shared/model/schema';
import { validate } from '../src/shared/rules/engine';
import type { ValidationContext } from '../src/shared/rules/types';

const GOAL_MS = 0.1;

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/**
 * Median milliseconds per validate, over `rounds` batches of `batch` runs
 * after a warm-up. The machine is shared, so the best batch is printed too:
 * it shows the engine's own cost when the median is inflated by other load.
 */
function timing(report: Report, rounds = 60, batch = 200, ctx: ValidationContext = {}): { median: number; best: number } {
  for (let i = 0; i < 2000; i++) validate(report, ctx);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) validate(report, ctx);
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
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
  const clean = timing(base);
  const verdict = clean.median <= GOAL_MS ? 'OK' : 'MISSED';
  console.log(
    `validate(seed): median ${us(clean.median)} µs, best batch ${us(clean.best)} µs — goal: median ≤ ${GOAL_MS * 1000} µs ${verdict}`,
  );
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
