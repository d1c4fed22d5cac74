/**
 * How much structure a JSON body may have, checked over the raw bytes before anything parses or validates it:
 * recursive code further on (class-transformer, class-validator) overflows its stack on deep nesting, and the
 * cost of validation grows with the number of values.
 */
export interface JsonBudget {
  /** Deepest nesting of objects and arrays (`{}` is depth 1). */
  maxDepth: number;
  /** Object members plus array elements, over the whole body. */
  maxItems: number;
  /** Longest string, key or value, in bytes of the raw JSON text (escapes counted as written). */
  maxStringBytes: number;
}

/**
 * Roomy enough for a 1,000-record sync batch (~250 values of ~5 KB per record) and a 10 MiB catalogue import,
 * far below what makes validation slow or recursive code overflow.
 */
export const DEFAULT_JSON_BUDGET: JsonBudget = { maxDepth: 64, maxItems: 1_000_000, maxStringBytes: 256 * 1024 };

export type JsonBudgetLimit = keyof JsonBudget;

export interface JsonBudgetViolation {
  limit: JsonBudgetLimit;
  max: number;
  /** Known for strings (measured to their end); depth and items stop counting at the first value over. */
  actual?: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const SPACE = 0x20;

/**
 * One pass over the bytes, no allocation, no recursion. Assumes JSON (whatever is malformed is the parser's to
 * refuse afterwards); never throws, whatever the bytes. Several top-level values (NDJSON) are fine.
 */
export function findJsonBudgetViolation(bytes: Buffer, budget: JsonBudget): JsonBudgetViolation | undefined {
  let depth = 0;
  let items = 0;
  // Right after `{` or `[`: the next token either closes the container or is its first item.
  let opened = false;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i];
    if (byte <= SPACE) continue;
    if (opened) {
      opened = false;
      if (byte !== CLOSE_OBJECT && byte !== CLOSE_ARRAY && ++items > budget.maxItems) return { limit: 'maxItems', max: budget.maxItems };
    }
    if (byte === QUOTE) {
      const end = closingQuote(bytes, i + 1);
      const size = end - i - 1;
      if (size > budget.maxStringBytes) return { limit: 'maxStringBytes', max: budget.maxStringBytes, actual: size };
      i = end;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > budget.maxDepth) return { limit: 'maxDepth', max: budget.maxDepth };
      opened = true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    } else if (byte === COMMA && ++items > budget.maxItems) {
      return { limit: 'maxItems', max: budget.maxItems };
    }
  }
  return undefined;
}

/** Index of the quote closing a string whose content starts at `from` (or the end of the bytes if none does). */
function closingQuote(bytes: Buffer, from: number): number {
  for (let at = from; ; ) {
    const quote = bytes.indexOf(QUOTE, at);
    if (quote < 0) return bytes.length;
    let backslashes = 0;
    for (let k = quote - 1; k >= from && bytes[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}
