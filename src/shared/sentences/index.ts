// The data sentences of a report: each template (templates.ts) filled with
// this report's figures. A sentence whose figure is blank, unread or text is
// not offered (a number is placed only where it is certain); the author is
// told which figure is missing.
import { cellDef, type CellKey } from '../model/cells';
import type { Report } from '../model/report';
import { filledSum } from '../rules/text-rules';
import { LISTS, QUANTITIES, type ListName, type Quantity } from './quantities';
import { SENTENCE_GROUPS, type SentenceGroup, type SentenceTemplate, type TextPlace } from './templates';

export { SENTENCE_GROUPS, type SentenceGroup, type SentenceTemplate, type TextPlace } from './templates';

export type BuiltSentence =
  | { id: string; title: string; phrasings: readonly string[]; caution?: string }
  /** A figure it states is not filled in: which one, as the grid names it. */
  | { id: string; title: string; missing: string };

export interface BuiltGroup {
  id: string;
  title: string;
  sentences: readonly BuiltSentence[];
}

/** A figure as reports write it: a count in plain digits, an amount (万元) without trailing zeros. */
export function showFigure(n: number): string {
  return String(Math.round(n * 1e4) / 1e4);
}

const PLACEHOLDER = /\{(list:|!)?(\w+)\}/g;
const CLAUSE = /\[([^\]]*)\]/g;

type Values = { figure: (q: Quantity) => number | undefined; list: (l: ListName) => string | undefined };

/** The cells a template reads, for saying which one is missing. */
function cellsOf(template: string): readonly CellKey[] {
  return [...template.matchAll(PLACEHOLDER)].flatMap(([, list, name]) => {
    if (list === 'list:') return LISTS[name as ListName].items.flatMap((i) => i.cells);
    return name !== undefined && name in QUANTITIES ? QUANTITIES[name as Quantity] : [];
  });
}

/** A template filled in; undefined where a figure it needs is not filled in. */
function fillTemplate(template: string, report: Report, values: Values): string | undefined {
  let missing = false;
  const lookup = (kind: string | undefined, name: string): number | string | undefined => {
    if (name === 'year' && !kind) return String(report.year);
    if (name === 'agency' && !kind) return report.agency;
    const v = kind === 'list:' ? values.list(name as ListName) : values.figure(name as Quantity);
    if (v === undefined) missing = true;
    return v;
  };
  // A clause whose figure is 0 (or whose list is empty) is not said; one with {!figure} is said only where that figure is 0.
  const clauses = template.replace(CLAUSE, (_, inner: string) => {
    const said = [...inner.matchAll(PLACEHOLDER)].every(([, kind, name]) => {
      const v = lookup(kind, name!);
      return kind === '!' ? v === 0 : v !== 0 && v !== '';
    });
    return said ? inner : '';
  });
  const value = (kind: string | undefined, name: string): string | undefined => {
    if (kind === '!') return '';
    const v = lookup(kind, name);
    return typeof v === 'number' ? showFigure(v) : v;
  };
  const text = clauses.replace(PLACEHOLDER, (_, list: string | undefined, name: string) => value(list, name) ?? '');
  return missing ? undefined : text;
}

function valuesOf(report: Report): Values {
  const figure = (q: Quantity) => filledSum(report, QUANTITIES[q]);
  const list = (l: ListName): string | undefined => {
    const { items, unit } = LISTS[l];
    const parts: string[] = [];
    for (const item of items) {
      const v = filledSum(report, item.cells);
      if (v === undefined) return undefined;
      if (v !== 0) parts.push(`${item.label}${showFigure(v)}${unit}`);
    }
    return parts.join('、');
  };
  return { figure, list };
}

function build(t: SentenceTemplate, report: Report, values: Values): BuiltSentence {
  const key = values.figure(t.key);
  const phrasings = (key === 0 ? t.none : t.phrasings).map((p) => fillTemplate(p, report, values));
  const ready = phrasings.filter((p): p is string => p !== undefined);
  if (key === undefined || ready.length === 0) {
    const blank = [...new Set([...QUANTITIES[t.key], ...t.phrasings.flatMap(cellsOf)])].find((k) => filledSum(report, [k]) === undefined);
    return { id: t.id, title: t.title, missing: blank ? cellDef(blank)!.name : t.title };
  }
  return { id: t.id, title: t.title, phrasings: ready, ...(t.caution ? { caution: t.caution } : {}) };
}

/** Every group's sentences built from the report's tables, those for `place` first. */
export function dataSentences(report: Report, place?: TextPlace): BuiltGroup[] {
  const values = valuesOf(report);
  const here = (g: SentenceGroup) =>
    !!place && g.places.some((p) => p.text === place.text && (p.part === undefined || p.part === place.part));
  const ordered = [...SENTENCE_GROUPS.filter(here), ...SENTENCE_GROUPS.filter((g) => !here(g))];
  return ordered.map((g) => ({ id: g.id, title: g.title, sentences: g.templates.map((t) => build(t, report, values)) }));
}
