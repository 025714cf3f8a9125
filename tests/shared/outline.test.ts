// outline.numbering on a report read from a document: the reader's text record
// says how the file headed its parts, and the review of many bodies' files
// shows a part numbered otherwise (五 as 四) with the other findings.
import { describe, expect, it } from 'vitest';
import type { TextRecord } from '../../src/shared/api/import';
import { reviewBatch } from '../../src/shared/review';
import { documentOutline } from '../../src/shared/rules/outline';
import { seed } from './fixtures';

const record = (problems: string | null): TextRecord => ({
  narratives: {
    overview: { heading: '一、总体情况', characters: 900 },
    problems: { heading: problems, characters: 300 },
    other: { heading: '六、其他需要报告的事项', characters: 20 },
  },
  overviewParts: [],
  preamble: 0,
});

describe('outline.numbering of a document', () => {
  it('reads the headings the reader found', () => {
    expect(documentOutline(record('四、存在的主要问题及改进情况'))).toEqual({
      headings: { overview: '一、总体情况', problems: '四、存在的主要问题及改进情况', other: '六、其他需要报告的事项' },
    });
    expect(documentOutline(undefined)).toBeUndefined();
  });

  it('shows in the review of many files, for the file that numbers 五 as 四 only', () => {
    const review = reviewBatch([
      { fileName: '甲.docx', report: seed, notes: [], outline: documentOutline(record('四、存在的主要问题及改进情况')) },
      {
        fileName: '乙.docx',
        report: { ...seed, agency: '余杭区民政局' },
        notes: [],
        outline: documentOutline(record('第五部分 存在的主要问题')),
      },
    ]);
    expect(review.reports[0]!.findings.map((f) => f.id)).toEqual(['outline.numbering:document:problems']);
    expect(review.reports[0]!.findings[0]!.message).toBe(
      '文件中五、存在的主要问题及改进情况的标题写作「四、存在的主要问题及改进情况」：六个部分应依次编为一至六，此部分应为“五、”',
    );
    expect(review.reports[1]!.findings).toEqual([]);
  });
});
