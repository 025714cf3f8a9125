// Worker threads that each do one job at a time under a budget of their own:
// a heap limit (resourceLimits) and a time limit. A job that runs out of
// either is answered with the reason and its worker replaced, so one hostile
// file costs its own budget and never stalls or sinks the others.
//
// Small jobs go in batches (`runBatch`): one message there and one back for
// many jobs, where a message each way per job cost more than a small job
// itself. The budget stays each job's own: the worker counts the jobs it
// starts in a shared counter, the pool watches it, and a job that holds the
// counter past its time, or is under way when the heap runs out, is the one
// answered with the reason; the rest of its batch is run again.
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What a worker runs: a script file, or a script's code as text. */
export type WorkerScript = { file: string } | { eval: string };

export interface Budget {
  /** Milliseconds one job may take. */
  timeMs: number;
  /** Megabytes of heap one worker may use. */
  memoryMb: number;
}

export type JobResult<R> = { ok: true; value: R } | { ok: false; reason: 'time' | 'memory' | 'crash'; detail: string };

/** What a worker is started with: the caller's data, and the counter of the jobs it has started. */
export interface PoolWorkerData {
  start: unknown;
  started: Int32Array;
}

/** A batch as it crosses to a worker; the answer is one result per job, in order. */
export interface PoolMessage<J> {
  jobs: readonly J[];
}

interface Pending<J, R> {
  input: J;
  resolve: (result: JobResult<R>) => void;
}

interface Slot<J, R> {
  worker: Worker;
  started: Int32Array;
  batch?: Pending<J, R>[];
  /** The counter when the batch was sent, and when it last moved (the job under way began then). */
  base: number;
  seen: number;
  seenAt: number;
  timer?: NodeJS.Timeout;
}

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  private readonly queue: Pending<J, R>[][] = [];
  private closed = false;

  constructor(
    private readonly script: WorkerScript,
    private readonly size: number,
    private readonly budget: Budget,
    /** Given to every worker once, at its start (what all jobs share): `workerStart()` in the worker. */
    private readonly workerData?: unknown,
  ) {}

  /** Runs one job on the next free worker; never rejects. */
  run(input: J): Promise<JobResult<R>> {
    return this.runBatch([input]).then((results) => results[0]!);
  }

  /** Runs jobs together on the next free worker, each under its own budget; one result per job, in order; never rejects. */
  runBatch(inputs: readonly J[]): Promise<JobResult<R>[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    const batch = inputs.map((input) => {
      let resolve!: (r: JobResult<R>) => void;
      const done = new Promise<JobResult<R>>((r) => (resolve = r));
      return { pending: { input, resolve }, done };
    });
    this.queue.push(batch.map((b) => b.pending));
    this.dispatch();
    return Promise.all(batch.map((b) => b.done));
  }

  /** Ends every worker; jobs still queued are answered as crashed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const batch of this.queue.splice(0)) for (const job of batch) job.resolve({ ok: false, reason: 'crash', detail: 'closed' });
    await Promise.all(this.slots.splice(0).map((s) => (clearInterval(s.timer), s.worker.terminate())));
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.batch);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot<J, R> {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const options = {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 32 },
      workerData: { start: this.workerData, started } satisfies PoolWorkerData,
    };
    const worker = 'file' in this.script ? new Worker(this.script.file, options) : new Worker(this.script.eval, { ...options, eval: true });
    // A worker waiting for work must not keep the process alive once the caller is done with the pool.
    worker.unref();
    const slot: Slot<J, R> = { worker, started, base: 0, seen: 0, seenAt: 0 };
    worker.on('message', (values: R[]) => this.finish(slot, values));
    worker.on('error', (err: Error & { code?: string }) =>
      this.fail(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', err.message),
    );
    worker.on('exit', (code) => this.fail(slot, 'crash', `exit ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot<J, R>, batch: Pending<J, R>[]): void {
    slot.batch = batch;
    slot.base = slot.seen = Atomics.load(slot.started, 0);
    slot.seenAt = performance.now();
    slot.worker.ref();
    // The counter is looked at a few times per budget: a job is ended between its budget and 1.25 × it.
    slot.timer = setInterval(() => this.watch(slot), Math.max(10, this.budget.timeMs / 4));
    slot.worker.postMessage({ jobs: batch.map((j) => j.input) } satisfies PoolMessage<J>);
  }

  /** Whether the job under way has held the counter past its time. */
  private watch(slot: Slot<J, R>): void {
    const now = Atomics.load(slot.started, 0);
    if (now !== slot.seen) {
      slot.seen = now;
      slot.seenAt = performance.now();
    } else if (performance.now() - slot.seenAt >= this.budget.timeMs) this.fail(slot, 'time', `${this.budget.timeMs} ms`);
  }

  private finish(slot: Slot<J, R>, values: R[]): void {
    const batch = this.release(slot);
    if (!batch) return;
    batch.forEach((job, i) => job.resolve({ ok: true, value: values[i]! }));
    this.dispatch();
  }

  /** The batch a worker had, and the worker free again. */
  private release(slot: Slot<J, R>): Pending<J, R>[] | undefined {
    const batch = slot.batch;
    clearInterval(slot.timer);
    slot.batch = undefined;
    slot.worker.unref();
    return batch;
  }

  /**
   * The job under way ends with `reason`, and the worker is replaced (a worker
   * past its budget is not trusted with the next file); the other jobs of its
   * batch go back to the front of the queue.
   */
  private fail(slot: Slot<J, R>, reason: 'time' | 'memory' | 'crash', detail: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const under = Math.max(0, Atomics.load(slot.started, 0) - slot.base - 1);
    void slot.worker.terminate();
    const batch = this.release(slot);
    if (batch) {
      const failed = Math.min(under, batch.length - 1);
      batch[failed]!.resolve({ ok: false, reason, detail });
      const rest = batch.filter((_, i) => i !== failed);
      if (rest.length > 0) this.queue.unshift(rest);
    }
    this.dispatch();
  }
}

/** In a pool's worker: the data the pool was given for every worker. */
export function workerStart(): unknown {
  return (workerData as PoolWorkerData | undefined)?.start;
}

/**
 * In a pool's worker: answers each batch, one job at a time, counting each
 * job as it starts (the pool's watch on its budget). `handle` answers every
 * job, an error included, and never rejects.
 */
export function serveJobs<J, R>(handle: (job: J) => Promise<R>): void {
  const { started } = workerData as PoolWorkerData;
  parentPort?.on('message', ({ jobs }: PoolMessage<J>) => {
    void (async () => {
      const results: R[] = [];
      for (const job of jobs) {
        Atomics.add(started, 0, 1);
        results.push(await handle(job));
      }
      parentPort!.postMessage(results);
    })();
  });
}
