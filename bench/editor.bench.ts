// The editor's speed as the author feels it, in Chromium over the real server
// and a real SQLite file, with the seed report open: from a keystroke to the
// findings and highlights on screen (the frame after the key), and the
// renderer's JavaScript size. Needs `npm run build` first.
//
// The figures move with the machine's load (other processes share its cores):
// the load is printed beside them; untimed rounds warm the page's JIT first,
// and enough keys are timed for a p95 that means something (BENCH_ROUNDS=…).
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS } from '../src/main/services/documents/chromium-args';
import { chromium, type Page } from 'playwright-core';
import { DomUtils, parseDocument } from 'htmlparser2';
import { createHandlers } from '../src/main/handlers';
import { openServices } from '../src/main/open-services';
import { RENDERER_DIR } from '../src/main/serve/command';
import { startServer } from '../src/main/serve/server';
import { readReportJson } from '../src/shared/model/report-json';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 150);
const WARMUP = 15;
const CPU_ROUNDS = 60;
/** A fast typist's interval between keys (100 words a minute). */
const TYPIST_PACE_MS = 120;

function load(): string {
  return `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Installs, in the page, timers per key: from the key's event reaching the
 * window (capture) to the DOM updated and laid out (window, bubble: after
 * React's synchronous render of the update), which is the work that must fit
 * in a frame; and to the frame after it, with its style, layout, paint and
 * commit. That second time also holds a wait no page can shorten: a frame
 * starts at the display's refresh (every 16.7 ms at 60 Hz), so a key that
 * arrives just after one waits, idle, for the next. The frame's own start
 * time (the animation frame's timestamp, the refresh it belongs to) tells
 * that wait apart: the time from the page's work done to that refresh, when
 * it came later. `frame` is the whole time to the next frame; `own` is the
 * same less that idle wait — the page's latency, which is the figure the
 * frame's budget holds. Cells are timed on keydown; text on input, as Chinese
 * typed through an input method arrives as input events, not keys. Each
 * timed key goes to a named bucket, so that keys of different kinds can be
 * interleaved.
 */
/** What the page says on its console once a timed key's frame has been timed. */
const FRAME_TIMED = 'bench: frame timed';

async function installKeyTimer(page: Page): Promise<void> {
  await page.evaluate((frameTimed) => {
    const w = window as unknown as {
      times: Record<string, { work: number[]; frame: number[]; own: number[] }>;
      timed: { event: string; bucket: string } | null;
      kpis: number[];
    };
    w.times = {};
    w.timed = null;
    w.kpis = [];
    let t0 = 0;
    // The 概览's KPIs are drawn in the frame after the key's: from the key to the frame that draws their first change.
    let kpiFrom: number | null = null;
    new MutationObserver((changes) => {
      if (kpiFrom === null || !changes.some((c) => (c.target instanceof Element ? c.target : c.target.parentElement)?.closest('.kpi-list')))
        return;
      const from = kpiFrom;
      kpiFrom = null;
      requestAnimationFrame(() => setTimeout(() => w.kpis.push(performance.now() - from), 0));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    for (const [start, end] of [
      ['keydown', 'keydown'],
      ['beforeinput', 'input'],
    ] as const) {
      window.addEventListener(
        start,
        () => {
          t0 = performance.now();
          // Set before the page's own handlers run: the KPIs may change inside them, as they did before issue 28.
          if (w.timed?.event === end && w.timed.bucket === 'key') kpiFrom = t0;
        },
        true,
      );
      window.addEventListener(end, () => {
        if (w.timed?.event !== end) return;
        // Reading a layout figure makes the browser apply styles and layout now, inside the measured time.
        void document.body.getBoundingClientRect().height;
        const from = t0;
        const bucket = (w.times[w.timed.bucket] ??= { work: [], frame: [], own: [] });
        const done = performance.now();
        bucket.work.push(done - from);
        requestAnimationFrame((refresh) =>
          setTimeout(() => {
            const frame = performance.now() - from;
            bucket.frame.push(frame);
            bucket.own.push(frame - Math.max(0, refresh - done));
            console.log(frameTimed);
          }, 0),
        );
      });
    }
  }, FRAME_TIMED);
}

async function timed(page: Page, event: 'keydown' | 'input', act: () => Promise<void>, bucket = 'key'): Promise<void> {
  await page.evaluate((timed) => ((window as unknown as { timed: unknown }).timed = timed), { event, bucket });
  await act();
  await page.evaluate(() => ((window as unknown as { timed: unknown }).timed = null));
}

/**
 * One key timed as an author presses it: down, and up only once its frame has been timed, as a finger stays on a key
 * for tens of milliseconds. Nothing of the harness runs in the page until then — it hears of the frame from the page's
 * console rather than by asking, and checks what the key did afterwards — so the frame timed is the page's alone, not
 * also a key-up, a query or a wait sent in the same milliseconds.
 */
async function timedKey(page: Page, key: string, bucket = 'key'): Promise<void> {
  await page.evaluate((timed) => ((window as unknown as { timed: unknown }).timed = timed), { event: 'keydown', bucket });
  const framed = page.waitForEvent('console', { predicate: (m) => m.text() === FRAME_TIMED });
  await page.keyboard.down(key);
  await framed;
  await page.keyboard.up(key);
  await page.evaluate(() => ((window as unknown as { timed: unknown }).timed = null));
}

interface KeyTimes {
  work: number[];
  frame: number[];
  own: number[];
}

async function keyTimes(page: Page, bucket = 'key'): Promise<KeyTimes> {
  // The last key's frame timer may still be waiting for its frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return page.evaluate((b) => {
    const times = (window as unknown as { times: Record<string, KeyTimes | undefined> }).times;
    const got = times[b] ?? { work: [], frame: [], own: [] };
    delete times[b];
    return got;
  }, bucket);
}

/** From each timed key to the frame that drew the 概览's KPIs it changed, since the last call. */
async function kpiTimes(page: Page): Promise<number[]> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return page.evaluate(() => (window as unknown as { kpis: number[] }).kpis.splice(0));
}

/** A figure's p50 and p95 beside the goal its p95 has. */
function beside(times: number[], goal: number): string {
  const p95 = percentile(times, 95);
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal p95 ≤ ${goal} ms) ${p95 <= goal ? 'ok' : 'OVER GOAL'}`;
}

