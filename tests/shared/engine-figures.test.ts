// The figures a finding's message quotes are the report's, digit for digit.
import { describe, expect, it } from 'vitest';
import { setCells } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';
import { bigReport } from '../fixtures/big-report';

describe('a message quotes the figures as they are', () => {
  it('a fifteen-digit count, exactly (no rounding through 2⁵³)', () => {
    const report = setCells(bigReport, [['requests.received.natural', 123456789012345]]);
    const balance = validate(report).find((f) => f.rule === 'requests.balance' && f.cells.includes('requests.received.natural'));
    expect(balance?.message).toContain('本年新收 123456789012345 +');
  });

  it('a figure with decimals, to four of them', () => {
    const report = setCells(bigReport, [['requests.received.natural', 35612.123456]]);
    const balance = validate(report).find((f) => f.rule === 'requests.balance' && f.cells.includes('requests.received.natural'));
    expect(balance?.message).toContain('本年新收 35612.1235 +');
  });
});
