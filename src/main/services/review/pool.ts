// Worker threads that each do one job at a time under a budget of their own:
// a heap limit (resourceLimits) and a time limit. A job that runs out of
// either is answered with the reason and its worker replaced, so one hostile
// file costs its own budget and never stalls or sinks the others.
import { Worker } from 'node:worker_threads';

/** What a worker runs: a script file, or a script's code as text. */
export type WorkerScript = { file: string } | { eval: string };

export interface Budget {
  /** Milliseconds one job may take. */
  timeMs: number;
  /** Megabytes of heap one worker may use. */
  memoryMb: number;
}

export type JobResult<R> = { ok: true; value: R } | { ok: false; reason: 'time' | 'memory' | 'crash'; detail: string };

interface Job<J, R> {
  input: J;
  resolve: (result: JobResult<R>) => void;
}

interface Slot<J, R> {
  worker: Worker;
  job?: Job<J, R>;
  timer?: NodeJS.Timeout;
}

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  private readonly queue: Job<J, R>[] = [];
  private closed = false;

  constructor(
    private readonly script: WorkerScript,
    private readonly size: number,
    private readonly budget: Budget,
    /** Given to every worker once, at its start (what all jobs share). */
    private readonly workerData?: unknown,
  ) {}

  /** Runs one job on the next free worker; never rejects. */
  run(input: J): Promise<JobResult<R>> {
    return new Promise((resolve) => {
      this.queue.push({ input, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker; jobs still queued are answered as crashed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason: 'crash', detail: 'closed' });
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot<J, R> {
    const options = {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 32 },
      workerData: this.workerData,
    };
    const worker = 'file' in this.script ? new Worker(this.script.file, options) : new Worker(this.script.eval, { ...options, eval: true });
    // A worker waiting for work must not keep the process alive once the caller is done with the pool.
    worker.unref();
    const slot: Slot<J, R> = { worker };
    worker.on('message', (value: R) => this.finish(slot, { ok: true, value }));
    worker.on('error', (err: Error & { code?: string }) =>
      this.fail(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', err.message),
    );
    worker.on('exit', (code) => this.fail(slot, 'crash', `exit ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot<J, R>, job: Job<J, R>): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.fail(slot, 'time', `${this.budget.timeMs} ms`), this.budget.timeMs);
    slot.worker.postMessage(job.input);
  }

  private finish(slot: Slot<J, R>, result: JobResult<R>): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    job.resolve(result);
    this.dispatch();
  }

  /** The worker's job ends with `reason`; the worker is replaced (a worker past its budget is not trusted with the next file). */
  private fail(slot: Slot<J, R>, reason: 'time' | 'memory' | 'crash', detail: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.finish(slot, { ok: false, reason, detail });
  }
}
