// Property tests of the engine over random reports. The cells of table 二
// are free numbers: no equation ties them within one report (only
// continuity.in_force links them to last year's report), so a changed value
// there is caught only when it is no valid number (cell.type). Every cell of
// tables 三 and 四 is in at least one sum, so any changed count is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, type CellDef, cellKey, type CellKey } from '../../src/shared/model/cells';
import { blankReport, valueAt, parseCellInput, setCells, type Report } from '../../src/shared/model/report';
import { RULES } from '../../src/shared/rules/catalog';
import { validate } from '../../src/shared/rules/engine';
import { REQUEST_PART_COLS, REQUEST_RESULT_ROWS } from '../../src/shared/template/gov2021';
import { seed } from './fixtures';

const small = fc.nat({ max: 40 });

/** A report whose parts are random and whose totals are computed, so every equation holds. */
const consistentReport: fc.Arbitrary<Report> = fc
  .record({
    results: fc.array(fc.array(small, { minLength: REQUEST_RESULT_ROWS.length, maxLength: REQUEST_RESULT_ROWS.length }), {
      minLength: REQUEST_PART_COLS.length,
      maxLength: REQUEST_PART_COLS.length,
    }),
    forward: fc.array(small, { minLength: REQUEST_PART_COLS.length, maxLength: REQUEST_PART_COLS.length }),
    /** Share of (results + forward) that was carried over from last year; the rest is received. */
    carriedShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: REQUEST_PART_COLS.length,
      maxLength: REQUEST_PART_COLS.length,
    }),
    appeals: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    proactive: fc.array(fc.nat({ max: 5000 }), { minLength: 10, maxLength: 10 }),
    feeTenThousandths: fc.nat({ max: 100_000_000 }),
  })
  .map(({ results, forward, carriedShare, appeals, proactive, feeTenThousandths }) => {
    const changes: [CellKey, number][] = [];
    const rowTotals = new Map<string, number>();
    const add = (row: string, col: string, v: number) => {
      changes.push([cellKey('requests', row, col), v]);
      rowTotals.set(row, (rowTotals.get(row) ?? 0) + v);
    };
    REQUEST_PART_COLS.forEach((col, c) => {
      let handled = 0;
      REQUEST_RESULT_ROWS.forEach((row, r) => {
        add(row, col, results[c]![r]!);
        handled += results[c]![r]!;
      });
      add('results_total', col, handled);
      add('carried_forward', col, forward[c]!);
      const carried = Math.floor(carriedShare[c]! * (handled + forward[c]!));
      add('carried_over', col, carried);
      add('received', col, handled + forward[c]! - carried);
    });
    for (const [row, total] of rowTotals) changes.push([cellKey('requests', row, 'total'), total]);
    (['review', 'suit_direct', 'suit_after_review'] as const).forEach((row, i) => {
      const parts = appeals[i]!;
      ['upheld', 'corrected', 'other', 'pending'].forEach((col, j) => changes.push([cellKey('appeals', row, col), parts[j]!]));
      changes.push([cellKey('appeals', row, 'total'), parts.reduce((a, b) => a + b, 0)]);
    });
    CELLS.filter((c) => c.table === 'proactive' && c.kind === 'count').forEach((c, i) => changes.push([c.key, proactive[i]!]));
    changes.push(['proactive.fees.amount', feeTenThousandths / 10_000]);
    const report = setCells(blankReport({ agency: seed.agency, year: seed.year, level: seed.level }), changes);
    return { ...report, narratives: seed.narratives };
  });

const tiedCells = CELLS.filter((c) => c.table === 'requests' || c.table === 'appeals');
const errorsOf = (report: Report) => validate(report).filter((f) => f.severity === 'error');

describe('the engine on random reports', () => {
  it('finds no error in a consistent report', () => {
    fc.assert(
      fc.property(consistentReport, (report) => {
        expect(errorsOf(report)).toEqual([]);
      }),
    );
  });

  it('catches any single count of tables 三 and 四 changed to another non-negative integer, naming the cell', () => {
    fc.assert(
      fc.property(consistentReport, fc.constantFrom(...tiedCells), fc.integer({ min: 1, max: 1000 }), (report, cell, delta) => {
        const old = valueAt(report, cell.key) as number;
        // Move up, or down where the old value allows it: always a different non-negative integer.
        const changed = old >= delta && delta % 2 === 0 ? old - delta : old + delta;
        const errors = errorsOf(setCells(report, [[cell.key, changed]]));
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some((f) => f.cells.includes(cell.key))).toBe(true);
      }),
    );
  });

  const invalidFor = (cell: CellDef): fc.Arbitrary<string | number> =>
    fc.oneof(
      // Text that reading a cell keeps as text and that is not a dash-like blank.
      fc
        .string({ unit: fc.constantFrom('十', '二', '件', 'a', 'x', '.', '1', '约', '？'), minLength: 1, maxLength: 6 })
        .map((raw) => parseCellInput(raw))
        .filter((v): v is string => typeof v === 'string' && !['—', '-', '/', '无'].includes(v.trim())),
      fc.integer({ min: -100_000, max: -1 }),
      cell.kind === 'count'
        ? fc.integer({ min: 0, max: 10_000 }).map((n) => n + 0.5)
        : fc.integer({ min: 0, max: 10_000 }).map((n) => n + 0.12345),
    );

  it('reports any cell anywhere changed to text, a negative or a fraction as cell.type on that cell', () => {
    fc.assert(
      fc.property(
        consistentReport,
        fc.constantFrom(...CELLS).chain((cell) => fc.tuple(fc.constant(cell), invalidFor(cell))),
        (report, [cell, value]) => {
          const findings = validate(setCells(report, [[cell.key, value]]));
          const f = findings.find((x) => x.id === `cell.type:${cell.key}`);
          expect(f).toBeDefined();
          expect(f!.severity).toBe('error');
          expect(f!.cells).toEqual([cell.key]);
        },
      ),
    );
  });

  // Texts the narrative rules read differently: numbers that match the tables or not, a year, a fee.
  const narratives = fc.record({
    overview: fc.constantFrom(
      seed.narratives.overview,
      seed.narratives.overview.replace('申请10例', '申请12例'),
      `2021年，我局${seed.narratives.overview}`,
    ),
    problems: fc.constantFrom(seed.narratives.problems, '无', `${seed.narratives.problems}全年共受理政府信息公开申请11件。`),
    other: fc.constantFrom(seed.narratives.other, '本单位未收取信息处理费，未发出收费通知。', ''),
  });
  const withTexts = fc.tuple(consistentReport, narratives).map(([report, texts]) => ({ ...report, narratives: texts }));

  it('gives what a cold engine gives, whatever it validated before (the caches change nothing)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(withTexts, fc.option(withTexts, { nil: null })), { minLength: 2, maxLength: 4 }), (runs) => {
        for (const [report, previous] of runs) {
          const ctx = { previous: previous && { ...previous, year: report.year - 1 } };
          // A copy of the rule list is new to every per-rule cache: the engine runs it from nothing.
          expect(validate(report, ctx)).toEqual(validate(report, ctx, structuredClone(RULES)));
        }
      }),
      { numRuns: 30 },
    );
  });
});
