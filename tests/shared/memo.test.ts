// The one memo helper: results kept by argument identity, bounded where the
// arguments are texts.
import { describe, expect, it } from 'vitest';
import { memo } from '../../src/shared/memo';

function counted<A extends unknown[], R>(fn: (...args: A) => R): { fn: (...args: A) => R; calls: () => number } {
  let n = 0;
  return {
    fn: (...args) => {
      n++;
      return fn(...args);
    },
    calls: () => n,
  };
}

describe('memo', () => {
  it('keeps the last result by the identity of every argument', () => {
    const sum = counted((a: { n: number }, b: { n: number }) => ({ total: a.n + b.n }));
    const last = memo(sum.fn);
    const a = { n: 1 };
    const b = { n: 2 };
    const first = last(a, b);
    expect(last(a, b)).toBe(first);
    expect(sum.calls()).toBe(1);
    // Equal but not the same object: another report version, computed again.
    expect(last(a, { n: 2 })).toEqual(first);
    expect(sum.calls()).toBe(2);
    last(a, b);
    expect(sum.calls()).toBe(3);
  });

  it('keeps one result per object key for as long as the object lives', () => {
    const compile = counted((rule: { id: string }) => ({ compiled: rule.id }));
    const perRule = memo(compile.fn);
    const r1 = { id: 'a' };
    const r2 = { id: 'b' };
    const c1 = perRule(r1);
    perRule(r2);
    expect(perRule(r1)).toBe(c1);
    expect(compile.calls()).toBe(2);
  });

  it('keeps up to `size` texts, then starts afresh', () => {
    const length = counted((text: string) => text.length);
    const byText = memo(length.fn, 2);
    byText('一');
    byText('二二');
    byText('一');
    expect(length.calls()).toBe(2);
    byText('三三三');
    byText('一');
    expect(length.calls()).toBe(4);
  });
});
