// The part of fast-formula-parser (MIT, no types of its own) the import uses.
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export type FormulaValue = number | string | boolean | null | undefined;
  export default class FormulaParser {
    constructor(config: { onCell: (ref: CellRef) => FormulaValue; onRange: (ref: RangeRef) => FormulaValue[][] });
    /** A number, a string, a boolean, or a FormulaError object (#VALUE!, #REF! …). */
    parse(formula: string, position: CellRef): unknown;
  }
}
