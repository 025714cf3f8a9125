// Saving the open report: edits go to the library a moment after the author
// pauses (and at least every SAVE_MAX_WAIT_MS while they keep typing), in the
// page's idle time after a frame, one save at a time and in order; a failed save is retried, and a conflict (the
// report saved elsewhere meanwhile) stops saving until the report is loaded
// again. What is sent is the difference between the report as the library
// has it and the report now (saveDiff.ts), so an undo, a quick fix and a burst
// of typing are the same kind of save, and a retry carries everything pending.
//
// Its state (what was saved, its revision, the word shown to the author) is
// a slice of the editor store; the queue keeps only the timer and the save in
// flight, which nothing renders.
import type { AuthorStatus, EditPatch, OpenedReport, ReportSummary } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { Report } from '../../../shared/model/report';
import { whenIdle } from '../common/idle';
import { applyPatch, diffReports } from './saveDiff';

export const SAVE_DELAY_MS = 300;
/** Continuous typing still reaches the disk at least this often. */
export const SAVE_MAX_WAIT_MS = 2000;
export const RETRY_MS = 5000;
/** A save due waits for the page to be idle, so a keystroke's frame never waits for it; at most this long. */
const IDLE_WAIT_MS = 500;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string }
  /** Saved elsewhere meanwhile (another window or tab): nothing more is sent until the report is loaded again. */
  | { kind: 'conflict'; message: string };

/** How the editor reaches the library: the report's edit, status and open calls of the API. */
export interface Remote {
  /**
   * `revision`: the report's revision the patch was made on; the library refuses it when another window saved since.
   * `keepBefore`: the library keeps the report as it stood as a version, in the same transaction as the patch.
   */
  edit: (patch: EditPatch, revision: number, keepBefore?: 'replace') => Promise<Result<ReportSummary>>;
  setStatus: (status: AuthorStatus) => Promise<Result<ReportSummary>>;
  /** The report opened again: after its 年度 or 机关名称 changed, last year's report is another one (or none). */
  reopen: () => Promise<Result<OpenedReport>>;
}

/** The saving's part of the editor store. */
export interface SaveSlice {
  /** The report as the author has it now: what is to be saved. */
  report: Report | null;
  save: SaveState;
  remote: Remote | null;
  /** The report as the library has it, which the next patch is the difference from, and its revision there. */
  saved: { report: Report; revision: number } | null;
  /** A version to keep with the next save that gets through (an import's); kept across a failed save and its retry. */
  keepBefore: 'replace' | undefined;
}

/** The slice with no report open. */
export const NOTHING_SAVED = {
  save: { kind: 'saved' },
  remote: null,
  saved: null,
  keepBefore: undefined,
} satisfies Omit<SaveSlice, 'report'>;

export interface SaveQueue {
  /** The report changed: save it once the author pauses. */
  schedule(): void;
  /** Sends what is pending now, after the save in flight; `keepBefore` goes with the next save that gets through. */
  flush(keepBefore?: 'replace'): Promise<void>;
  /** Another report (or the same, loaded again) is open: the timer and the save in flight belong to the one before. */
  reset(): void;
}

export interface SaveHost {
  get: () => SaveSlice;
  set: (partial: Partial<SaveSlice>) => void;
  /**
   * A patch went through. Awaited before the next save is sent, so that what
   * it starts (reloading last year's report after a change of 年度) lands in
   * the order of the saves.
   */
  saved: (patch: EditPatch, summary: ReportSummary, remote: Remote) => Promise<void>;
}

export function createSaveQueue(host: SaveHost): SaveQueue {
  const { get, set } = host;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt = 0;
  let inFlight: Promise<void> | null = null;
  /** Counts resets: a save's answer arriving after one belongs to the report open before it. */
  let opened = 0;

  function stopTimer() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function schedule() {
    const { remote, save } = get();
    // After a conflict nothing is sent (nor said to be on its way) until the author has loaded the other version.
    if (!remote || save.kind === 'conflict') return;
    if (save.kind !== 'pending') set({ save: { kind: 'pending' } });
    const now = Date.now();
    if (!timer) firstPendingAt = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(SAVE_DELAY_MS, firstPendingAt + SAVE_MAX_WAIT_MS - now));
    timer = setTimeout(() => whenIdle(() => void flush(), IDLE_WAIT_MS, 0), wait);
  }

  async function sendOnce(): Promise<void> {
    const { report, saved, remote, keepBefore, save } = get();
    if (!report || !saved || !remote) return;
    const patch = diffReports(saved.report, report);
    if (!patch) return set({ save: { kind: 'saved' } });
    if (save.kind === 'conflict') return;
    const sentFor = opened;
    const res = await remote.edit(patch, saved.revision, keepBefore);
    // Another report was opened (or this one loaded again) while this save travelled: its answer is not for the new one.
    if (sentFor !== opened) return;
    if (res.ok) {
      // Only the request that carried it took the version; one asked for while this save travelled waits for the next.
      set({
        saved: { report: applyPatch(get().saved!.report, patch), revision: res.value.revision },
        ...(keepBefore ? { keepBefore: undefined } : {}),
      });
      await host.saved(patch, res.value, remote);
      if (sentFor !== opened) return;
      // Edits made while this save travelled go in the next one.
      const { report: now, saved: after } = get();
      if (now && after && diffReports(after.report, now)) schedule();
      else set({ save: { kind: 'saved' } });
    } else if (res.error.code === 'conflict') {
      // Never written over the other window's save: the author decides, after loading it.
      set({ save: { kind: 'conflict', message: res.error.message } });
    } else {
      set({ save: { kind: 'failed', message: res.error.message } });
      // A library that can only be read will not take it in five seconds either.
      if (res.error.code !== 'read_only') timer = setTimeout(() => void flush(), RETRY_MS);
    }
  }

  async function flush(keepBefore?: 'replace'): Promise<void> {
    if (keepBefore) set({ keepBefore });
    stopTimer();
    // One save at a time, in order; a flush during a save waits for it and sends what is left.
    while (inFlight) await inFlight;
    const sending = sendOnce().finally(() => {
      if (inFlight === sending) inFlight = null;
    });
    inFlight = sending;
    await sending;
  }

  function reset() {
    stopTimer();
    inFlight = null;
    opened++;
  }

  return { schedule, flush, reset };
}
