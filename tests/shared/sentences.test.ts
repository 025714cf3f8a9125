// The data sentences (issue 25): every template renders for every real report
// of the fixtures, reads its figures from the tables, and, written into the
// report, raises no narrative.numbers or narrative.contradiction finding.
import { describe, expect, it } from 'vitest';
import { setCells, type Report } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';
import { dataSentences, SENTENCE_GROUPS } from '../../src/shared/sentences';
import { loadReport, seed, withCells, withNarratives } from './fixtures';

const REAL = [
  'seed-2022.json',
  'real-district-stats-2023.json',
  'real-town-2023.json',
  'real-zhanjiang-dfz-2023.json',
  'real-hongze-2024.json',
];
const TEXT_RULES = new Set(['narrative.numbers', 'narrative.contradiction', 'narrative.year', 'narrative.fee_notice']);
const textFindings = (report: Report) => validate(report).filter((f) => TEXT_RULES.has(f.rule));

/** The report with its tables kept and every phrasing of every sentence as its texts (and no other words). */
function writtenOut(report: Report): Report {
  const all = dataSentences(report).flatMap((g) => g.sentences.flatMap((s) => ('phrasings' in s ? s.phrasings : [])));
  return withNarratives(report, { overview: all.join('\n'), problems: '', other: '' });
}

describe.each(REAL)('%s', (file) => {
  const report = loadReport(file);

  it('renders every template, with every figure it states filled in', () => {
    const groups = dataSentences(report);
    expect(groups.map((g) => g.id).sort()).toEqual(SENTENCE_GROUPS.map((g) => g.id).sort());
    for (const s of groups.flatMap((g) => g.sentences)) {
      expect(s).toHaveProperty('phrasings');
      if ('phrasings' in s) for (const p of s.phrasings) expect(p).not.toMatch(/[{}[\]]|undefined|NaN/);
    }
  });

  it('raises no narrative.numbers or narrative.contradiction finding when its sentences are the text', () => {
    expect(textFindings(writtenOut(report))).toEqual([]);
  });
});

describe('the sentences say what the table says', () => {
  it('states the figures of table 三, naming only the results that occurred', () => {
    const requests = dataSentences(seed).find((g) => g.id === 'requests')!;
    const results = requests.sentences.find((s) => s.id === 'results')!;
    expect('phrasings' in results && results.phrasings[0]).toBe('本年度办理政府信息公开申请10件，其中予以公开9件、无法提供1件。');
  });

  it('says that all requests came from natural persons where no legal person applied', () => {
    const received = dataSentences(seed)
      .find((g) => g.id === 'requests')!
      .sentences.find((s) => s.id === 'received')!;
    expect('phrasings' in received && received.phrasings[0]).toBe('本年度共收到政府信息公开申请10件，均为自然人申请。');
  });

  it('says none naturally where a figure is 0', () => {
    const appeals = dataSentences(seed).find((g) => g.id === 'appeals')!;
    const review = appeals.sentences.find((s) => s.id === 'review')!;
    expect('phrasings' in review && review.phrasings).toContain('本年度未发生政府信息公开行政复议案件。');
    expect(JSON.stringify(appeals)).not.toMatch(/0件/);
  });

  it('offers no sentence whose figure is blank, and names the blank cell', () => {
    const blank = withCells(seed, { 'requests.received.total': null });
    const received = dataSentences(blank)
      .find((g) => g.id === 'requests')!
      .sentences.find((s) => s.id === 'received')!;
    expect(received).toEqual({ id: 'received', title: '本年新收申请', missing: '一、本年新收申请·总计' });
  });

  it('follows the figures when they change, and stays silent under the rules', () => {
    const busy = setCells(seed, [
      ['appeals.review.corrected', 2],
      ['appeals.review.total', 2],
      ['requests.received.commercial', 3],
      ['requests.received.total', 13],
      ['requests.granted.commercial', 3],
      ['requests.granted.total', 12],
      ['requests.results_total.commercial', 3],
      ['requests.results_total.total', 13],
    ]);
    const sentences = JSON.stringify(dataSentences(busy));
    expect(sentences).toContain('本年度共收到政府信息公开申请13件，其中自然人申请10件、法人或其他组织申请3件。');
    expect(sentences).toContain('本年度因政府信息公开被申请行政复议2件，其中结果纠正2件。');
    expect(textFindings(writtenOut(busy))).toEqual([]);
  });

  it('offers the part’s own sentences first', () => {
    expect(dataSentences(seed, { text: 'other' })[0]!.id).toBe('fees');
    expect(dataSentences(seed, { text: 'overview', part: 1 })[0]!.id).toBe('proactive');
  });
});
