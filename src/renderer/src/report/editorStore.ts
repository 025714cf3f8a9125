// The open report: its values, the undo history across the whole report, the
// totals mode of each table, where the author is, and the save in progress
// (its state here, its workings in saveQueue.ts). Findings are not kept here:
// they are derived from `report` (findings.ts).
import { create } from 'zustand';
import type { AuthorStatus, OpenedReport, ReportStatus, ReportSummary } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { parseCellInput, setCells, valueAt, type CellValue, type Report } from '../../../shared/model/report';
import { MAX_SECTION_CHARS } from '../../../shared/model/limits';
import { applyFix } from '../../../shared/rules/engine';
import { fixAll, type AppliedFix } from '../../../shared/rules/fix-all';
import type { Finding, TextSpan } from '../../../shared/rules/types';
import { overviewBoxes } from '../../../shared/document/overview';
import { TABLE_IDS, type NarrativeId, type SectionId, type TableId } from '../../../shared/template/gov2021';
import { keepMarks, type MarksOf } from './findings';
import { createSaveQueue, NOTHING_SAVED, type Remote, type SaveSlice } from './saveQueue';
import { TOTAL_CELLS } from '../../../shared/rules/totals';
import { recomputeTotals, totalsConsistent } from './autoTotals';
import { isLocked } from '../../../shared/model/status';

/**
 * Where an edit happened, so that undo and a click on a finding can bring the author back to it.
 * `select`: words to mark in the box (offsets within the box's text); `span`: a finding's words as
 * offsets into the whole text, which `goTo` turns into the box and `select`.
 */
export type Place = {
  section: SectionId;
  cell?: CellKey;
  part?: number;
  finding?: string;
  select?: { start: number; end: number };
  span?: TextSpan;
  /** The opening paragraph before 一、总体情况 (the preamble), not a box of a section. */
  preamble?: boolean;
};

interface HistoryEntry {
  report: Report;
  place: Place;
}

export interface Selection {
  table: TableId;
  active: CellKey;
  anchor: CellKey;
}

export interface EditorState extends SaveSlice {
  report: Report | null;
  previous: Report | null;
  status: ReportStatus;
  /** Per table: totals typed by hand (true) or computed from their parts (false). */
  manualTotals: Record<TableId, boolean>;
  section: SectionId;
  selection: Selection | null;
  /** The text of the cell being typed into, not yet committed. */
  draft: { key: CellKey; text: string } | null;
  /** A request to move keyboard focus, honoured by the editor showing that place. */
  focus: { place: Place; nonce: number } | null;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The last edit that may continue as the same undo step (typing into one box), and when. */
  lastTyped: { key: string; at: number } | null;
  /** The last text refused for being over MAX_SECTION_CHARS: which section, how long it would have been. */
  overlong: { id: NarrativeId; part?: number; length: number } | null;
  /** The library can only be read (a read-only file or disk): nothing is changed here, the page says why. */
  readOnly: boolean;
  /** Each grid cell's mark in a report version, kept by this store so that a cell whose mark stayed keeps its object. */
  marksOf: MarksOf;

  /** `readOnly`: the library can only be read (AppInfo.readOnly). */
  load: (opened: OpenedReport, remote: Remote, options?: { readOnly?: boolean }) => void;
  setCells: (changes: readonly (readonly [CellKey, string | CellValue])[], place: Place) => { manualSwitched: TableId[] };
  setNarrative: (id: NarrativeId, text: string, part?: number) => void;
  setExplanation: (findingId: string, text: string, section: SectionId) => void;
  setMeta: (meta: Partial<Pick<Report, 'agency' | 'year' | 'level' | 'signature' | 'date' | 'preamble'>>) => void;
  fix: (finding: Finding) => void;
  /** 全部修正: every unambiguous quick fix as one undo step; says which were applied. */
  fixAll: () => readonly AppliedFix[];
  setManualTotals: (table: TableId, manual: boolean) => void;
  undo: () => void;
  redo: () => void;
  goTo: (place: Place) => void;
  select: (selection: Selection | null) => void;
  setDraft: (draft: { key: CellKey; text: string } | null) => void;
  commitDraft: () => void;
  /**
   * Sends what is pending now; `includeDraft` also takes the cell being typed
   * into (leaving the page, Ctrl+S); `keepBefore` asks the library to keep the
   * version before this save (an import), with it in one transaction.
   */
  flush: (options?: { includeDraft?: boolean; keepBefore?: 'replace' }) => Promise<void>;
  setStatus: (status: AuthorStatus) => Promise<Result<ReportSummary> | null>;
  /** After a conflict: the report as the library has it now, this window's unsaved changes dropped. */
  reload: () => Promise<void>;
}

