import fc from 'fast-check';
import { classValidatorInstance, fastValidInstance, type UnknownFields } from '@hub/contracts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** What class-transformer + class-validator alone make of a payload (a non-object is refused before either path). */
export function classValidatorVerdict<T extends object>(cls: new () => T, plain: unknown, unknownFields: UnknownFields): { ok: true; value: T } | { ok: false } {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return { ok: false };
  return classValidatorInstance(cls, plain, unknownFields);
}

function pathsOf(value: Json, at: Path = []): Path[] {
  const here: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => here.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) here.push(...pathsOf(v, [...at, k]));
  return here;
}

function leavesOf(value: Json): Json[] {
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leavesOf);
  return [value];
}

type Mutation = { kind: 'delete' | 'set' | 'add' | 'duplicate'; path: number; value: Json; key: string };

/** A payload as the hub receives it: parsed JSON (an `__proto__` key is an own field, as JSON.parse makes it). */
const wire = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;
const define = (target: object, key: string | number, value: Json) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

function apply(sample: Json, paths: Path[], m: Mutation): Json {
  const copy = wire(sample);
  const path = paths[m.path % paths.length];
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  const parent = path.slice(0, -1).reduce<Json>((node, step) => (node as Record<string | number, Json>)[step], copy) as Record<string | number, Json> | Json[];
  const last = path[path.length - 1];
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as string];
  } else if (m.kind === 'set') define(parent, last, m.value);
  else if (m.kind === 'duplicate' && Array.isArray(parent)) parent.push(wire(parent[last as number]));
  else {
    const target = (parent as Record<string | number, Json>)[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) define(target, m.key, m.value);
    else if (!Array.isArray(parent)) define(parent, m.key, m.value);
  }
  return copy;
}

/**
 * Payloads near `sample`: one to three random edits (a field deleted, set to a value of another type or taken from
 * elsewhere in the sample, an unknown field added, an array element repeated), and the sample itself.
 */
export function payloadsNear(sample: Json): fc.Arbitrary<Json> {
  const leaves = leavesOf(sample);
  const anyValue: fc.Arbitrary<Json> = fc.oneof(
    fc.constantFrom(...leaves),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 3_000_000_000 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constant<Json>([]),
    fc.constant<Json>({}),
    fc.array(fc.constantFrom(...leaves), { maxLength: 3 }),
    fc.constantFrom('2026-02-30T08:00:00+07:00', '2026-01-12T09:00:00Z', '2026-01-12', 'not a date', ''),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('delete', 'set', 'add', 'duplicate'),
    path: fc.nat(),
    value: anyValue,
    key: fc.constantFrom('extra', '__proto__', 'constructor', 'code'),
  });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(sample) },
    { weight: 9, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((s, m) => apply(s, pathsOf(s), m), sample)) },
  );
}

export interface Agreement {
  /** Payloads class-validator accepted. */
  accepted: number;
  rejected: number;
  /**
   * Of those accepted, the ones the fast path left to class-validator: shapes it does not model, such as an array
   * inside an array of nested objects (class-validator lets `[[]]` through a `@ValidateNested({ each: true })`).
   */
  leftToClassValidator: number;
}

/**
 * The fast path's promise, checked on payloads near each sample: it answers an instance only for a payload
 * class-validator accepts, equal to class-validator's (same classes, same fields, in the same order); and it answers
 * one for each sample itself (else it would be no faster). Throws on the first payload that breaks either.
 */
export function checkFastValidationAgrees<T extends object>(cls: new () => T, samples: object[], unknownFields: UnknownFields, numRuns = 300): Agreement {
  const tally: Agreement = { accepted: 0, rejected: 0, leftToClassValidator: 0 };
  for (const sample of samples.map((s) => wire(s as Json))) {
    fc.assert(
      fc.property(payloadsNear(sample), (payload) => {
        const slow = classValidatorVerdict(cls, wire(payload), unknownFields);
        const fast = fastValidInstance(cls, wire(payload), unknownFields);
        if (slow.ok) tally.accepted++;
        else tally.rejected++;
        if (fast !== undefined && !slow.ok) throw new Error(`fast path accepted what class-validator rejects: ${JSON.stringify(payload)}`);
        if (slow.ok && fast === undefined) {
          if (payload === sample) throw new Error(`fast path fell back on the sample itself: ${JSON.stringify(payload)}`);
          tally.leftToClassValidator++;
        }
        if (slow.ok && fast !== undefined) expectSameInstance(fast, slow.value);
      }),
      { numRuns },
    );
  }
  return tally;
}

function expectSameInstance(actual: unknown, expected: unknown, at = '$'): void {
  if (typeof expected !== 'object' || expected === null) {
    if (!Object.is(actual, expected)) throw new Error(`${at}: ${String(actual)} ≠ ${String(expected)}`);
    return;
  }
  if (typeof actual !== 'object' || actual === null || Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) {
    throw new Error(`${at}: not the same kind of object as class-validator's`);
  }
  const keys = Object.keys(expected);
  if (Object.keys(actual).join('\u0000') !== keys.join('\u0000')) throw new Error(`${at}: fields ${Object.keys(actual)} ≠ ${keys}`);
  for (const key of keys) expectSameInstance((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${at}.${key}`);
}
