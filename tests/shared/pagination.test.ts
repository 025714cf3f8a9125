// The page plan both writers follow, and the line counts it rests on. The
// rendered documents (LibreOffice and the browser) are compared page by page
// in tests/main/documents-pages.test.ts; here, the decisions themselves.
import { describe, expect, it } from 'vitest';
import { documentContent } from '../../src/shared/document/content';
import { BODY_CHAR_PT } from '../../src/shared/document/fonts';
import { lineCount } from '../../src/shared/document/lines';
import { planPages, TYPE_AREA_PT } from '../../src/shared/document/pagination';
import type { Report } from '../../src/shared/model/report';
import { seed, withNarratives } from './fixtures';

const LINE = TYPE_AREA_PT.width;
const chars = (n: number) => '政'.repeat(n);

describe('lineCount', () => {
  it('sets 28 characters of the body to a line, 26 after the two-character indent', () => {
    expect(lineCount(chars(28), LINE, 0)).toBe(1);
    expect(lineCount(chars(29), LINE, 0)).toBe(2);
    expect(lineCount(chars(26), LINE)).toBe(1);
    expect(lineCount(chars(27), LINE)).toBe(2);
    expect(lineCount(chars(26 + 28 * 3), LINE)).toBe(4);
  });

  it('sets digits at half a character (仿宋_GB2312), and never breaks a number', () => {
    expect(lineCount(chars(24) + '2024', LINE)).toBe(1);
    expect(lineCount(chars(25) + '2024', LINE)).toBe(2);
    // 2024 does not fit after 24 characters and the indent less one: it goes down whole.
    expect(lineCount(chars(23) + '2024' + chars(27), LINE)).toBe(2);
    expect(lineCount(chars(24) + '20240', LINE)).toBe(2);
  });

  it('takes a closing mark that does not fit to the next line with the character before it', () => {
    // 26 characters and a full stop: the stop may not start the next line, nor hang past the margin.
    expect(lineCount(chars(26) + '。' + chars(10), LINE)).toBe(2);
    expect(lineCount(chars(25) + '。', LINE)).toBe(1);
    expect(lineCount(chars(26) + '。', LINE)).toBe(2);
  });

  it('breaks a piece wider than the line by characters', () => {
    expect(lineCount('a'.repeat(100), LINE, 0)).toBe(Math.ceil((100 * (8 - 0.3)) / LINE));
    expect(BODY_CHAR_PT).toBeCloseTo(15.7, 5);
  });
});

/** A report whose overview is `lines` full lines of text (one paragraph a line, each 26 characters after its indent). */
function withOverviewLines(lines: number): Report {
  return withNarratives(seed, { overview: Array.from({ length: lines }, () => chars(26)).join('\n') });
}

describe('planPages', () => {
  const plan = (report: Report) => planPages(documentContent(report, { draft: false, today: '2025-01-20' }), report).breakBefore;

  it('keeps table 二 on the page where the text leaves room for it', () => {
    // Title (two lines of 1.2 pitches and an empty line), the heading and six lines: table 二 fits below.
    expect(plan(withOverviewLines(6)).has('proactive')).toBe(false);
  });

  it('starts table 二 on a new page when the rest of the page cannot hold it', () => {
    expect(plan(withOverviewLines(14)).has('proactive')).toBe(true);
  });

  it('decides by what is left of the page the text runs onto, not by how long the text is', () => {
    // Twenty-two more lines: the text runs onto a second page, and what is left there decides (eleven lines, then nineteen).
    expect(plan(withOverviewLines(6 + 22)).has('proactive')).toBe(false);
    expect(plan(withOverviewLines(14 + 22)).has('proactive')).toBe(true);
  });

  it('starts table 三, a page tall, on a page of its own, and never breaks before the landscape table 四 (its page is its own)', () => {
    for (const lines of [0, 6, 14, 30]) {
      const breaks = plan(withOverviewLines(lines));
      expect(breaks.has('requests')).toBe(true);
      expect(breaks.has('appeals')).toBe(false);
      expect(breaks.has('problems')).toBe(false);
    }
  });
});
