// Preloaded into a child process (node -r tests/helpers/peak-rss.cjs …): at
// exit it writes "PEAK_RSS_KB <n>" on stderr, the most resident memory the
// process and all its descendants (a browser it started to print, say) held
// together (each page counted once: proportional set sizes), sampled from
// /proc every 20 ms, or the process's own high-water mark if higher. Linux
// only; elsewhere nothing is written.
'use strict';
const { readFileSync, readdirSync } = require('node:fs');
const { setInterval } = require('node:timers');

/**
 * A process's share of resident memory: its proportional set size, which
 * splits pages shared between processes (a browser's zygote and renderers)
 * among them, so the tree's sum counts each page once; its RSS where the
 * kernel gives no PSS.
 */
function memoryKb(pid) {
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (pss) return Number(pss[1]);
  } catch {
    // no smaps_rollup: older kernel, or the process is gone
  }
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) : 0;
  } catch {
    return 0;
  }
}

function children(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function treeKb(pid) {
  let total = 0;
  const stack = [pid];
  const seen = new Set();
  while (stack.length > 0) {
    const p = stack.pop();
    if (seen.has(p)) continue;
    seen.add(p);
    total += memoryKb(p);
    for (const c of children(p)) stack.push(c);
  }
  return total;
}

if (process.platform === 'linux') {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeKb(process.pid)));
  const timer = setInterval(sample, 20);
  timer.unref();
  process.on('exit', () => {
    sample();
    // The process's own high-water mark catches a peak between two samples.
    peak = Math.max(peak, process.resourceUsage().maxRSS);
    process.stderr.write(`PEAK_RSS_KB ${peak}\n`);
  });
}
