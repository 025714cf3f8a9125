// The text rules on real phrasing (tests/fixtures/real-phrasing.md): every
// sentence that must fire does, at its words; every sentence that must stay
// silent does. And over every real report of the fixtures the rules raise
// exactly the findings a reader agrees with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/shared/model/report';
import { applyFix, validate } from '../../src/shared/rules/engine';
import type { Finding } from '../../src/shared/rules/types';
import { FIXTURES, loadReport, seed, withCells, withNarratives } from './fixtures';

interface Said {
  text: string;
  source: string;
}
const corpus = JSON.parse(readFileSync(join(FIXTURES, 'real-phrasing.json'), 'utf8')) as {
  noRequests: { fire: Said[]; silent: Said[] };
  noAppeals: { fire: (Said & { denies: 'both' | 'review' | 'suits' })[]; silent: Said[] };
  allSettled: { fire: Said[]; silent: Said[] };
  partsStated: { fire: Said[]; silent: Said[] };
  numbering: { fire: Said[]; silent: Said[] };
  repeated: { fire: { text: string; word: string }[]; silent: string[] };
  brackets: { fire: { text: string; mark: string }[]; silent: string[] };
};

const inOther = (report: Report, text: string) => withNarratives(report, { other: `${report.narratives.other}\n${text}` });
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
/** The words a finding marks, as they stand in its text. */
const marked = (report: Report, f: Finding) =>
  (f.span!.text === 'preamble' ? report.preamble! : report.narratives[f.span!.text]).slice(f.span!.start, f.span!.end);

/** Both appeals totals above 0; the seed has 10 requests received and none carried forward. */
const withAppeals = withCells(seed, {
  'appeals.review.upheld': 1,
  'appeals.review.total': 1,
  'appeals.suit_direct.upheld': 1,
  'appeals.suit_direct.total': 1,
});
const withCarriedForward = withCells(seed, {
  'requests.granted.natural': 6,
  'requests.granted.total': 6,
  'requests.results_total.natural': 7,
  'requests.results_total.total': 7,
  'requests.carried_forward.natural': 3,
  'requests.carried_forward.total': 3,
});
const noRequests = withCells(withNarratives(seed, { overview: seed.narratives.overview.replace(/2022年,收到[^。]*。/, '') }), {
  'requests.received.natural': 0,
  'requests.received.total': 0,
  'requests.granted.natural': 0,
  'requests.granted.total': 0,
  'requests.unable_not_held.natural': 0,
  'requests.unable_not_held.total': 0,
  'requests.results_total.natural': 0,
  'requests.results_total.total': 0,
});

describe('narrative.contradiction: "no requests"', () => {
  it.each(corpus.noRequests.fire)('fires on "$text" beside 10 received, at the statement', ({ text }) => {
    const report = inOther(seed, text);
    const found = of(validate(report), 'narrative.contradiction');
    expect(found).toHaveLength(1);
    expect(found[0]!.cells).toEqual(['requests.received.total']);
    expect(text).toContain(marked(report, found[0]!));
    expect(validate(inOther(noRequests, text)).filter((f) => f.rule === 'narrative.contradiction')).toEqual([]);
  });
  it.each(corpus.noRequests.silent)('is silent on "$text"', ({ text }) => {
    expect(of(validate(inOther(seed, text)), 'narrative.contradiction')).toEqual([]);
  });
});

describe('narrative.contradiction: "no appeals"', () => {
  const cellsOf = { both: 3, review: 1, suits: 2 };
  it.each(corpus.noAppeals.fire)('fires on "$text" beside a review and a suit', ({ text, denies }) => {
    const report = inOther(withAppeals, text);
    const found = of(validate(report), 'narrative.contradiction');
    expect(found.length).toBeGreaterThan(0);
    expect(found.flatMap((f) => f.cells).length).toBe(denies === 'both' && found.length === 2 ? 3 : cellsOf[denies]);
    expect(validate(inOther(seed, text)).filter((f) => f.rule === 'narrative.contradiction')).toEqual([]);
  });
  it.each(corpus.noAppeals.silent)('is silent on "$text"', ({ text }) => {
    expect(of(validate(inOther(withAppeals, text)), 'narrative.contradiction')).toEqual([]);
  });
});

describe('narrative.contradiction: "all settled"', () => {
  it.each(corpus.allSettled.fire)('fires on "$text" beside 3 carried forward', ({ text }) => {
    const found = of(validate(inOther(withCarriedForward, text)), 'narrative.contradiction');
    expect(found.map((f) => f.cells)).toEqual([['requests.carried_forward.total']]);
    expect(of(validate(inOther(seed, text)), 'narrative.contradiction')).toEqual([]);
  });
  it.each(corpus.allSettled.silent)('is silent on "$text"', ({ text }) => {
    expect(of(validate(inOther(withCarriedForward, text)), 'narrative.contradiction')).toEqual([]);
  });
});

