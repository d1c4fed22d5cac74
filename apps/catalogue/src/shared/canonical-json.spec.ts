import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('ignores key order at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: { d: 1, c: 2 } })).toBe(canonicalJson({ b: { c: 2, d: 1 }, a: 1 }));
  });
  it('keeps array order', () => expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2])));
});
