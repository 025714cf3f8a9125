// The figures the data sentences state, each a sum of cells of the tables,
// named once; the lists ("予以公开9件、无法提供1件") are the template's own row
// groups and column labels, in template order.
import { cellKey, type CellKey } from '../model/cells';
import { APPEAL_PART_COLS, REQUEST_GROUPS, REQUEST_PART_COLS, SUIT_ROWS } from '../template/gov2021';

const total = (row: string): CellKey => cellKey('requests', row, 'total');
const rowsTotal = (rows: readonly string[]) => rows.map(total);
const suitCells = (col: string) => SUIT_ROWS.map((r) => cellKey('appeals', r.key, col));

export const QUANTITIES = {
  received: [total('received')],
  natural: ['requests.received.natural'],
  legal: REQUEST_PART_COLS.filter((c) => c !== 'natural').map((c) => cellKey('requests', 'received', c)),
  carried_over: [total('carried_over')],
  results: [total('results_total')],
  granted: [total('granted')],
  partial: [total('partial')],
  carried_forward: [total('carried_forward')],
  no_fee: [total('other_no_fee')],
  regs_issued: ['proactive.regulations.issued'],
  regs_repealed: ['proactive.regulations.repealed'],
  regs_in_force: ['proactive.regulations.in_force'],
  regs_any: ['proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.in_force'],
  docs_issued: ['proactive.normative_docs.issued'],
  docs_repealed: ['proactive.normative_docs.repealed'],
  docs_in_force: ['proactive.normative_docs.in_force'],
  docs_any: ['proactive.normative_docs.issued', 'proactive.normative_docs.repealed', 'proactive.normative_docs.in_force'],
  licensing: ['proactive.licensing.decisions'],
  penalty: ['proactive.penalty.decisions'],
  coercion: ['proactive.coercion.decisions'],
  decisions: ['proactive.licensing.decisions', 'proactive.penalty.decisions', 'proactive.coercion.decisions'],
  fees_amount: ['proactive.fees.amount'],
  review: ['appeals.review.total'],
  suits: suitCells('total'),
  suit_direct: ['appeals.suit_direct.total'],
  suit_after_review: ['appeals.suit_after_review.total'],
  appeals: ['appeals.review.total', ...suitCells('total')],
} as const satisfies Record<string, readonly CellKey[]>;

export type Quantity = keyof typeof QUANTITIES;

/** A list a sentence states in one place ("予以公开9件、无法提供1件"): an item at 0 is left out. */
export interface QuantityList {
  items: readonly { label: string; cells: readonly CellKey[] }[];
  unit: string;
}

export const LISTS = {
  results: {
    items: [
      { label: '予以公开', cells: QUANTITIES.granted },
      { label: '部分公开', cells: QUANTITIES.partial },
      // （三）不予公开 … （六）其他处理, as the template groups its rows.
      ...REQUEST_GROUPS.map((g) => ({ label: g.heading.replace(/^（.）/, ''), cells: rowsTotal(g.rows) })),
    ],
    unit: '件',
  },
  decisions: {
    items: [
      { label: '行政许可决定', cells: QUANTITIES.licensing },
      { label: '行政处罚决定', cells: QUANTITIES.penalty },
      { label: '行政强制决定', cells: QUANTITIES.coercion },
    ],
    unit: '件',
  },
  review_results: { items: APPEAL_PART_COLS.map((c) => ({ label: c.label, cells: [cellKey('appeals', 'review', c.key)] })), unit: '件' },
  suit_results: { items: APPEAL_PART_COLS.map((c) => ({ label: c.label, cells: suitCells(c.key) })), unit: '件' },
  suit_kinds: {
    items: SUIT_ROWS.map((r) => ({ label: r.label, cells: [cellKey('appeals', r.key, 'total')] })),
    unit: '件',
  },
} as const satisfies Record<string, QuantityList>;

export type ListName = keyof typeof LISTS;
