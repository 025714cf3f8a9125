// Each cell of a table taken from the source: read where one place holds it;
// where two places may (a label that occurs twice, a number whose labels allow
// two cells) the one that agrees with the table's own totals is taken and the
// record says so; a heading's sum that is 0 makes each of its items 0; every
// other cell stays unread, and the record says why. A wrong number is the
// worst outcome: where nothing settles a cell, it is left blank.
import type { BlankCause, CellReading, LabelGuess, MissingCause, SourceCell } from '../../../shared/api/import';
import { cellDef, type CellDef, type CellKey } from '../../../shared/model/cells';
import type { CellValue } from '../../../shared/model/report';
import { TOTALS } from '../../../shared/rules/totals';
import { CELL_PATHS } from '../../../shared/template/paths';
import { TABLES, type TableId } from '../../../shared/template/gov2021';
import type { Found } from './choose';
import { addressAt, type Grid, type GridCell } from './grid';
import type { Place } from './places';
import { kindOf } from './units';
import { amountUnitIn, defectRemark, readCell, type AmountUnit, type ReadValue } from './values';

export interface CellOutcome {
  status: 'matched' | 'guessed' | 'left_blank' | 'not_found';
  value?: CellValue;
  source?: SourceCell;
  guesses?: LabelGuess[];
  readings?: CellReading[];
  remark?: string;
  cause?: BlankCause | MissingCause;
}

interface Read extends ReadValue {
  source: SourceCell;
}

/** Where a place's value stands: its value cell, or the crossing of its two labels. */
function nominal(place: Place): { r: number; c: number } {
  const o = place.options[0];
  if (!o) return { r: place.top, c: place.left };
  const r = o.rowDir === 'left' ? o.rowUnit.top : o.colDir === 'left' ? o.colUnit.top : place.top;
  const c = o.colDir === 'above' ? o.colUnit.left : o.rowDir === 'above' ? o.rowUnit.left : place.left;
  return { r, c };
}

const sourceAt = (grid: Grid, r: number, c: number): SourceCell => ({
  sheet: grid.sheet,
  address: addressAt(grid, r, c),
  raw: grid.at(r, c)?.text ?? '',
});

/**
 * Of several numbers in one label's merged range, the one lying wholly under
 * (or beside) its labels, where every other one reaches past them into the
 * next label's range: a border dragged in Word shifts a figure's cell, not
 * which header it stands under.
 */
function wholeUnder(place: Place): GridCell | undefined {
  const o = place.options[0];
  if (!o || place.options.length > 1) return undefined;
  const within = (cell: GridCell) =>
    [o.rowUnit, o.colUnit].every((u, i) =>
      (i === 0 ? o.rowDir : o.colDir) === 'above' ? cell.c >= u.left && cell.right <= u.right : cell.r >= u.top && cell.bottom <= u.bottom,
    );
  const inside = place.values.filter(within);
  return inside.length === 1 ? inside[0] : undefined;
}

function readPlace(place: Place, kind: CellDef['kind'], holds: boolean, unit: AmountUnit | undefined): Read {
  const { grid } = place;
  const whole = place.values.length > 1 ? wholeUnder(place) : undefined;
  if (whole) {
    const others = place.values
      .filter((c) => c !== whole)
      .map((c) => `${c.address}「${c.text}」`)
      .join('、');
    const read = readCell(whole, kind, holds, unit);
    const reason = `同一合并范围内另有 ${others} 跨到了相邻的标题之下，取整格位于标题之下的 ${whole.address}「${whole.text}」`;
    return {
      ...read,
      readings: [...read.readings, { kind: 'witness', reason }],
      source: { sheet: grid.sheet, address: whole.address, raw: whole.text },
    };
  }
  if (place.values.length > 1) {
    const first = place.values[0]!;
    return {
      value: null,
      readings: [],
      source: sourceAt(grid, first.r, first.c),
      defect: { cause: 'several_values', held: place.values.map((c) => ({ address: c.address, text: c.text })) },
    };
  }
  const cell = place.values[0];
  if (cell) {
    const read = readCell(cell, kind, holds, unit);
    const settled = place.positions.find((p) => p.cell === cell)?.settled;
    const readings: CellReading[] = settled ? [...read.readings, { kind: 'witness', reason: settled }] : read.readings;
    return { ...read, readings, source: { sheet: grid.sheet, address: cell.address, raw: cell.text } };
  }
  const at = nominal(place);
  const there = grid.at(at.r, at.c);
  // A label merged over the cell's place: the place has no value of its own.
  if (there?.master && kindOf(there) === 'label') {
    const m = there.master;
    return {
      value: null,
      readings: [],
      source: sourceAt(grid, at.r, at.c),
      defect: { cause: 'covered_by_label', address: there.address, master: { address: m.address, text: m.text } },
    };
  }
  return { ...readCell(undefined, kind, holds, unit), source: sourceAt(grid, at.r, at.c) };
}

