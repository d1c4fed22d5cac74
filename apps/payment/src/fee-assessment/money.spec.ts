import { MAX_FEE_LINE_VND } from '@hub/contracts';
import { sumVnd } from './money';

describe('sumVnd', () => {
  it('adds whole VND exactly, up to fifty lines of 10^12', () => {
    expect(sumVnd([])).toBe(0);
    expect(sumVnd([75_000, 1_250_000])).toBe(1_325_000);
    expect(sumVnd(Array(50).fill(MAX_FEE_LINE_VND))).toBe(50 * MAX_FEE_LINE_VND);
    expect(sumVnd([MAX_FEE_LINE_VND - 1, 1])).toBe(MAX_FEE_LINE_VND);
  });

  it('refuses a line above 10^12, fractional, negative or unsafe, where a float sum would round silently', () => {
    // 2^53 - 1 + 2 as numbers is 2^53 + 1 rounded to 2^53: the old sum stored a wrong total.
    expect(Number.MAX_SAFE_INTEGER + 2).toBe(Number.MAX_SAFE_INTEGER + 1);
    for (const lines of [[Number.MAX_SAFE_INTEGER, 2], [MAX_FEE_LINE_VND + 1], [0.5], [-1], [Number.NaN]]) {
      expect(() => sumVnd(lines)).toThrow(RangeError);
    }
  });
});
