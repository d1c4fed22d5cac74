import fc from 'fast-check';
import { jsonColumnValue, jsonInstant } from './json-instant';

describe('jsonInstant', () => {
  it('writes every instant exactly as JSON.stringify does, in the four-digit years and outside them', () => {
    const instants = fc.oneof(
      fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }), // every time value a Date can hold: years -271821 to 275760
      fc.constantFrom(Date.UTC(1000, 0, 1), Date.UTC(1000, 0, 1) - 1, Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), 0, -1),
    );
    fc.assert(
      fc.property(instants, (ms) => {
        const date = new Date(ms);
        expect(JSON.stringify(jsonInstant(date))).toBe(JSON.stringify(date));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes an invalid date as null, like JSON.stringify', () => {
    expect(jsonInstant(new Date(Number.NaN))).toBeNull();
    expect(JSON.stringify(new Date(Number.NaN))).toBe('null');
  });

  it('pads every field', () => {
    expect(jsonInstant(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(jsonInstant(new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 90)))).toBe('2026-12-31T23:59:59.090Z');
  });
});

describe('jsonColumnValue', () => {
  it('gives a date as its JSON text, undefined as null, and anything else as it is', () => {
    const applicant = { fullName: 'Nguyễn Văn An' };
    expect(jsonColumnValue(new Date(Date.UTC(2026, 11, 4, 20, 0, 0, 0)))).toBe('2026-12-04T20:00:00.000Z');
    expect(jsonColumnValue(undefined)).toBeNull();
    expect(jsonColumnValue(null)).toBeNull();
    expect(jsonColumnValue(applicant)).toBe(applicant);
    expect(jsonColumnValue(0)).toBe(0);
    expect(jsonColumnValue('')).toBe('');
    expect(jsonColumnValue(false)).toBe(false);
  });
});