/** The fee column's unit: in its header, else in a note above or beside the table ("单位：元"). */
function feeUnit(c: Found): AmountUnit | undefined {
  const fee = c.byKey.get('proactive.fees.amount')?.[0];
  const own = fee && amountUnitIn(fee.options[0]!.colUnit.text);
  if (own) return own;
  for (const cell of c.grid.cells) {
    if (cell.r < c.top - 4 || cell.r > c.bottom + 1 || cell.c < c.left - 1 || cell.c > c.right + 2) continue;
    if (cell.master || cell.isNumber || cell.text.length > 40 || !cell.text.includes('单位')) continue;
    const unit = amountUnitIn(cell.text);
    if (unit) return unit;
  }
  return undefined;
}

const CHINESE_COUNT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function resolveTable(c: Found, defs: readonly CellDef[], holds: boolean): Map<CellKey, CellOutcome> {
  const unit = c.table === 'proactive' ? feeUnit(c) : undefined;
  const kindOfKey = new Map(defs.map((d) => [d.key, d.kind]));
  const reads = new Map<Place, Read>();
  const readOf = (p: Place, key: CellKey): Read => {
    let r = reads.get(p);
    if (!r) reads.set(p, (r = readPlace(p, kindOfKey.get(key) ?? 'count', holds, unit)));
    return r;
  };
  const out = new Map<CellKey, CellOutcome>();
  const taken = (key: CellKey, place: Place, extra: CellReading[] = []) => {
    const read = readOf(place, key);
    const option = place.options.find((o) => o.path.key === key)!;
    if (read.defect) {
      out.set(key, { status: 'left_blank', source: read.source, remark: defectRemark(read.defect), cause: read.defect.cause });
      return;
    }
    const readings = [
      ...read.readings,
      ...extra,
      ...(place.hidden ? [{ kind: 'hidden' as const, where: `「${place.grid.sheet}」${read.source.address}` }] : []),
    ];
    out.set(key, {
      status: option.guesses.length > 0 ? 'guessed' : 'matched',
      value: read.value,
      source: read.source,
      ...(option.guesses.length > 0 ? { guesses: option.guesses } : {}),
      readings,
    });
  };

  // Cells with one place; cells whose labels occur twice wait for the totals.
  const competing = new Map<CellKey, Place[]>();
  for (const def of defs) {
    const list = c.byKey.get(def.key) ?? [];
    if (list.length === 1) taken(def.key, list[0]!);
    else if (list.length > 1) competing.set(def.key, list);
  }
  const all = c.blocks.flatMap((b) => b.places);
  // A number whose labels allow several cells: the cells read elsewhere are not it.
  const ambiguous = all
    .filter((p) => p.options.length > 1)
    .map((p) => ({ place: p, keys: p.options.map((o) => o.path.key).filter((k) => !out.has(k)) }));
  for (const a of ambiguous) {
    if (a.keys.length !== 1) continue;
    const key = a.keys[0]!;
    if (out.has(key) || competing.has(key) || ambiguous.some((b) => b !== a && b.keys.includes(key))) continue;
    taken(key, a.place, [
      {
        kind: 'witness',
        reason: `标题也可读作${a.place.options
          .filter((o) => o.path.key !== key)
          .map((o) => `「${o.path.key}」`)
          .join('、')}，那几格已另有数字`,
      },
    ]);
  }

  const numberAt = (key: CellKey): number | undefined => {
    const v = out.get(key);
    return v && (v.status === 'matched' || v.status === 'guessed') && typeof v.value === 'number' ? v.value : undefined;
  };
  /** Whether a value for `key` agrees with every total that can be checked around it (undefined: none can). */
  const agrees = (key: CellKey, value: number): boolean | undefined => {
    let checked = false;
    for (const t of TOTALS[c.table]) {
      if (t.total !== key && !t.parts.includes(key)) continue;
      const valueOf = (k: CellKey) => (k === key ? value : numberAt(k));
      const total = valueOf(t.total);
      const parts = t.parts.map(valueOf);
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      checked = true;
      if (Math.abs(total - parts.reduce((s: number, p) => s + p!, 0)) > 1e-6) return false;
    }
    return checked ? true : undefined;
  };

  for (const [key, list] of competing) {
    const agreeing = list.filter((p) => {
      const v = readOf(p, key).value;
      return typeof v === 'number' && agrees(key, v) === true;
    });
    const where = list.map((p) => `「${p.grid.sheet}」${readOf(p, key).source.address}`).join('、');
    if (agreeing.length === 1) {
      const p = agreeing[0]!;
      taken(key, p, [{ kind: 'witness', reason: `表中有 ${list.length} 处同一标题（${where}），只有这一处与本表的合计相符` }]);
    } else
      out.set(key, {
        status: 'left_blank',
        source: readOf(list[0]!, key).source,
        remark: `表中有 ${list.length} 处同一标题（${where}），无法确定取哪一处`,
      });
  }
  for (const a of ambiguous) {
    const open = a.keys.filter((k) => !out.has(k));
    if (open.length < 2) continue;
    const v = readOf(a.place, open[0]!).value;
    const agreeing = typeof v === 'number' ? open.filter((k) => agrees(k, v) === true) : [];
    if (agreeing.length === 1) {
      taken(agreeing[0]!, a.place, [{ kind: 'witness', reason: '标题可读作几个格子，只有这一格与本表的合计相符' }]);
    }
  }

  // A heading's sum standing for its items (an old single （六） row, one column for five applicant kinds).
  const groups = all.filter((p) => p.group);
  const byHeading = new Map<string, Place[]>();
  for (const g of groups) {
    const k = `${g.grid.sheet}|${g.group!.headingUnit.top}|${g.group!.headingUnit.left}`;
    byHeading.set(k, [...(byHeading.get(k) ?? []), g]);
  }
  for (const list of byHeading.values()) {
    const heading = list[0]!.group!.heading;
    const unitCell = list[0]!.group!.headingUnit.cell;
    const items = (g: Place) =>
      CELL_PATHS.filter((p) => {
        const [own, other] = heading.axis === 'row' ? [p.rowPath, p.colPath] : [p.colPath, p.rowPath];
        return own.includes(heading.id) && other.at(-1) === g.group!.leaf.id;
      }).map((p) => p.key);
    const open = list.filter((g) => items(g).every((k) => !out.has(k)));
    if (open.length === 0) continue;
    const shown = open.map((g) => `${g.group!.leaf.label.replace(/\s+/g, '')} ${String(readOf(g, items(g)[0]!).value ?? '')}`).join('、');
    const names = [
      ...new Set(
        CELL_PATHS.filter((p) => (heading.axis === 'row' ? p.rowPath : p.colPath).includes(heading.id)).map((p) =>
          heading.axis === 'row' ? p.row : p.col,
        ),
      ),
    ].map((k) => shortName(heading.table, heading.axis, k));
    const line = heading.axis === 'row' ? '一行（旧版格式，' : '一列（';
    const zero = open.every((g) => readOf(g, items(g)[0]!).value === 0);
    for (const g of open) {
      const read = readOf(g, items(g)[0]!);
      for (const key of items(g)) {
        if (zero) {
          out.set(key, {
            status: 'matched',
            value: 0,
            source: read.source,
            readings: [{ kind: 'sum', heading: unitCell.text.trim(), from: read.source.address }],
          });
        } else {
          out.set(key, {
            status: 'left_blank',
            source: read.source,
            remark: `表中「${unitCell.text.trim()}」只有${line}${unitCell.address}），写的是 ${shown}；现行格式分为${names.join('、')}${CHINESE_COUNT[names.length] ?? names.length}项，无法拆分，请按实际情况填写`,
          });
        }
      }
    }
  }

  const notFound = unplacedRemark(c, all);
  for (const def of defs) {
    if (out.has(def.key)) continue;
    const maybe = ambiguous.find((a) => a.keys.includes(def.key));
    if (maybe) {
      const read = readOf(maybe.place, def.key);
      out.set(def.key, {
        status: 'left_blank',
        source: read.source,
        remark: `${read.source.address}「${read.source.raw}」的标题可读作${maybe.place.options.map((o) => `「${nameOfKey(o.path.key)}」`).join('或')}，无法确定是哪一格`,
      });
      continue;
    }
    // Numbers no label settled may be this cell: it is left blank for a reason, not missing from the file.
    out.set(def.key, notFound ? { status: 'left_blank', remark: notFound } : { status: 'not_found', remark: NO_LABELS });
  }
  return out;
}