/** A finding's words as a place: the box that holds them (in 一, one of its parts) and the words within it. */
function placeOfSpan(place: Place, span: TextSpan, report: Report | null): Place {
  const { span: _span, ...rest } = place;
  if (span.text === 'preamble') return { ...rest, section: 'overview', preamble: true, select: { start: span.start, end: span.end } };
  if (span.text !== 'overview' || !report) return { ...rest, section: span.text, select: { start: span.start, end: span.end } };
  const boxes = overviewBoxes(report.narratives.overview);
  const box = [...boxes].reverse().find((b) => b.start <= span.start) ?? boxes[0]!;
  const part = box.part === 0 ? undefined : box.part;
  return {
    ...rest,
    section: 'overview',
    ...(part !== undefined ? { part } : {}),
    select: { start: span.start - box.start, end: Math.min(span.end, box.end) - box.start },
  };
}

/** Keystrokes into the same box within this time are one undo step, as in a word processor. */
const COALESCE_MS = 1500;
const HISTORY_LIMIT = 500;

let nonce = 0;

/** The editor with no report open; opening one starts from here too (no selection, history or pending save). */
const NOTHING_OPEN = {
  report: null,
  previous: null,
  status: '草稿',
  manualTotals: { proactive: false, requests: false, appeals: false },
  section: 'overview',
  selection: null,
  draft: null,
  focus: null,
  past: [],
  future: [],
  lastTyped: null,
  overlong: null,
  readOnly: false,
  ...NOTHING_SAVED,
} satisfies Partial<EditorState>;

