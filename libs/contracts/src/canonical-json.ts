/**
 * JSON with object keys sorted at every level, for hashes and comparisons that must not depend on the order a client
 * (or jsonb, which does not keep it) gave the keys: exactly `JSON.stringify` of the value with every object rebuilt in
 * sorted key order (so integer-like keys come first, in numeric order, as JavaScript orders them) and `undefined`
 * members dropped. Dates are written as JSON writes them.
 *
 * Written out rather than built as sorted copies: a 1,000-record sync hashes every record, and the copies were most of
 * the hash's cost. Stored hashes (dossier content, procedure content) depend on this output: it must not change.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;
const MAX_INDEX = 2 ** 32 - 2;
const isIndex = (key: string): boolean => INDEX_LIKE.test(key) && Number(key) <= MAX_INDEX;

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint': // JSON.stringify throws on it, as before
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined; // undefined, functions and symbols: left out of objects, null in arrays
  }
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${write(value[i]) ?? 'null'}`;
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of orderedKeys(object)) {
    const member = object[key];
    if (member === undefined) continue;
    const written = write(member);
    if (written === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${written}`;
    first = false;
  }
  return `${out}}`;
}

/** Sorted keys, integer-like ones first in numeric order: the order an object built from them would have. */
function orderedKeys(object: object): string[] {
  const keys = Object.keys(object).sort();
  if (!keys.some(isIndex)) return keys;
  const indexes = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((k) => !isIndex(k))];
}
