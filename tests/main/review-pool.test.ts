// The review's worker pool under budget: a job that never ends, one that eats
// the heap and one whose worker dies are each answered with the reason, and
// the jobs around them are done all the same. Real worker threads, real
// budgets (small ones, so the test is quick).
import { describe, expect, it } from 'vitest';
import { WorkerPool, type JobResult } from '../../src/main/services/review';

/** A worker that doubles numbers, batch by batch, counting each job as it starts; and misbehaves when told to. */
const SCRIPT = {
  eval: `
    const { parentPort, workerData } = require('node:worker_threads');
    parentPort.on('message', ({ jobs }) => {
      const out = [];
      for (const job of jobs) {
        Atomics.add(workerData.started, 0, 1);
        if (job === 'hang') for (;;) {}
        if (job === 'eat') { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(Math.random())); }
        if (job === 'die') process.exit(3);
        if (typeof job === 'string' && job.startsWith('sleep')) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(job.slice(5))); out.push(0); continue; }
        out.push(job * 2);
      }
      parentPort.postMessage(out);
    });`,
};

const shown = (results: JobResult<number>[]) => results.map((r) => (r.ok ? r.value : r.reason));

describe('the worker pool', () => {
  it('answers every job, each misbehaving one with its reason, without holding up the others', async () => {
    const pool = new WorkerPool<number | string, number>(SCRIPT, 2, { timeMs: 1500, memoryMb: 48 });
    try {
      const jobs: (number | string)[] = [1, 'hang', 2, 3, 'die', 4, 5];
      const results = await Promise.all(jobs.map((j) => pool.run(j)));
      expect(shown(results)).toEqual([2, 'time', 4, 6, 'crash', 8, 10]);
    } finally {
      await pool.close();
    }
  });

  it('ends a worker past its heap, whatever time it is given', async () => {
    const pool = new WorkerPool<number | string, number>(SCRIPT, 2, { timeMs: 120_000, memoryMb: 48 });
    try {
      const results = await Promise.all([1, 'eat', 2].map((j) => pool.run(j)));
      expect(shown(results)).toEqual([2, 'memory', 4]);
    } finally {
      await pool.close();
    }
  });

  it('gives each job of a batch its own budget: the hostile one is named, the others answered', async () => {
    const pool = new WorkerPool<number | string, number>(SCRIPT, 1, { timeMs: 1500, memoryMb: 48 });
    try {
      expect(shown(await pool.runBatch([1, 2, 'hang', 3, 'die', 4]))).toEqual([2, 4, 'time', 6, 'crash', 8]);
      expect(shown(await pool.runBatch(['eat', 5]))).toEqual(['memory', 10]);
      // Five jobs of 0.6 s each: the batch takes twice the budget, no job takes more than its own.
      expect(shown(await pool.runBatch(['sleep600', 'sleep600', 'sleep600', 'sleep600', 'sleep600', 6]))).toEqual([0, 0, 0, 0, 0, 12]);
    } finally {
      await pool.close();
    }
  });

  it('answers jobs still waiting when it is closed', async () => {
    const pool = new WorkerPool<number | string, number>(SCRIPT, 1, { timeMs: 60_000, memoryMb: 48 });
    const waiting = [pool.run('hang'), pool.run(1)];
    await new Promise((r) => setTimeout(r, 200));
    await pool.close();
    expect((await waiting[1]!).ok).toBe(false);
  });
});
