// From every place that looks like a table to the one read: candidates are
// gathered from the grids as written and, where a table is not found whole,
// from the grids read across (items as columns); duplicates of one place are
// dropped; and where copies stand apart (上年/本年, two sheets) the copy that is
// this year's is taken, or none when nothing tells them apart.
import type { CopyChoice } from '../../../shared/api/import';
import { CELLS, type CellKey } from '../../../shared/model/cells';
import { isBlankLike, parseCellInput } from '../../../shared/model/report';
import { TABLE_IDS, type TableId } from '../../../shared/template/gov2021';
import { candidateScore, type Candidate } from './candidate';
import { chooseCopy, SAME_FIGURES, type CopyHint } from './copies';
import { findAppeals } from './find-appeals';
import { findProactive } from './find-proactive';
import { findRequests } from './find-requests';
import { transposeGrid, type Grid } from './grid';

const FINDERS: Record<TableId, (grid: Grid) => Candidate[]> = {
  proactive: findProactive,
  requests: findRequests,
  appeals: findAppeals,
};

const CELL_COUNT = Object.fromEntries(TABLE_IDS.map((t) => [t, CELLS.filter((c) => c.table === t).length])) as Record<TableId, number>;
/** A copy holds most of what the best one holds; less is a fragment or a notes sheet. */
const COPY_SHARE = 0.6;

export interface Gathered {
  all: Record<TableId, Candidate[]>;
  /** The grid each transposed grid was read across from. */
  origin: Map<Grid, Grid>;
}

/** Every candidate of every table; transposed grids are read only for tables not found whole. */
export function gather(grids: readonly Grid[]): Gathered {
  const all = Object.fromEntries(TABLE_IDS.map((t) => [t, grids.flatMap(FINDERS[t])])) as Record<TableId, Candidate[]>;
  const origin = new Map<Grid, Grid>();
  const partial = TABLE_IDS.filter((t) => !all[t].some((c) => c.placements.size === CELL_COUNT[t]));
  if (partial.length > 0) {
    const turned = grids.map((g) => {
      const t = transposeGrid(g);
      origin.set(t, g);
      return t;
    });
    for (const t of partial) for (const c of turned.flatMap(FINDERS[t])) all[t].push(c);
  }
  for (const t of TABLE_IDS) all[t] = all[t].filter((c) => candidateScore(c) > 0);
  return { all, origin };
}

/** A candidate's cells in the source's own terms, to tell one place from another. */
function sourceCells(c: Candidate): Set<string> {
  return new Set([...c.placements.values()].map((p) => c.grid.at(p.r, p.c)?.address ?? `${p.r},${p.c}`));
}

function sourceOf(c: Candidate, origin: Map<Grid, Grid>): Grid {
  return origin.get(c.grid) ?? c.grid;
}

/** Two readings of one place (they share a value cell), as against two copies (上年 and 本年 rows under one header). */
function overlaps(a: Candidate, b: Candidate, origin: Map<Grid, Grid>): boolean {
  if (sourceOf(a, origin) !== sourceOf(b, origin)) return false;
  const cells = sourceCells(a);
  for (const x of sourceCells(b)) if (cells.has(x)) return true;
  return false;
}

const WITH_UNIT = /^\d[\d,.]*\s*[件次个条项份宗起万元]+$/;

/**
 * How many of a candidate's places hold a value or could (a number, a
 * placeholder, nothing), so that a sparse copy counts in full and a notes
 * sheet's text does not; and how many hold a typed value (an empty form has none).
 */
function shapeOf(c: Candidate): { places: number; typed: number } {
  let places = 0;
  let typed = 0;
  for (const p of c.placements.values()) {
    const cell = c.grid.at(p.r, p.c);
    const v = parseCellInput(cell?.master ? null : (cell?.raw ?? null));
    const written = typeof v === 'number' || (typeof v === 'string' && (isBlankLike(v) || WITH_UNIT.test(v)));
    if (written) typed++;
    if (written || v === null) places++;
  }
  return { places, typed };
}

/** Copies: places like the largest, not overlapping one another. */
function copiesAmong(candidates: readonly Candidate[], origin: Map<Grid, Grid>): Candidate[] {
  const byShape = [...candidates].sort((a, b) => shapeOf(b).places - shapeOf(a).places || candidateScore(b) - candidateScore(a));
  const copies: Candidate[] = [];
  for (const c of byShape) {
    if (shapeOf(c).places === 0 || shapeOf(c).places < COPY_SHARE * shapeOf(byShape[0]!).places) break;
    if (!copies.some((x) => overlaps(x, c, origin))) copies.push(c);
  }
  return copies;
}

function sameFigures(copies: readonly Candidate[]): boolean {
  const [first, ...rest] = copies;
  const valueOf = (c: Candidate, key: CellKey) => {
    const p = c.placements.get(key);
    if (!p) return undefined;
    const v = parseCellInput(c.grid.at(p.r, p.c)?.raw ?? null);
    return isBlankLike(v) ? 0 : v;
  };
  return rest.every((c) => [...first!.placements.keys()].every((k) => !c.placements.has(k) || valueOf(c, k) === valueOf(first!, k)));
}

export interface Choice {
  taken?: Candidate;
  /** Candidates not taken: fragments and other copies. */
  others: Candidate[];
  /** The copies the choice was among (two or more), with their marks. */
  copies: Candidate[];
  marks: Map<Candidate, CopyHint>;
  copy?: CopyChoice;
  /** Why no copy was taken though the table was found. */
  undecided?: string;
}

/** The candidate read for one table. */
export function choose(candidates: readonly Candidate[], origin: Map<Grid, Grid>, year: number | undefined, yearKnown: boolean): Choice {
  const ranked = [...candidates].sort((a, b) => candidateScore(b) - candidateScore(a));
  const best = ranked[0];
  if (!best) return { others: [], copies: [], marks: new Map() };
  // Copies are told by their shape, not by how many numbers they hold: this
  // year's copy may be all dashes, or left empty, beside last year's full of numbers.
  let copies = copiesAmong(candidates, origin);
  if (copies.length > 1 && copies.some((c) => shapeOf(c).typed === 0)) {
    // An empty form counts as a copy only where a mark says which copy is this year's.
    const marked = chooseCopy(copies, year, yearKnown, sameFigures(copies));
    if (!marked.taken || marked.choice?.reason === SAME_FIGURES)
      copies = copiesAmong(
        candidates.filter((c) => shapeOf(c).typed > 0),
        origin,
      );
  }
  if (copies.length <= 1)
    return { taken: copies[0] ?? best, others: ranked.filter((c) => c !== (copies[0] ?? best)), copies: [], marks: new Map() };
  const decision = chooseCopy(copies, year, yearKnown, sameFigures(copies));
  const others = ranked.filter((c) => c !== decision.taken);
  return { taken: decision.taken, others, copies, marks: decision.marks, copy: decision.choice, undecided: decision.undecided };
}