const NO_LABELS = '表中没有找到这一格的行标题或列标题';

/** Numbers named in a remark before "等". */
const NAMED = 3;

/**
 * Where a cell of a table found was not read and the table holds numbers no
 * labels settled (a cell reaching under two headers, a header lost): they may
 * be it, and are named, so the clerk can look.
 */
function unplacedRemark(c: Found, places: readonly Place[]): string | undefined {
  const used = new Set(places.flatMap((p) => p.values));
  const loose = c.grid.cells.filter(
    (cell) =>
      !cell.master &&
      !used.has(cell) &&
      cell.r >= c.top &&
      cell.r <= c.bottom &&
      cell.c >= c.left &&
      cell.c <= c.right &&
      kindOf(cell) === 'value',
  );
  if (loose.length === 0) return undefined;
  const named = loose
    .slice(0, NAMED)
    .map((cell) => `${cell.address}「${cell.text}」`)
    .join('、');
  const more = loose.length > NAMED ? ` 等 ${loose.length} 个数值` : '';
  return `表中 ${named}${more} 的单元格跨在两个标题之下或没有标题，无法确定是不是这一格，请对照原表填写`;
}

/** The name a row or a column goes by in messages: a row's short name, a column's label. */
function shortName(table: TableId, axis: 'row' | 'col', key: string): string {
  if (axis === 'row') {
    const row = TABLES[table].rows.find((r) => r.key === key)!;
    return row.short ?? row.label;
  }
  return TABLES[table].rows.flatMap((r) => TABLES[table].colsOf(r.key)).find((c) => c.key === key)!.label;
}

const nameOfKey = (key: CellKey) => cellDef(key)!.name;
