// Quick fixes that change words: a stated number replaced by the table's, a
// half-width comma made full-width, a doubled word taken out. An edit names
// the characters it replaces and what they read when the finding was made;
// one whose words have changed since (the author typed meanwhile) is not made.
import type { Report } from '../model/report';
import type { TextEdit, TextId } from './types';

function textOf(report: Report, id: TextId): string {
  return (id === 'preamble' ? report.preamble : report.narratives[id]) ?? '';
}

/** The report with the edits made, each text edited from its end so that earlier offsets stay true; overlapping or stale edits are left out. */
export function applyTextEdits(report: Report, edits: readonly TextEdit[]): { report: Report; applied: TextEdit[] } {
  const byText = new Map<TextId, TextEdit[]>();
  for (const e of edits) byText.set(e.text, [...(byText.get(e.text) ?? []), e]);
  let next = report;
  const applied: TextEdit[] = [];
  for (const [id, list] of byText) {
    const original = textOf(report, id);
    let text = original;
    let limit = Infinity;
    for (const e of [...list].sort((a, b) => b.start - a.start)) {
      if (e.end > limit || e.start < 0 || e.start > e.end || original.slice(e.start, e.end) !== e.was) continue;
      text = text.slice(0, e.start) + e.value + text.slice(e.end);
      limit = e.start;
      applied.push(e);
    }
    if (text === original) continue;
    next = id === 'preamble' ? { ...next, preamble: text } : { ...next, narratives: { ...next.narratives, [id]: text } };
  }
  return { report: next, applied: applied.reverse() };
}