export const useEditor = create<EditorState>((set, get) => {
  const saving = createSaveQueue({
    get,
    set,
    saved: async (patch, summary, remote) => {
      set({ status: summary.status });
      // Another year or body: the continuity rules now compare with another last year's report, or none.
      if (patch.meta?.year !== undefined || patch.meta?.agency !== undefined) await reloadPrevious(remote);
    },
  });

  /**
   * Tables whose totals disagree with their parts keep what was typed until
   * the author recomputes: on opening a report, and when undo or redo brings
   * such totals back (`alreadyManual` keeps a switch the author set).
   */
  function typedTotals(report: Report, alreadyManual?: Record<TableId, boolean>): Record<TableId, boolean> {
    return Object.fromEntries(TABLE_IDS.map((t) => [t, !!alreadyManual?.[t] || !totalsConsistent(report, t)])) as Record<TableId, boolean>;
  }

  /** Replaces the report as one user action: pushes an undo step (unless it continues the last one) and schedules the save. */
  function commit(next: Report, place: Place, coalesceKey?: string) {
    const { report, past, status, readOnly, lastTyped } = get();
    // The library refuses edits to a final report or a read-only library: the page says so, and nothing is changed here either.
    if (!report || next === report || isLocked(status) || readOnly) return;
    const now = Date.now();
    const continues = coalesceKey !== undefined && lastTyped?.key === coalesceKey && now - lastTyped.at < COALESCE_MS;
    set({
      report: next,
      past: continues ? past : [...past, { report, place }].slice(-HISTORY_LIMIT),
      future: [],
      lastTyped: coalesceKey === undefined ? null : { key: coalesceKey, at: now },
    });
    saving.schedule();
  }

  /** Saves go one at a time and wait for this, so the reload after the latest change of year or name is the last to land. */
  async function reloadPrevious(remote: Remote) {
    const res = await remote.reopen();
    // A failed reload leaves last year's report as it was; the next open of the report finds the right one.
    if (!res.ok || get().remote !== remote) return;
    set({ previous: res.value.previous });
  }

  /** Which tables an edit of these cells touches, in auto-totals mode. */
  function autoTables(keys: Iterable<CellKey>): TableId[] {
    const manual = get().manualTotals;
    const tables = new Set<TableId>();
    for (const key of keys) {
      const table = cellDef(key)!.table;
      if (!manual[table]) tables.add(table);
    }
    return [...tables];
  }

  return {
    ...NOTHING_OPEN,
    marksOf: keepMarks(),

    load: (opened, remote, options) => {
      saving.reset();
      set({
        ...NOTHING_OPEN,
        remote,
        saved: { report: opened.report, revision: opened.summary.revision },
        report: opened.report,
        previous: opened.previous,
        status: opened.summary.status,
        manualTotals: typedTotals(opened.report),
        readOnly: !!options?.readOnly,
      });
    },

    setCells: (changes, place) => {
      const { report, manualTotals } = get();
      if (!report) return { manualSwitched: [] };
      const parsed = changes.map(([key, raw]) => [key, typeof raw === 'string' ? parseCellInput(raw) : raw] as const);
      let next = setCells(report, parsed);
      const tables = autoTables(parsed.map(([k]) => k));
      const recomputed = recomputeTotals(next, tables);
      // Totals pasted that disagree with their parts are kept as written: the table switches to manual totals.
      const typedTotals = parsed.filter(([key, value]) => TOTAL_CELLS.has(key) && value !== null);
      const manualSwitched = tables.filter((t) =>
        typedTotals.some(([key, value]) => cellDef(key)!.table === t && valueAt(recomputed, key) !== value),
      );
      if (manualSwitched.length > 0) {
        set({ manualTotals: { ...manualTotals, ...Object.fromEntries(manualSwitched.map((t) => [t, true])) } });
        next = recomputeTotals(
          next,
          tables.filter((t) => !manualSwitched.includes(t)),
        );
      } else next = recomputed;
      commit(next, place);
      return { manualSwitched };
    },

    setNarrative: (id, text, part) => {
      const { report, overlong } = get();
      if (!report || report.narratives[id] === text) return;
      // Past the limit only shortening is taken (a text stored before the limit can still be cut down).
      if (text.length > MAX_SECTION_CHARS && text.length >= report.narratives[id].length) {
        set({ overlong: { id, part, length: text.length } });
        return;
      }
      if (overlong?.id === id) set({ overlong: null });
      commit({ ...report, narratives: { ...report.narratives, [id]: text } }, { section: id, part }, `narrative:${id}:${part ?? ''}`);
    },

    setExplanation: (findingId, text, section) => {
      const { report } = get();
      if (!report) return;
      const explanations = { ...report.explanations };
      if (text === '') delete explanations[findingId];
      else explanations[findingId] = text;
      commit({ ...report, explanations }, { section, finding: findingId }, `explanation:${findingId}`);
    },

    setMeta: (meta) => {
      const { report } = get();
      if (!report) return;
      const field = Object.keys(meta).join(',');
      commit({ ...report, ...meta, level: meta.level ?? report.level }, { section: get().section }, `meta:${field}`);
    },

    fix: (finding) => {
      const { report } = get();
      if (!report || !finding.fix) return;
      const next = applyFix(report, finding.fix);
      commit(recomputeTotals(next, autoTables(finding.fix.changes.map((c) => c.cell))), {
        section: finding.section,
        cell: finding.cells[0],
      });
    },

    fixAll: () => {
      const { report, previous, section } = get();
      if (!report) return [];
      const out = fixAll(report, { previous }, (next, changed) => recomputeTotals(next, autoTables(changed)));
      // Undo brings the author back to where they clicked, not to one of the many cells changed.
      if (out.applied.length > 0) commit(out.report, { section });
      return out.applied;
    },

    setManualTotals: (table, manual) => {
      const { report, manualTotals } = get();
      if (!report) return;
      set({ manualTotals: { ...manualTotals, [table]: manual } });
      // Back to computed totals: recompute now, as one step the author can undo.
      if (!manual) commit(recomputeTotals(report, [table]), { section: table });
    },

    undo: () => {
      const { past, future, report, status } = get();
      const entry = past.at(-1);
      // A final report is read-only: undo would show what the library refuses to store.
      if (!entry || !report || isLocked(status)) return;
      set({
        report: entry.report,
        past: past.slice(0, -1),
        future: [...future, { report, place: entry.place }],
        lastTyped: null,
        draft: null,
        manualTotals: typedTotals(entry.report, get().manualTotals),
      });
      get().goTo(entry.place);
      saving.schedule();
    },

    redo: () => {
      const { past, future, report, status } = get();
      const entry = future.at(-1);
      if (!entry || !report || isLocked(status)) return;
      set({
        report: entry.report,
        future: future.slice(0, -1),
        past: [...past, { report, place: entry.place }],
        lastTyped: null,
        draft: null,
        manualTotals: typedTotals(entry.report, get().manualTotals),
      });
      get().goTo(entry.place);
      saving.schedule();
    },

    goTo: (target) => {
      get().commitDraft();
      const place = target.span ? placeOfSpan(target, target.span, get().report) : target;
      const selection = place.cell ? { table: cellDef(place.cell)!.table, active: place.cell, anchor: place.cell } : get().selection;
      set({ section: place.section, selection, focus: { place, nonce: ++nonce } });
    },

    select: (selection) => set({ selection }),

    setDraft: (draft) => set({ draft }),

    commitDraft: () => {
      const { draft, report } = get();
      if (!draft || !report) return;
      set({ draft: null });
      if (parseCellInput(draft.text) !== valueAt(report, draft.key))
        get().setCells([[draft.key, draft.text]], { section: cellDef(draft.key)!.table, cell: draft.key });
    },

    flush: async (options) => {
      // A timed save leaves the cell being typed into alone: committing it would cut the author's typing short.
      if (options?.includeDraft) get().commitDraft();
      await saving.flush(options?.keepBefore);
    },

    setStatus: async (status) => {
      await get().flush();
      const { remote } = get();
      if (!remote) return null;
      const res = await remote.setStatus(status);
      const { saved } = get();
      // The status change is a revision of its own: the next edit is made on it.
      if (res.ok && saved && get().remote === remote) set({ status: res.value.status, saved: { ...saved, revision: res.value.revision } });
      return res;
    },

    reload: async () => {
      const { remote } = get();
      if (!remote) return;
      const res = await remote.reopen();
      if (!res.ok) return set({ save: { kind: 'conflict', message: res.error.message } });
      if (get().remote !== remote) return;
      // The author stays where they were.
      const { section, readOnly } = get();
      get().load(res.value, remote, { readOnly });
      set({ section });
    },
  };
});
