// Cell addressing: every value of the three tables has one key,
// `<table>.<row>.<col>`, used by the database, JSON, Excel, rules and UI.
import { TABLES, TABLE_IDS, type CellKind, type TableId, type TemplateCellKey } from '../template/gov2021';

/**
 * A cell's key, `<table>.<row>.<col>`: the union of every key the template
 * has (derived from it in template/gov2021), so a key written in code is
 * checked as it compiles, and a key built at run time is made only here: by
 * `cellKey` from the template's parts, or by `asCellKey` from a string the
 * program read (JSON, SQL, a form), which checks it.
 */
export type CellKey = TemplateCellKey;

export interface CellDef {
  key: CellKey;
  table: TableId;
  row: string;
  col: string;
  kind: CellKind;
  /** Human name for messages: "三、（七）总计·自然人". */
  name: string;
}

/** A row's code in its parts, as the published tables print them: 三（三）1 is 三, （三）, 1. */
export interface RowCodeParts {
  top: string;
  sub?: string;
  num?: string;
}

/** The parts of a row's code; undefined for a code of another shape (none, or a section's alone). */
export function rowCodeParts(code: string): RowCodeParts | undefined {
  const m = /^([一二三四五六七八九十]+)(（[一二三四五六七八九十]+）)?(\d+)?$/.exec(code);
  if (!m) return undefined;
  const [, top, sub, num] = m;
  return { top: top!, ...(sub ? { sub } : {}), ...(num ? { num } : {}) };
}

export function displayCode(code: string): string {
  // 三（七） → 三、（七）；一 → 一、；三（三）1 → 三、（三）1.
  const parts = rowCodeParts(code);
  if (!parts) return code;
  const { top, sub, num } = parts;
  return `${top}、${sub ?? ''}${num ? `${num}.` : ''}`;
}

function cellName(table: TableId, rowKey: string, colKey: string): string {
  const def = TABLES[table];
  const col = def.colsOf(rowKey).find((c) => c.key === colKey)!;
  const row = rowName(table, rowKey);
  if (table === 'proactive' && def.colsOf(rowKey).length === 1) return row;
  return `${row}·${col.label}`;
}

export const CELLS: readonly CellDef[] = TABLE_IDS.flatMap((table) =>
  TABLES[table].rows.flatMap((row) =>
    TABLES[table].colsOf(row.key).map((col) => ({
      key: cellKey(table, row.key, col.key),
      table,
      row: row.key,
      col: col.key,
      kind: TABLES[table].cellKind(row.key, col.key),
      name: cellName(table, row.key, col.key),
    })),
  ),
);

/** Every key, in template order, as a non-empty tuple (what an enum schema takes). */
export const CELL_KEYS = CELLS.map((c) => c.key) as [CellKey, ...CellKey[]];

const BY_KEY = new Map(CELLS.map((c) => [c.key, c]));

/** A record keyed by cells as entries, keys kept as keys (`Object.entries` would make them plain strings). */
export function cellEntries<V>(record: Partial<Record<CellKey, V>>): [CellKey, V][] {
  return (Object.entries(record) as [CellKey, V | undefined][]).filter((e): e is [CellKey, V] => e[1] !== undefined);
}

export function cellDef(key: CellKey): CellDef | undefined {
  return BY_KEY.get(key);
}

export function cellKey(table: TableId, row: string, col: string): CellKey {
  return `${table}.${row}.${col}` as CellKey;
}

/** The key a string names, where the template has that cell. */
export function asCellKey(key: string): CellKey | undefined {
  return BY_KEY.has(key as CellKey) ? (key as CellKey) : undefined;
}

export function isCellKey(key: string): key is CellKey {
  return BY_KEY.has(key as CellKey);
}

/** Display name of a row of a table, as the message texts use it. */
export function rowName(table: TableId, rowKey: string): string {
  const row = TABLES[table].rows.find((r) => r.key === rowKey)!;
  return `${displayCode(row.code)}${row.short ?? row.label}`;
}
