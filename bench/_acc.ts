import { readFileSync } from 'node:fs';
import { acceptsAsIs } from '../src/shared/model/accept';
import { reportSchema } from '../src/shared/model/schema';
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const texts = Array.from({ length: 5000 }, (_, i) => readFileSync(`/tmp/r2/j5000/${i}.json`, 'utf8'));
let s = cpu(); const acc = acceptsAsIs(reportSchema); console.log('build', cpu() - s);
let tot = 0;
for (let r = 0; r < 10; r++) {
  const datas = texts.slice(r * 500, r * 500 + 500).map((t) => JSON.parse(t));
  s = cpu(); for (const d of datas) if (!acc(d)) throw new Error('not accepted'); const x = cpu() - s; tot += x; process.stdout.write((x / 500).toFixed(1) + ' ');
}
console.log('avg', tot / 5000);