/** A figure's p50 and p95, with no goal of its own. */
function spread(times: number[]): string {
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
}

/**
 * The work in the key's handler, and the key's frame (the goal of issue 28: the edit rendered within the frame): the
 * page's latency to its frame committed, less the idle wait for the display's refresh, beside its goal; and the whole
 * time to the next frame, that wait included, beside its anchor, the same timer on a key that does nothing.
 */
function report(label: string, times: KeyTimes, goal: number, floor?: KeyTimes): void {
  if (times.work.length === 0) throw new Error(`${label}: no key was timed`);
  const anchor = floor ? `, ${(percentile(times.frame, 95) / percentile(floor.frame, 95)).toFixed(2)} × the floor's p95` : '';
  console.log(
    `${label} (${times.work.length} keys): work ${beside(times.work, goal)}; ` +
      `its frame committed, less the idle wait for the display's refresh ${beside(times.own, goal)}; ` +
      `to the next frame, that wait included, ${spread(times.frame)}${anchor}`,
  );
}

/** The measure's own floor: a key the grid ignores (Shift in the active cell), timed as the keys are. */
function reportFloor(label: string, floor: KeyTimes): void {
  if (floor.work.length === 0) throw new Error(`${label}: no key was timed`);
  const at = (p: number) => percentile(floor.frame, p).toFixed(1);
  console.log(
    `  floor, ${label} (${floor.work.length} keys that change nothing): work ${spread(floor.work)}; ` +
      `its frame, less the wait ${spread(floor.own)}; to the next frame p5 ${at(5)}, p50 ${at(50)}, p95 ${at(95)} ms`,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { data?: { type?: string; message?: string } };
}

/** The thread CPU time of each Enter: its keydown dispatch, and everything the page's main thread did from the key to its frame committed. */
interface EnterCpu {
  /** The keydown's dispatch: React's render and the layout the key timer forces. */
  key: number[];
  /** Every task of the main thread from the key's to the one that committed the next frame (style, layout, paint): the frame's own cost, less the wait for a core that another process holds. */
  frame: number[];
}

/** Traces CPU_ROUNDS rounds and gives the main thread's CPU time per Enter (see EnterCpu). */
async function enterCpuTimes(page: Page, round: (i: number) => Promise<void>): Promise<EnterCpu> {
  await page.evaluate(() => {
    (window as unknown as { timed: unknown }).timed = { event: 'keydown', bucket: 'traced' };
    window.addEventListener('keydown', (e) => e.key === 'Enter' && console.timeStamp('bench-enter'), true);
  });
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  // DevTools' own categories: the second one has the tasks and the frame's commit.
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  for (let i = 0; i < CPU_ROUNDS; i++) await round(i);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await keyTimes(page, 'traced');
  await page.evaluate(() => ((window as unknown as { timed: unknown }).timed = null));
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-enter');
  const within = (outer: TraceEvent, e: TraceEvent) => e.tid === outer.tid && e.ts >= outer.ts && e.ts <= outer.ts + outer.dur!;
  const keys = events
    .filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && e.tdur !== undefined)
    .filter((k) => marks.some((m) => within(k, m)));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts);
  const commits = events.filter((e) => e.name === 'Commit').sort((a, b) => a.ts - b.ts);
  const frame = keys.flatMap((k) => {
    const first = tasks.find((t) => within(t, k));
    const commit = commits.find((c) => c.tid === k.tid && c.ts > k.ts + k.dur!);
    const last = commit && tasks.find((t) => within(t, commit));
    if (!first || !last) return [];
    return [tasks.filter((t) => t.tid === k.tid && t.ts >= first.ts && t.ts <= last.ts).reduce((sum, t) => sum + t.tdur!, 0) / 1000];
  });
  return { key: keys.map((k) => k.tdur! / 1000), frame };
}

