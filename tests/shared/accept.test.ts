// The quick check of report JSON (model/accept.ts) against zod itself: over
// real reports and thousands of random changes of them — wrong types, unknown
// and missing keys, `__proto__`, untrimmed 落款, impossible dates, years out of
// range, texts past the limit, keys out of order, odd objects — whatever the
// quick check takes as it stands, zod accepts and gives back equal, key for
// key and in the same order. And the real reports are taken by the quick
// check, or a batch review would be back at zod's cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptsAsIs } from '../../src/shared/model/accept';
import { MAX_SECTION_CHARS } from '../../src/shared/model/limits';
import { readReportJson, reportSchema, reportToJson } from '../../src/shared/model/report-json';
import { FIXTURES, seed } from './fixtures';

const accepted = acceptsAsIs(reportSchema);

/** Equal as zod's output must be to be taken for it: same primitives (Object.is), same keys in the same order, same kinds of object. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && same((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]))
  );
}

/** Whenever the quick check takes a value, zod takes it too and gives back the same. */
function agreesWithZod(value: unknown): boolean {
  if (!accepted(value)) return true;
  const parsed = reportSchema.safeParse(value);
  return parsed.success && same(parsed.data, value);
}

const realReports = ['seed-2022.json', 'real-town-2023.json', 'real-zhanjiang-dfz-2023.json', 'real-district-stats-2023.json'].map(
  (f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown>,
);

/** Paths of a JSON tree (objects and arrays), to pick one to change. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Values a hostile or careless file may hold where a report's value belongs. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    undefined,
    Number.NaN,
    Infinity,
    -0,
    1.5,
    1999,
    2101,
    2024,
    '',
    ' ',
    ' 某区人民政府 ',
    '2024-02-30',
    '2024-2-3',
    '2025-01-20',
    '县区部门',
    '乡镇街道',
    'sum',
    'own',
    'x'.repeat(MAX_SECTION_CHARS + 1),
    [],
    [{ agency: '甲', level: '县区部门' }],
    [{ level: '县区部门', agency: '甲' }],
    [{ agency: '甲', level: '县区部门', extra: 1 }],
    {},
    JSON.parse('{"__proto__": {"x": 1}}') as unknown,
    Object.create(null) as unknown,
    new Date(0),
    new Map(),
    { [Symbol('s')]: 1 },
    { 'requests.received.total': '未读出' },
    { 'requests.received.total': '' },
    { 'no.such.cell': 'x' },
  ),
);

/** One change of a real report: a value replaced, a key added or removed, or an object's keys reversed. */
const changedReport = fc
  .tuple(fc.nat({ max: realReports.length - 1 }), fc.nat(), fc.nat({ max: 3 }), oddValue, fc.string({ maxLength: 12 }))
  .map(([which, at, how, value, key]) => {
    const report = clone(realReports[which]!);
    const paths = pathsOf(report);
    const path = paths[at % paths.length]!;
    const parentPath = path.slice(0, -1);
    let parent: unknown = report;
    for (const k of parentPath) parent = (parent as Record<string | number, unknown>)[k];
    const last = path.at(-1);
    const target = parent as Record<string | number, unknown>;
    if (last === undefined) return how === 0 ? value : report;
    if (how === 0) target[last] = value;
    else if (how === 1) delete target[last];
    else if (how === 2 && typeof target[last] === 'object' && target[last] !== null && !Array.isArray(target[last]))
      (target[last] as Record<string, unknown>)[key] = value;
    else if (typeof target[last] === 'object' && target[last] !== null && !Array.isArray(target[last]))
      target[last] = Object.fromEntries(Object.entries(target[last]).reverse());
    return report;
  });

describe('the quick check of report JSON', () => {
  it('takes every real report as it stands, as zod does', () => {
    for (const report of realReports) {
      expect(accepted(report)).toBe(true);
      expect(agreesWithZod(report)).toBe(true);
    }
    // A report as this program writes it, a 汇总 with its members and unread cells among them.
    const sum = JSON.parse(
      reportToJson({
        ...seed,
        kind: 'sum',
        members: [{ agency: '甲', level: '县区部门' }],
        unread: { 'requests.received.total': '甲的这个格子未读出' },
        tables: { ...seed.tables, requests: { ...seed.tables.requests, received: { ...seed.tables.requests.received, total: null } } },
      }),
    ) as unknown;
    expect(accepted(sum)).toBe(true);
    expect(agreesWithZod(sum)).toBe(true);
  });

  it('takes nothing zod refuses or would change, over thousands of changed reports', () => {
    let taken = 0;
    fc.assert(
      fc.property(changedReport, (report) => {
        if (accepted(report)) taken++;
        return agreesWithZod(report);
      }),
      { numRuns: 3000 },
    );
    // Many changes leave a valid report (a cell 0 → 7, keys reordered in a record): the property is tried on those, not only on refusals.
    expect(taken).toBeGreaterThan(300);
  });

  it('leaves to zod what it cannot be sure of, so the reader still words the issue', () => {
    const withUntrimmedSignature = { ...clone(realReports[0]!), signature: ' 某区人民政府 ' };
    expect(accepted(withUntrimmedSignature)).toBe(false);
    const read = readReportJson(withUntrimmedSignature);
    expect(read.ok && read.value.signature).toBe('某区人民政府');

    const badDate = { ...clone(realReports[0]!), date: '2024-02-30' };
    expect(accepted(badDate)).toBe(false);
    expect(readReportJson(badDate)).toMatchObject({ ok: false, error: expect.stringContaining('date（成文日期）') as unknown });

    const unknownKey = { ...clone(realReports[0]!), extra: 1 };
    expect(accepted(unknownKey)).toBe(false);
    expect(readReportJson(unknownKey)).toMatchObject({ ok: false, error: expect.stringContaining('extra') as unknown });
  });

  it('models the kinds of schema it knows and is never sure of the others', () => {
    const check = acceptsAsIs(
      z.strictObject({
        a: z.string().default('x'),
        b: z.number().transform((n) => n + 1),
        c: z.union([z.string().trim(), z.string()]),
      }),
    );
    expect(check({ a: 'a', b: 1, c: 'c' })).toBe(false);
    const plain = acceptsAsIs(z.object({ n: z.number().int().min(0), s: z.string().max(3), e: z.enum(['x', 'y']) }));
    expect(plain({ n: 1, s: 'abc', e: 'x' })).toBe(true);
    expect(plain({ n: 1.5, s: 'abc', e: 'x' })).toBe(false);
    expect(plain({ n: 1, s: 'abcd', e: 'x' })).toBe(false);
    expect(plain({ n: 1, s: 'abc', e: 'z' })).toBe(false);
    // A stripping object drops an unknown key: its output would differ.
    expect(plain({ n: 1, s: 'abc', e: 'x', more: 1 })).toBe(false);
    const union = acceptsAsIs(z.union([z.string().trim(), z.number()]));
    expect(union(' a')).toBe(false);
    expect(union(2)).toBe(true);
  });
});
