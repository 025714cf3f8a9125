// What to send to the library: the difference between the report as last
// saved and the report now, as one edit patch. Diffing (rather than logging
// actions) makes an undo, a quick fix and a burst of typing all the same kind
// of save, and a failed save is simply retried with everything still pending.
import type { EditPatch } from '../../../shared/api/contract';
import { identityProblem } from '../../../shared/model/identity';
import { changedCells, isUnread, markUnread, setCells, valueAt, type Report } from '../../../shared/model/report';
import { cellEntries } from '../../../shared/model/cells';
import { NARRATIVE_IDS } from '../../../shared/template/gov2021';

/** Metadata the library would refuse (an empty name, a year out of range) is left out until it is valid. */
export function metaProblem(report: Pick<Report, 'agency' | 'year'>): string | null {
  return identityProblem(report);
}

export function diffReports(saved: Report, current: Report): EditPatch | null {
  const patch: EditPatch = {};
  const changed = changedCells(saved, current);
  if (changed.length > 0) patch.cells = Object.fromEntries(changed.map((c) => [c.key, valueAt(current, c.key)]));
  // Cells newly marked unread (an import); a cell written is cleared by its entry in `cells`, or sent as written when its value stayed.
  if (saved.unread !== current.unread) {
    const marked = cellEntries(current.unread ?? {}).filter(([key, reason]) => saved.unread?.[key] !== reason);
    if (marked.length > 0) patch.unread = Object.fromEntries(marked);
    const cleared = cellEntries(saved.unread ?? {}).filter(([key]) => !isUnread(current, key) && !(key in (patch.cells ?? {})));
    if (cleared.length > 0) patch.cells = { ...patch.cells, ...Object.fromEntries(cleared.map(([key]) => [key, valueAt(current, key)])) };
  }
  const narratives: Partial<Record<(typeof NARRATIVE_IDS)[number], string>> = {};
  for (const n of NARRATIVE_IDS) if (saved.narratives[n] !== current.narratives[n]) narratives[n] = current.narratives[n];
  if (Object.keys(narratives).length > 0) patch.narratives = narratives;
  if (saved.explanations !== current.explanations) {
    const explanations: Record<string, string | null> = {};
    for (const id of new Set([...Object.keys(saved.explanations), ...Object.keys(current.explanations)])) {
      const before = saved.explanations[id];
      const after = current.explanations[id];
      if (before !== after) explanations[id] = after ?? null;
    }
    if (Object.keys(explanations).length > 0) patch.explanations = explanations;
  }
  const meta: NonNullable<EditPatch['meta']> = {};
  const metaValid = metaProblem(current) === null;
  if (metaValid && saved.agency !== current.agency) meta.agency = current.agency.trim();
  if (metaValid && saved.year !== current.year) meta.year = current.year;
  if (saved.level !== current.level) meta.level = current.level;
  // 落款, 成文日期 and the preamble: an emptied one is removed (null).
  for (const key of ['signature', 'date', 'preamble'] as const) {
    if ((saved[key] ?? '') !== (current[key] ?? '')) meta[key] = current[key] ? current[key] : null;
  }
  if (Object.keys(meta).length > 0) patch.meta = meta;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** The saved report after a patch went through: what the next diff starts from. */
export function applyPatch(saved: Report, patch: EditPatch): Report {
  const withCells = markUnread(setCells(saved, cellEntries(patch.cells ?? {})), cellEntries(patch.unread ?? {}));
  const explanations = { ...saved.explanations };
  for (const [id, text] of Object.entries(patch.explanations ?? {})) {
    if (text === null) delete explanations[id];
    else explanations[id] = text;
  }
  const { signature, date, preamble, ...identity } = patch.meta ?? {};
  const closing: Partial<Report> = { signature: saved.signature, date: saved.date, preamble: saved.preamble };
  for (const [key, value] of [
    ['signature', signature],
    ['date', date],
    ['preamble', preamble],
  ] as const) {
    if (value !== undefined) closing[key] = value || undefined;
  }
  return {
    ...withCells,
    ...identity,
    ...closing,
    narratives: { ...saved.narratives, ...patch.narratives },
    explanations,
  };
}
