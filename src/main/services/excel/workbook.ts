// A workbook's bytes to the grids of the sheets that hold the report, in one
// pass: the small parts first (sheets, styles, shared strings — whose labels
// are known before any sheet is read), then each sheet streamed once through
// the SAX parser. A sheet whose strings hold none of the report's labels,
// titles or level line is dropped as soon as it ends; the rest become grids.
// Every byte inflated and every cell met counts against the limits as it comes.
import { ok, type Result } from '../../../shared/api/result';
import type { Grid } from '../tables';
import { openArchive, parsePart, UnzipError, type Archive } from '../zip';
import { computeFormulas, type KnownValues } from './formulas';
import { brokenWorkbook, LIMITS, tooManyCells, tooMuchText, unzipRefusal } from './guard';
import { cellStyles, sharedStrings, TooMuchText, workbookParts, type SheetPart } from './parts';
import { SheetReader, TooManyCells, type SheetGrid, type WorkbookContext } from './sheet-grid';

/** Thrown when the sheets together pass the workbook's cell limit. */
class WorkbookTooLarge extends Error {}

async function readSheet(
  archive: Archive,
  sheet: SheetPart,
  context: WorkbookContext,
  budget: { cells: number },
  keepAll = false,
): Promise<SheetReader> {
  const reader = new SheetReader(sheet.name, context, Math.min(LIMITS.cells, budget.cells), keepAll);
  try {
    await parsePart(archive, sheet.part, reader);
  } catch (err) {
    // The sheet passed what was left of the workbook's allowance, not its own.
    if (err instanceof TooManyCells && budget.cells < LIMITS.cells) throw new WorkbookTooLarge();
    throw err;
  }
  budget.cells -= reader.count;
  return reader;
}

/**
 * Formulas the file kept no result for are computed where they are simple;
 * a sheet they name that holds no label is read for its values only then.
 */
async function resolveFormulas(
  archive: Archive,
  read: { sheet: SheetPart; grid: SheetGrid }[],
  others: SheetPart[],
  context: WorkbookContext,
  budget: { cells: number },
): Promise<void> {
  const pending = read.flatMap((s) => s.grid.pending);
  if (pending.length === 0) return;
  const named = others.filter((s) => pending.some((p) => p.formula.formula.includes(s.name)));
  const values = [...read];
  for (const sheet of named) values.push({ sheet, grid: (await readSheet(archive, sheet, context, budget, true)).toGrid(sheet.hidden) });
  const known: KnownValues = new Map(
    values.map((s) => [s.sheet.name, new Map(s.grid.grid.cells.filter((c) => !c.uncachedFormula).map((c) => [`${c.r},${c.c}`, c.raw]))]),
  );
  const computed = await computeFormulas(
    pending.map((p) => p.formula),
    known,
  );
  for (const { formula, cell } of pending) {
    const value = computed.get(formula);
    if (value === undefined) continue;
    Object.assign(cell, {
      raw: value,
      text: String(value),
      isNumber: true,
      uncachedFormula: false,
      formula: `=${formula.formula.replace(/^=/, '')}`,
    });
  }
}

async function gridsFrom(archive: Archive): Promise<Grid[] | undefined> {
  const parts = await workbookParts(archive);
  if (!parts) return undefined;
  const context: WorkbookContext = {
    ...(await sharedStrings(archive, parts.sharedStrings, LIMITS.sharedStringChars)),
    styles: await cellStyles(archive, parts.styles),
    date1904: parts.date1904,
  };
  const budget = { cells: LIMITS.workbookCells };
  const read: { sheet: SheetPart; grid: SheetGrid }[] = [];
  const others: SheetPart[] = [];
  for (const [i, sheet] of parts.sheets.entries()) {
    const next = parts.sheets[i + 1];
    if (next) archive.prefetch(next.part);
    let reader = await readSheet(archive, sheet, context, budget);
    // A label far down a long sheet: the cells let go before it are read again, this once.
    if (reader.belongs && reader.letGo) reader = await readSheet(archive, sheet, context, budget, true);
    if (reader.belongs) read.push({ sheet, grid: reader.toGrid(sheet.hidden) });
    else others.push(sheet);
  }
  await resolveFormulas(archive, read, others, context, budget);
  return read.map((s) => s.grid.grid);
}

/** The grids of a workbook's sheets that hold the report, or one Chinese sentence naming the file. */
export async function workbookGrids(bytes: Buffer, name: string): Promise<Result<Grid[]>> {
  const opened = await openArchive(bytes, { totalBytes: LIMITS.inflatedBytes, entries: LIMITS.entries });
  if (!opened.ok) return unzipRefusal(name, opened.failure);
  const archive = opened.value;
  try {
    const grids = await gridsFrom(archive);
    return grids ? ok(grids) : brokenWorkbook(name);
  } catch (err) {
    if (err instanceof UnzipError) return unzipRefusal(name, err.failure);
    if (err instanceof TooManyCells) return tooManyCells(name, err.sheet);
    if (err instanceof WorkbookTooLarge) return tooManyCells(name, undefined);
    if (err instanceof TooMuchText) return tooMuchText(name);
    return brokenWorkbook(name);
  } finally {
    archive.close();
  }
}