/** The traced CPU figures of the Enters. */
function reportCpu(label: string, cpu: EnterCpu): void {
  console.log(`  main-thread CPU per Enter${label} (traced, ${cpu.key.length} keys): ${beside(cpu.key, 16)}`);
  console.log(`  main-thread CPU from the Enter to its frame committed${label} (${cpu.frame.length} keys): ${beside(cpu.frame, 16)}`);
}

export async function run(): Promise<void> {
  // Another build may be measured against this one: BENCH_RENDERER_DIR=/path/to/out/renderer.
  const rendererDir = process.env.BENCH_RENDERER_DIR ?? RENDERER_DIR;
  const assets = join(rendererDir, 'assets');
  if (!existsSync(assets)) throw new Error('out/renderer is missing: run `npm run build` first');
  // The budget is what the editor loads before it can be used: the entry script and what index.html preloads.
  // Chunks loaded on demand (ECharts, with the 概览 or the 一图读懂) are printed beside it.
  const firstLoad = new Set(
    DomUtils.findAll(
      (e) => (e.name === 'script' && !!e.attribs.src) || (e.name === 'link' && e.attribs.rel === 'modulepreload'),
      parseDocument(readFileSync(join(rendererDir, 'index.html'), 'utf8')).children,
    ).map((e) => (e.attribs.src ?? e.attribs.href)!.split('/').pop()!),
  );
  const gzipOf = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gzip = gzipOf(scripts.filter((f) => firstLoad.has(f)));
  const onDemand = gzipOf(scripts.filter((f) => !firstLoad.has(f)));
  console.log(
    `renderer JS gzip, first load: ${(gzip / 1024).toFixed(1)} KB (goal ≤ 300 KB) ${gzip <= 300 * 1024 ? 'ok' : 'OVER GOAL'}; loaded on demand: ${(onDemand / 1024).toFixed(1)} KB`,
  );

  const seed = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  const opened = await openServices({ databasePath: join(mkdtempSync(join(tmpdir(), 'nianbao-bench-')), 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  const services = opened.value;
  // Last year's report too, so the continuity and repetition rules run as well.
  services.library.add({ ...seed.value, year: 2021 });
  const added = services.library.add(seed.value);
  if (!added.ok) throw new Error(added.error.message);
  const server = await startServer({ handlers: createHandlers(services), rendererDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: '余杭区统计局2022年政府信息公开工作年度报告' }).first().click();
    await page
      .getByRole('navigation', { name: '报告大纲' })
      .getByRole('button', { name: /三、收到和处理/ })
      .click();
    await installKeyTimer(page);

    // A cell: type a figure that breaks the 勾稽关系 (or mends it) and confirm with Enter; time the Enter.
    const errors = page.locator('td.mark-error');
    console.log(`machine before: ${load()}`);
    /**
     * Type into a cell and Enter, `rounds` times after the warm-up; the Enter is timed, and after it a key the grid ignores
     * (Shift), for the floor of the measure in the same page at the same moment. `pace` is the pause before the Enter:
     * none (the keys back to back, so the Enter mostly arrives just after the last digit's frame and waits a whole
     * refresh for the next), or a typist's (a fast one, 100 words a minute, is about 120 ms a key).
     */
    const enterRounds = async (rounds: number, pace = 0) => {
      for (let i = 0; i < WARMUP + rounds; i++) {
        await page.locator('td[data-cell="requests.received.natural"]').click();
        await page.keyboard.type(i % 2 === 0 ? '12' : '10');
        if (pace > 0) await page.waitForTimeout(pace);
        if (i < WARMUP) await page.keyboard.press('Enter');
        else await timedKey(page, 'Enter');
        // Not timed: the highlights really changed.
        await errors.first().waitFor({ state: i % 2 === 0 ? 'visible' : 'detached' });
        if (i >= WARMUP) await timedKey(page, 'Shift', 'floor');
      }
    };
    await enterRounds(ROUNDS);
    const floor = await keyTimes(page, 'floor');
    reportFloor('the table', floor);
    report('cell Enter → findings and highlights rendered', await keyTimes(page), 16, floor);
    // The same keys with the 概览 shown beside the table: its KPIs follow each key in the frame after the key's (as the
    // header's 定稿 and the outline's progress do, with the 检查结果 too), its charts when the page is idle after that.
    await page.getByRole('tab', { name: '概览' }).click();
    await page.locator('.chart svg').first().waitFor();
    await kpiTimes(page);
    await enterRounds(Math.ceil(ROUNDS / 3));
    const floorOverview = await keyTimes(page, 'floor');
    reportFloor('the table with the 概览 shown', floorOverview);
    report('cell Enter with the 概览 shown → highlights rendered', await keyTimes(page), 16, floorOverview);
    console.log(`  the KPIs it changed, drawn in the frame after: from the key ${spread(await kpiTimes(page))}`);
    await enterRounds(Math.ceil(ROUNDS / 3), TYPIST_PACE_MS);
    const floorPaced = await keyTimes(page, 'floor');
    report(
      `cell Enter with the 概览 shown, ${TYPIST_PACE_MS} ms after the last digit as a fast typist presses it`,
      await keyTimes(page),
      16,
      floorPaced,
    );
    await page.getByRole('tab', { name: '检查结果' }).click();
    console.log(`machine after: ${load()}`);
    // The same keys again under the browser's tracing, for the main thread's own CPU time: what this code costs, less the wait for a core that another process holds.
    const traced = async (i: number) => {
      await page.locator('td[data-cell="requests.received.natural"]').click();
      await page.keyboard.type(i % 2 === 0 ? '12' : '10');
      await page.keyboard.press('Enter');
      await errors.first().waitFor({ state: i % 2 === 0 ? 'visible' : 'detached' });
    };
    reportCpu('', await enterCpuTimes(page, traced));
    await page.getByRole('tab', { name: '概览' }).click();
    await page.locator('.chart svg').first().waitFor();
    reportCpu(' with the 概览 shown', await enterCpuTimes(page, traced));
    await page.getByRole('tab', { name: '检查结果' }).click();

    // A narrative: each character typed re-validates the whole report.
    await page
      .getByRole('navigation', { name: '报告大纲' })
      .getByRole('button', { name: /五、存在的主要问题/ })
      .click();
    const box = page.getByRole('textbox', { name: '五、存在的主要问题及改进情况' });
    await box.press('Control+End');
    await box.pressSequentially('本年度', { delay: 20 }); // warm-up, untimed
    await timed(page, 'input', () => box.pressSequentially('本年度新增了政务公开专栏的巡检制度共计十二项', { delay: 20 }));
    report('narrative character → findings rendered', await keyTimes(page), 16, floor);
  } finally {
    await browser.close();
    await server.close();
    await services.close();
  }
}
