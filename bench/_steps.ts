import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { readReportJson } from '../src/shared/model/schema';
import { reviewOne } from '../src/shared/review';
import { packReport } from '../src/main/services/review/figures';
import { slimReport } from '../src/main/review/reading';
const N = 2500;
const t: Record<string, number> = {};
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const lap = (k: string, s: number) => { const now = cpu(); t[k] = (t[k] ?? 0) + now - s; return now; };
const all = cpu();
for (let i = 0; i < N; i++) {
  let s = cpu();
  const text = readFileSync(`/tmp/r2/j5000/${i}.json`); s = lap('read', s);
  const data = JSON.parse(text.toString('utf8')); s = lap('JSON.parse', s);
  const r = readReportJson(data); s = lap('readReportJson', s);
  if (!r.ok) throw new Error(r.error);
  const { report: _w, ...reviewed } = reviewOne({ fileName: 'x', report: r.value, notes: [] }, i); s = lap('reviewOne', s);
  const ans = { mode: 'review', reviewed, report: packReport(slimReport(r.value, reviewed.findings)) }; s = lap('pack', s);
  serialize(ans); s = lap('serialize', s);
}
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(16), (v / N).toFixed(0), 'µs/file');
console.log('total', ((cpu() - all) / N).toFixed(0), 'µs/file');
