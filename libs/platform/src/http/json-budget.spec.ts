import fc from 'fast-check';
import { findJsonBudgetViolation, type JsonBudget } from './json-budget';
import { jsonBudgetProblem } from './body-problems';

const ROOMY: JsonBudget = { maxDepth: 1000, maxItems: 1_000_000, maxStringBytes: 1_000_000 };
const check = (text: string, budget: Partial<JsonBudget>) => findJsonBudgetViolation(Buffer.from(text), { ...ROOMY, ...budget });

/** The reference: the same three measures, taken on the parsed value. */
function measure(value: unknown, depth = 0): { depth: number; items: number; maxStringBytes: number } {
  const stringBytes = (s: string) => Buffer.byteLength(JSON.stringify(s)) - 2;
  if (typeof value === 'string') return { depth, items: 0, maxStringBytes: stringBytes(value) };
  if (value === null || typeof value !== 'object') return { depth, items: 0, maxStringBytes: 0 };
  const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
  let result = { depth: depth + 1, items: entries.length, maxStringBytes: 0 };
  for (const [key, child] of entries) {
    const inner = measure(child, depth + 1);
    result = {
      depth: Math.max(result.depth, inner.depth),
      items: result.items + inner.items,
      maxStringBytes: Math.max(result.maxStringBytes, inner.maxStringBytes, Array.isArray(value) ? 0 : stringBytes(key)),
    };
  }
  return result;
}

describe('JSON budget', () => {
  it('finds exactly the depth, items and string length of any JSON text, whatever its whitespace', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const { depth, items, maxStringBytes } = measure(value);
        expect(check(text, { maxDepth: depth, maxItems: items, maxStringBytes })).toBeUndefined();
        if (depth > 0) expect(check(text, { maxDepth: depth - 1 })?.limit).toBe('maxDepth');
        if (items > 0) expect(check(text, { maxItems: items - 1 })?.limit).toBe('maxItems');
        if (maxStringBytes > 0) expect(check(text, { maxStringBytes: maxStringBytes - 1 })).toEqual({ limit: 'maxStringBytes', max: maxStringBytes - 1, actual: maxStringBytes });
      }),
      // `npm run fuzz` raises the runs with FUZZ_RUNS.
      { numRuns: Math.max(300, Number(process.env.FUZZ_RUNS ?? 0)) },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => void findJsonBudgetViolation(Buffer.from(bytes), { maxDepth: 8, maxItems: 50, maxStringBytes: 20 })));
  });

  it('stops a 5,000-level nesting at the limit', () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect(check(deep, { maxDepth: 64 })).toEqual({ limit: 'maxDepth', max: 64 });
    expect(check('['.repeat(65) + ']'.repeat(65), { maxDepth: 64 })).toEqual({ limit: 'maxDepth', max: 64 });
    expect(check('['.repeat(64) + ']'.repeat(64), { maxDepth: 64 })).toBeUndefined();
  });

  it('reads escaped quotes and backslashes inside strings as string content', () => {
    expect(check(String.raw`{"a":"x\"{{{{[[[[\\"}`, { maxDepth: 1, maxItems: 1 })).toBeUndefined();
    expect(check(String.raw`["\\\\","\\\"[,"]`, { maxDepth: 1, maxItems: 2 })).toBeUndefined();
    expect(check(String.raw`["a\\",[[`, { maxDepth: 2 })).toEqual({ limit: 'maxDepth', max: 2 });
  });

  it('counts empty containers as no items and measures an unterminated string to the end', () => {
    expect(check('[[],{},[{}]]', { maxItems: 4 })).toBeUndefined();
    expect(check('[[],{},[{}]]', { maxItems: 3 })?.limit).toBe('maxItems');
    expect(check('"abcdef', { maxStringBytes: 3 })).toEqual({ limit: 'maxStringBytes', max: 3, actual: 6 });
  });

  it('names the limit in the problem: 400 for structure, 413 for a string', () => {
    expect(jsonBudgetProblem({ limit: 'maxDepth', max: 64 })).toMatchObject({
      status: 400,
      code: 'JSON_TOO_DEEP',
      detail: 'The JSON body nests objects and arrays deeper than 64 (JSON_MAX_DEPTH).',
      extensions: { limit: 64, limitName: 'JSON_MAX_DEPTH' },
    });
    expect(jsonBudgetProblem({ limit: 'maxItems', max: 10 })).toMatchObject({ status: 400, code: 'JSON_TOO_MANY_ITEMS', extensions: { limit: 10, limitName: 'JSON_MAX_ITEMS' } });
    expect(jsonBudgetProblem({ limit: 'maxStringBytes', max: 5, actual: 9 })).toMatchObject({
      status: 413,
      code: 'JSON_STRING_TOO_LONG',
      extensions: { limit: 5, limitName: 'JSON_MAX_STRING_BYTES', actual: 9 },
    });
  });
});
