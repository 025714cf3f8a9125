// Headers typed over two or three unmerged rows ("商业" above "企业", "本年制发"
// above "件数"): where a cell's text alone is no label but continues in the
// cells below it, the joined text is, standing over all of those rows.
import type { Grid, GridCell } from './grid';
import { normalizeLabel, type LabelMatch, type LabelMatcher } from './labels';

const MAX_PIECES = 3;

/** The cell, then the cell joined with the text cells right below it (same width, unmerged). */
export function stackedForms(grid: Grid, cell: GridCell): GridCell[] {
  const forms = [cell];
  let text = cell.text;
  let last = cell;
  for (let k = 1; k < MAX_PIECES; k++) {
    const below = grid.at(last.bottom + 1, cell.c);
    if (!below || below.master || !below.norm || below.right !== cell.right) break;
    text += below.text;
    last = below;
    forms.push({ ...cell, text, norm: normalizeLabel(text), bottom: below.bottom });
  }
  return forms;
}

/** The exact match of a cell's text, or of its text joined with the pieces below it. */
export function exactStacked<K extends string>(
  grid: Grid,
  cell: GridCell,
  matcher: LabelMatcher<K>,
): { cell: GridCell; match: LabelMatch<K> } | undefined {
  if (!cell.norm || cell.master) return undefined;
  const own = matcher.exact(cell.norm);
  if (own) return { cell, match: own };
  if (!matcher.begins(cell.norm)) return undefined;
  for (const form of stackedForms(grid, cell).slice(1)) {
    const match = matcher.exact(form.norm);
    if (match) return { cell: form, match };
  }
  return undefined;
}

/** A label cell that continues a merge from the row above: its row belongs to the row it starts on. */
export function continuesAbove(cell: GridCell): boolean {
  return cell.master !== undefined && cell.master.r < cell.r;
}
