/**
 * JSON with object keys sorted at every level, for hashes and comparisons that must not depend on the order a client
 * (or jsonb, which does not keep it) gave the keys: exactly `JSON.stringify` of the value with every object rebuilt in
 * sorted key order (so integer-like keys come first, in numeric order, as JavaScript orders them) and `undefined`
 * members dropped. Dates are written as JSON writes them.
 *
 * Written out rather than built as sorted copies: a 1,000-record sync hashes every record, and the copies were most of
 * the hash's cost. For the same reason each shape of object (its keys, in their order) is sorted and quoted once
 * (`keyOrderOf`): a heap profile of sync put the hash's sorts and strings at ~14 % of the dossier's allocations.
 * Stored hashes (dossier content, procedure content) depend on this output: it must not change.
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
  const { sorted, first, next } = keyOrderOf(Object.keys(object));
  let out = '{';
  let written = false;
  for (let i = 0; i < sorted.length; i++) {
    const member = object[sorted[i]];
    if (member === undefined) continue;
    const json = write(member);
    if (json === undefined) continue;
    out += written ? next[i] : first[i];
    out += json;
    written = true;
  }
  return `${out}}`;
}

/** An object's keys in canonical order, each also written as `"key":` and `,"key":`. */
interface KeyOrder {
  keys: string[];
  sorted: string[];
  first: string[];
  next: string[];
}

// Objects of one shape (a sync batch's records, their steps, fees, documents) repeat: their key order is sorted and
// their keys quoted once, not for every object. Shapes are grouped by their first key; both levels are bounded, so a
// payload of ever-new keys costs a sort as before and cannot grow the cache.
const MAX_SHAPE_GROUPS = 512;
const MAX_SHAPES_PER_GROUP = 8;
const shapes = new Map<string, KeyOrder[]>();

function keyOrderOf(keys: string[]): KeyOrder {
  const group = keys.length === 0 ? '' : keys[0];
  let known = shapes.get(group);
  if (known) {
    for (const order of known) if (sameKeys(order.keys, keys)) return order;
  } else {
    if (shapes.size >= MAX_SHAPE_GROUPS) shapes.clear();
    shapes.set(group, (known = []));
  }
  const sorted = orderedKeys(keys);
  const first = sorted.map((key) => `${JSON.stringify(key)}:`);
  const order: KeyOrder = { keys, sorted, first, next: first.map((quoted) => `,${quoted}`) };
  if (known.length >= MAX_SHAPES_PER_GROUP) known.shift();
  known.push(order);
  return order;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Sorted keys, integer-like ones first in numeric order: the order an object built from them would have. */
function orderedKeys(keys: string[]): string[] {
  const sorted = [...keys].sort();
  if (!sorted.some(isIndex)) return sorted;
  const indexes = sorted.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...sorted.filter((k) => !isIndex(k))];
}