describe('outline.parts_stated', () => {
  it.each(corpus.partsStated.fire)('fires on "$text"', ({ text }) => {
    const report = { ...seed, preamble: text };
    const found = of(validate(report), 'outline.parts_stated');
    expect(found).toHaveLength(1);
    expect(marked(report, found[0]!)).toMatch(/[五七]/);
  });
  it.each(corpus.partsStated.silent)('is silent on "$text"', ({ text }) => {
    expect(of(validate({ ...seed, preamble: text }), 'outline.parts_stated')).toEqual([]);
  });
});

describe('outline.numbering', () => {
  it.each(corpus.numbering.fire)('fires on an overview with top-level lines: $text', ({ text }) => {
    const report = withNarratives(seed, { overview: text });
    const found = of(validate(report), 'outline.numbering');
    expect(found).toHaveLength(1);
    expect(marked(report, found[0]!)).toMatch(/^[一二三四五六]、/);
  });
  it.each(corpus.numbering.silent)('is silent on $text', ({ text }) => {
    expect(of(validate(withNarratives(seed, { overview: text })), 'outline.numbering')).toEqual([]);
  });
});

describe('text.repeated', () => {
  it.each(corpus.repeated.fire)('fires on "$text", and its fix takes the second copy out', ({ text, word }) => {
    const report = inOther(seed, text);
    const found = of(validate(report), 'text.repeated');
    expect(found).toHaveLength(1);
    expect(marked(report, found[0]!)).toBe(word + word);
    const fixed = applyFix(report, found[0]!.fix!);
    expect(fixed.narratives.other).toBe(report.narratives.other.replace(word + word, word));
    expect(of(validate(fixed), 'text.repeated')).toEqual([]);
  });
  it.each(corpus.repeated.silent)('is silent on "%s"', (text) => {
    expect(of(validate(inOther(seed, text)), 'text.repeated')).toEqual([]);
  });
});

describe('text.punctuation: brackets', () => {
  it.each(corpus.brackets.fire)('fires on "$text" at its $mark', ({ text, mark }) => {
    const report = inOther(seed, text);
    const found = of(validate(report), 'text.punctuation');
    expect(found).toHaveLength(1);
    expect(marked(report, found[0]!)).toBe(mark);
  });
  it.each(corpus.brackets.silent)('is silent on "%s"', (text) => {
    expect(of(validate(inOther(seed, text)), 'text.punctuation')).toEqual([]);
  });
});

describe('text.punctuation: half-width marks', () => {
  const hongze = loadReport('real-hongze-2024.json');
  const slip = withNarratives(hongze, { other: hongze.narratives.other.replace('2024年，区政府', '2024年,区政府(本级)') });

  it('finds a half-width comma and brackets slipped into a report typed full-width, and fixes them', () => {
    const found = of(validate(slip), 'text.punctuation');
    expect(found.map((f) => f.id)).toEqual(['text.punctuation:other:half']);
    expect(found[0]!.message).toContain('3 处半角标点');
    const fixed = applyFix(slip, found[0]!.fix!);
    expect(fixed.narratives.other).toBe(hongze.narratives.other.replace('2024年，区政府', '2024年，区政府（本级）'));
  });

  it('leaves a report typed all in half-width (a web page as stored) alone', () => {
    expect(of(validate(seed), 'text.punctuation')).toEqual([]);
  });

  it('is never part of 全部修正 (it changes wording)', async () => {
    const { fixAll } = await import('../../src/shared/rules/fix-all');
    expect(fixAll(slip).applied).toEqual([]);
  });
});

describe('every real report of the fixtures', () => {
  const expected: Record<string, string[]> = {
    'seed-2022.json': [],
    'real-district-stats-2023.json': ['cell.blank:proactive', 'cell.blank:requests', 'narrative.required:overview'],
    'real-town-2023.json': ['narrative.required:overview', 'plausibility.regulations'],
    'real-zhanjiang-dfz-2023.json': ['narrative.required:overview'],
    'real-hongze-2024.json': ['narrative.numbers:overview:区政府办代表区政府受理政府信息公开申请17件'],
  };
  it.each(Object.entries(expected))('%s yields exactly the findings a reader agrees with', (file, ids) => {
    expect(
      validate(loadReport(file))
        .map((f) => f.id)
        .sort(),
    ).toEqual([...ids].sort());
  });
});

describe('a garbled or hostile text', () => {
  it('gets at most 20 notices of a kind per text, each with its place, not one per slip', () => {
    const garbled = '工作'.repeat(25_000);
    const brackets = ('（《“' + '、'.repeat(100)).repeat(400);
    const report = withNarratives(seed, { other: garbled, problems: brackets });
    const found = validate(report);
    expect(of(found, 'text.repeated').filter((f) => f.section === 'other')).toHaveLength(20);
    expect(of(found, 'text.punctuation').filter((f) => f.section === 'problems')).toHaveLength(20);
    expect(found.every((f) => !f.span || f.span.quote.length <= 41)).toBe(true);
  });
});
