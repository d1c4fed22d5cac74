import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** The two forms this one replaced (catalogue's and the dossier sync's), kept here as the reference it must equal. */
function sortKeysReference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

function syncReference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(syncReference).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${syncReference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const withUndefined = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), fc.date({ noInvalidDate: true }), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 5 })),
})).value;

describe('canonicalJson', () => {
  it('ignores key order at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: { d: 1, c: 2 } })).toBe(canonicalJson({ b: { c: 2, d: 1 }, a: 1 }));
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', a: 2 })).toBe('{"9":"y","10":"x","a":2,"b":1}');
  });

  it('keeps array order', () => expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2])));

  it('writes what JSON.stringify of the key-sorted copy writes, for any value', () => {
    fc.assert(fc.property(withUndefined, (value) => expect(canonicalJson(value)).toBe(sortKeysReference(value))), { numRuns: 2000 });
  });

  it('writes what the sync hash wrote for JSON input (stored content hashes stay valid)', () => {
    const jsonWithoutIndexKeys = fc.jsonValue().filter((v) => !/"(?:0|[1-9]\d*)":/.test(JSON.stringify(v)));
    fc.assert(fc.property(jsonWithoutIndexKeys, (value) => expect(canonicalJson(value)).toBe(syncReference(value))), { numRuns: 2000 });
  });

  // Shapes repeat (a batch's records): key orders are remembered per shape. Objects drawn from a small pool of keys,
  // in any order and subset, hit that memory again and again; a wide pool fills and evicts it.
  it('writes the same for repeated and evicted shapes as for fresh ones', () => {
    const pooled = (pool: string[]) =>
      fc.array(
        fc.uniqueArray(fc.constantFrom(...pool), { maxLength: pool.length }).chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), fc.oneof(fc.integer(), fc.constant(undefined), fc.string({ maxLength: 3 })))))),
        { maxLength: 30 },
      );
    const small = ['a', 'b', '1', '10', 'é', '__proto__x', 'z'];
    const wide = Array.from({ length: 600 }, (_, i) => `k${i}`);
    fc.assert(
      fc.property(fc.oneof(pooled(small), pooled(wide)), (objects) => {
        for (const entries of objects) {
          const object = Object.fromEntries(entries);
          expect(canonicalJson(object)).toBe(sortKeysReference(object));
          expect(canonicalJson([object, { nested: object }])).toBe(sortKeysReference([object, { nested: object }]));
        }
      }),
      { numRuns: 500 },
    );
  });
});
