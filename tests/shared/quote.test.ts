// A finding quotes the author's text from a clause or a whole word, and marks
// a cut with "…": the quote must read as what the author wrote.
import { describe, expect, it } from 'vitest';
import { quoteAround } from '../../src/shared/rules/text';

describe('quoteAround', () => {
  it('starts at the sentence where it can reach it', () => {
    const text = '概述。全年收到申请12件。';
    const at = text.indexOf('收到');
    expect(quoteAround(text, at, text.indexOf('件') + 1)).toBe('全年收到申请12件');
  });

  it('starts at a clause when the sentence begins too far back, never inside a number', () => {
    const text = '根据本区实际情况和有关规定，在2024年，区政府办公室共收到政府信息公开申请35件。';
    const at = text.indexOf('共收到');
    const quote = quoteAround(text, at, text.indexOf('35件') + 3);
    expect(quote).toBe('区政府办公室共收到政府信息公开申请35件');
  });

  it('marks a cut inside a clause with "…" and keeps the whole number', () => {
    const text = '本机关坚持以人民为中心持续深化政务公开2024年区政府办公室收到申请35件。';
    // "收到" stands 12 characters after "开": the walk back stops there.
    const at = text.indexOf('收到');
    const quote = quoteAround(text, at, text.indexOf('35件') + 3);
    // Twelve characters back is inside "2024年"'s clause: the quote says it is cut, and the year stays whole.
    expect(quote).toBe('…开2024年区政府办公室收到申请35件');
  });
});
