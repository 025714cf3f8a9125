// Reading a cell, by the examples of the report JSON's rules (docs/report-format.md): numbers in any width or
// with separators become numbers; dash-like marks stay text the rules treat
// as blank; other text stays text (a cell.type error); nothing is dropped.
import { describe, expect, it } from 'vitest';
import { isBlankLike, numericValue, parseCellInput } from '../../src/shared/model/report';

describe('parseCellInput', () => {
  it.each([
    ['１２', 12],
    [' 4 ', 4],
    ['3,985,758', 3985758],
    ['０', 0],
    ['12.5', 12.5],
    ['\u3000７\u3000', 7],
  ])('reads %j as the number %j', (raw, value) => {
    expect(parseCellInput(raw)).toBe(value);
  });

  it.each(['—', '-', '/', '无'])('keeps %j as text that counts as blank', (raw) => {
    const v = parseCellInput(raw);
    expect(v).toBe(raw);
    expect(isBlankLike(v)).toBe(true);
    expect(numericValue(v)).toBe(0);
  });

  it.each(['十', '1.2.3', '1,2', 'abc'])('keeps %j as text that is no number', (raw) => {
    const v = parseCellInput(raw);
    expect(v).toBe(raw);
    expect(isBlankLike(v)).toBe(false);
    expect(numericValue(v)).toBeUndefined();
  });

  it.each([[''], ['   '], [null], [undefined]])('reads %j as blank (null)', (raw) => {
    expect(parseCellInput(raw)).toBeNull();
  });

  it('keeps numbers as they are', () => {
    expect(parseCellInput(7)).toBe(7);
    expect(parseCellInput(-2)).toBe(-2);
  });
});
