// Which of the places a table was found in is read: where copies stand apart
// (上年/本年, two sheets) the copy that is this year's is taken, or none when
// nothing tells them apart and their figures differ; a fragment (a few
// labelled cells elsewhere, an empty form beside a filled one) is never a copy.
import type { CopyChoice } from '../../../shared/api/import';
import type { CellKey } from '../../../shared/model/cells';
import { isBlankLike, parseCellInput } from '../../../shared/model/report';
import { chooseCopy, isCopyMark, SAME_FIGURES, type Candidate, type CopyHint } from './copies';
import type { Place, TableCandidate } from './places';

/** A table candidate with what copy choice looks at. */
export interface Found extends Candidate, TableCandidate {
  /** The places of each cell whose labels are certain (two or more where a cell's labels occur twice). */
  byKey: Map<CellKey, Place[]>;
}

export function found(c: TableCandidate, all: readonly TableCandidate[]): Found {
  const byKey = new Map<CellKey, Place[]>();
  for (const b of c.blocks) {
    for (const p of b.places)
      if (p.options.length === 1) byKey.set(p.options[0]!.path.key, [...(byKey.get(p.options[0]!.path.key) ?? []), p]);
  }
  const columns = new Set<number>();
  for (const list of byKey.values())
    for (const p of list) if (p.grid === c.grid) for (let col = p.left; col <= p.right; col++) columns.add(col);
  const mark = markOf(c, all);
  return { ...c, byKey, columns, ...(mark ? { mark } : {}) };
}

/** A copy mark ("本年", "2023年") among the labels that govern this candidate's values and no other candidate's. */
function markOf(c: TableCandidate, all: readonly TableCandidate[]): string | undefined {
  const unitsOf = (x: TableCandidate) => new Set(x.blocks.flatMap((b) => b.places.flatMap((p) => p.positions.flatMap((q) => q.left))));
  const others = new Set(all.filter((x) => x !== c && x.table === c.table && x.grid === c.grid).flatMap((x) => [...unitsOf(x)]));
  for (const u of unitsOf(c)) if (!others.has(u) && u.exact.length === 0 && isCopyMark(u.text)) return u.text;
  return undefined;
}

/** How much of the table a candidate holds: placed cells, and more for cells with numbers. */
export function candidateScore(c: Found): number {
  let score = 0;
  for (const [p] of c.byKey.values()) {
    if (!p) continue;
    score += p.options[0]!.guesses.length === 0 ? 1 : 0.5;
    if (typeof parseCellInput(p.values[0]?.raw ?? null) === 'number') score += 1;
  }
  return score;
}

/** A copy holds most of what the best one holds; less is a fragment or a notes sheet. */
const COPY_SHARE = 0.6;
const WITH_UNIT = /^\d[\d,.]*\s*[件次个条项份宗起万元]+$/;

/**
 * How many of a candidate's places hold a value or could (a number, a
 * placeholder, nothing), so that a sparse copy counts in full and a notes
 * sheet's text does not; and how many hold a typed value (an empty form has none).
 */
function shapeOf(c: Found): { places: number; typed: number } {
  let places = 0;
  let typed = 0;
  for (const [p] of c.byKey.values()) {
    const v = parseCellInput(p?.values[0]?.raw ?? null);
    const written = typeof v === 'number' || (typeof v === 'string' && (isBlankLike(v) || WITH_UNIT.test(v)));
    if (written) typed++;
    if (written || v === null) places++;
  }
  return { places, typed };
}

function copiesAmong(candidates: readonly Found[]): Found[] {
  const byShape = [...candidates].sort((a, b) => shapeOf(b).places - shapeOf(a).places || candidateScore(b) - candidateScore(a));
  const largest = byShape[0] ? shapeOf(byShape[0]).places : 0;
  return byShape.filter((c) => shapeOf(c).places > 0 && shapeOf(c).places >= COPY_SHARE * largest);
}

function sameFigures(copies: readonly Found[]): boolean {
  const [first, ...rest] = copies;
  const valueOf = (c: Found, key: CellKey) => {
    const p = c.byKey.get(key)?.[0];
    if (!p) return undefined;
    const v = parseCellInput(p.values[0]?.raw ?? null);
    return isBlankLike(v) ? 0 : v;
  };
  return rest.every((c) => [...first!.byKey.keys()].every((k) => !c.byKey.has(k) || valueOf(c, k) === valueOf(first!, k)));
}

export interface Choice {
  taken?: Found;
  /** Candidates not taken: fragments and other copies. */
  others: Found[];
  /** The copies the choice was among (two or more), with their marks. */
  copies: Found[];
  marks: Map<Found, CopyHint>;
  copy?: CopyChoice;
  /** Why no copy was taken though the table was found. */
  undecided?: string;
}

/** The candidate read for one table. */
export function choose(candidates: readonly Found[], year: number | undefined, yearKnown: boolean): Choice {
  const ranked = candidates.filter((c) => c.byKey.size > 0).sort((a, b) => candidateScore(b) - candidateScore(a));
  const best = ranked[0];
  if (!best) return { others: [], copies: [], marks: new Map() };
  // Copies are told by their shape, not by how many numbers they hold: this
  // year's copy may be all dashes, or left empty, beside last year's full of numbers.
  let copies = copiesAmong(ranked);
  if (copies.length > 1 && copies.some((c) => shapeOf(c).typed === 0)) {
    // An empty form counts as a copy only where a mark says which copy is this year's.
    const marked = chooseCopy(copies, year, yearKnown, sameFigures(copies));
    if (!marked.taken || marked.choice?.reason === SAME_FIGURES) copies = copiesAmong(ranked.filter((c) => shapeOf(c).typed > 0));
  }
  if (copies.length <= 1) {
    const taken = copies[0] ?? best;
    return { taken, others: ranked.filter((c) => c !== taken), copies: [], marks: new Map() };
  }
  const decision = chooseCopy(copies, year, yearKnown, sameFigures(copies));
  const others = ranked.filter((c) => c !== decision.taken);
  return { taken: decision.taken, others, copies, marks: decision.marks, copy: decision.choice, undecided: decision.undecided };
}
