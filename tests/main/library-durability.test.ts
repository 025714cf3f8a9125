// A writer process is killed with SIGKILL at random moments, 100 times: from
// its start (opening, migrating, the opening backup) to the middle of its
// saves. After every kill the file must open without recovery, pass
// integrity_check, and hold every save the writer acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { valueAt } from '../../src/shared/model/report';
import { openLibrary } from '../../src/main/services/library';
import { open, seedReport, tempDir, value, type TempDir } from './helpers/library';

const KILLS = 100;
/** Writers starting ahead of their turn. */
const WARM = 2;
let tmp: TempDir;
let writerScript: string;
let reportId: number;

beforeAll(async () => {
  tmp = tempDir('nianbao-durability-');
  // Bundled once to plain JavaScript: starting tsx 100 times would take over a
  // minute on its own; the code under test is the same.
  writerScript = join(tmp.dir, 'library-writer.cjs');
  await build({
    entryPoints: [join(__dirname, 'helpers', 'library-writer.ts')],
    outfile: writerScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  const { library } = await open(tmp.dbPath);
  reportId = value(library.add(seedReport())).id;
  library.close();
});

afterAll(() => tmp.remove());

/** Deterministic, so a failing run can be replayed from the seed in its message. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  acked: string[];
  stderr: string;
}

type Moment = 'opening' | 'ready' | 'ack';

/**
 * A writer started ahead of its turn: Node and better-sqlite3 load while the
 * previous run is checked, so the test's time goes to killing, not starting.
 */
class Writer {
  private readonly child: ChildProcessWithoutNullStreams;
  private out = '';
  private stderr = '';
  private readonly closed: Promise<void>;

  constructor() {
    this.child = spawn(process.execPath, [writerScript, tmp.dbPath, String(reportId)], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
    });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.out += chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.closed = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', () => resolve());
    });
  }

  /** Ends a writer that never got its turn. */
  async discard(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.closed;
  }

  /** Lets it open and save, and kills it `delay` ms after it first prints `moment`. */
  async runAndKill(tag: string, moment: Moment, delay: number): Promise<Run> {
    let timer: NodeJS.Timeout | undefined;
    const watch = () => {
      if (!timer && this.out.includes(moment)) timer = setTimeout(() => this.child.kill('SIGKILL'), delay);
    };
    this.child.stdout.on('data', watch);
    this.child.stdin.write(`${tag}\n`);
    await this.closed;
    clearTimeout(timer);
    // Only whole lines count: a line cut by the kill was never fully acknowledged.
    const acked = this.out
      .split('\n')
      .slice(0, -1)
      .filter((l) => l.startsWith('ack '))
      .map((l) => l.slice(4));
    return { acked, stderr: this.stderr };
  }
}

function integrityCheck(path: string): string {
  const db = new Database(path);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

describe('durability', () => {
  it(`keeps every acknowledged save through ${KILLS} SIGKILLs at random moments`, async () => {
    const seed = Date.now();
    const rand = random(seed);
    const everAcked = new Set<string>();
    let killedWhileSaving = 0;

    const warm = Array.from({ length: WARM }, () => new Writer());
    try {
      for (let i = 0; i < KILLS; i++) {
        const tag = `r${i}`;
        const writer = warm.shift()!;
        warm.push(new Writer());
        const p = rand();
        // While opening (integrity check, opening backup), before the first save, or amid saves.
        const moment: Moment = p < 0.2 ? 'opening' : p < 0.3 ? 'ready' : 'ack';
        const run = await writer.runAndKill(tag, moment, Math.floor(rand() * (moment === 'ack' ? 40 : 25)));
        const where = `kill ${i} (seed ${seed})`;
        expect(run.stderr, where).toBe('');
        if (run.acked.length > 0) killedWhileSaving++;
        run.acked.forEach((a) => everAcked.add(a));

        expect(integrityCheck(tmp.dbPath), where).toBe('ok');
        // Not waiting for the opening backup: the writer's own opening backups are killed often enough.
        const opened = openLibrary(tmp.dbPath);
        if (!opened.ok) throw new Error(`${where}: ${opened.error.message}`);
        const { library, recovery } = opened.value;
        expect(recovery, where).toBeUndefined();
        const stored = value(library.get(reportId));
        library.close();

        const missing = [...everAcked].filter((a) => !(a in stored.report.explanations));
        expect(missing, where).toEqual([]);
        const lastAcked = run.acked.length - 1;
        if (lastAcked >= 0) {
          // The last acknowledged save, or the one after it that committed before its acknowledgement was printed.
          const saved = valueAt(stored.report, 'requests.received.natural') as number;
          expect([lastAcked, lastAcked + 1], where).toContain(saved);
          expect(stored.report.narratives.overview, where).toBe(`${tag} 第 ${saved} 次保存`);
        }
      }
    } finally {
      await Promise.all(warm.map((w) => w.discard()));
    }
    // The test means something only if many kills hit a writer in the middle of its saves.
    expect(killedWhileSaving).toBeGreaterThan(KILLS / 2);
    expect(everAcked.size).toBeGreaterThan(KILLS);
  }, 120_000);
});
