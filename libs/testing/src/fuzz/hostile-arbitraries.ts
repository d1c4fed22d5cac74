import fc from 'fast-check';

/** What a hostile client can vary in one request; everything is a string so that it goes on the wire as is. */
export interface HostileBody {
  contentType?: string;
  payload: string | Buffer;
}

const depth = fc.integer({ min: 65, max: 20_000 });

/** Bodies meant to break parsers, validators and use cases, from "nearly valid" to plain garbage. */
export function hostileJsonText(shape: string[] = []): fc.Arbitrary<string | Buffer> {
  const value = hostileJsonValue();
  return fc.oneof(
    depth.map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    depth.map((n) => '['.repeat(n) + ']'.repeat(n)),
    depth.map((n) => '['.repeat(n)),
    fc.integer({ min: 1, max: 400_000 }).map((n) => `[${'0,'.repeat(n)}0]`),
    fc.integer({ min: 1, max: 1_500_000 }).map((n) => JSON.stringify({ text: 'x'.repeat(n) })),
    fc.constantFrom(
      '',
      ' ',
      'null',
      '1e999',
      '-0',
      '123456789012345678901234567890',
      'NaN',
      '"\\ud800"',
      '{"a":"\\u0000"}',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '{"a":1,"a":2}',
      '{',
      '[1,]',
      '\uFEFF{}',
    ),
    value.map((v) => JSON.stringify(v)),
    // Shaped like the route's documented body, with hostile values in the documented fields.
    fc.record(Object.fromEntries(shape.map((name) => [name, value])), { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

export function hostileJsonValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308, 0.1, '', ' ', '0', '-1', 'null', 'true', '2026-02-30', '9999-12-31T23:59:59Z', '../../etc/passwd', "' OR 1=1 --", '<script>', '${jndi:ldap://127.0.0.1/a}', 'Nguyễn Văn An', '\u0000', '💥'.repeat(50)),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.string(), { maxLength: 50 }),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
  );
}

export const hostileContentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    undefined,
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'APPLICATION/JSON',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=--x',
    'application/xml',
    'application/x-ndjson',
    'application/merge-patch+json',
    'application/octet-stream',
    '*/*',
    'json',
    ';;;',
  ),
);

export function hostileBody(shape: string[] = []): fc.Arbitrary<HostileBody> {
  return fc.record({ contentType: hostileContentType, payload: hostileJsonText(shape) });
}

/** Path segments: traversal, encodings, bad escapes, control characters, length. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.webSegment().filter((s) => s.length > 0),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.integer({ min: 90, max: 5_000 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom('..', '.', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%00', '%', '%zz', '%E0%A4%A', '%C0%AF', '%2F', ';', 'a;b=c', '*', '~', '%20', '%F0%9F%92%A5', '%27%20OR%201%3D1--', '1.001234', '000.00.16.H31-260112-0001', '2026'),
);

/** Query strings: unknown and repeated keys, arrays, prototype keys, huge or negative numbers, bad escapes. */
export function hostileQuery(known: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...(known.length ? known : ['q'])), fc.constantFrom('__proto__', 'constructor', 'a[b]', 'page[]', ''), fc.string({ maxLength: 10 }));
  const value = fc.oneof(
    fc.constantFrom('', '-1', '0', '1e9', '99999999999999999999', 'NaN', 'true', '2026-02-30', 'a'.repeat(5000), '%', '%zz', '\u0000'),
    fc.string({ maxLength: 30 }),
  );
  return fc.oneof(
    fc.array(fc.tuple(key, value), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString()),
    fc.constantFrom('a[b][c]=1&__proto__[x]=1', '%', '&&&==', 'page=1&page=2&page=3', '?', 'q=%E0%A4%A'),
  );
}

const visibleAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });

/** Stands for the target's valid credential (a signed identity expires, so it is made at sending time). */
export const VALID_IDENTITY = '<valid credential>';

/**
 * Headers a client controls (values kept to what Node lets a client send; the socket fuzz sends the rest).
 * `credential` goes out under the target's credential header; `x-hub-identity` is then a forged one.
 */
export function hostileHeaders(): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      credential: fc.oneof({ weight: 4, arbitrary: fc.constant(VALID_IDENTITY) }, visibleAscii, fc.constant(`${VALID_IDENTITY}x`)),
      'x-hub-identity': visibleAscii,
      'x-correlation-id': fc.oneof(visibleAscii, fc.constant('a'.repeat(5000))),
      accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'application/problem+json', ''),
      'accept-language': visibleAscii,
      'x-api-key': visibleAscii,
      'idempotency-key': visibleAscii,
      'x-forwarded-for': fc.constantFrom('127.0.0.1', '::1, 10.0.0.1', 'garbage'),
    },
    { requiredKeys: ['credential'] },
  );
}

/** Raw request heads that Node's HTTP parser or Fastify's router refuse before the application sees them. */
export function hostileRequestHead(paths: string[]): fc.Arbitrary<string | Buffer> {
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    fc.tuple(path, fc.integer({ min: 17 * 1024, max: 96 * 1024 })).map(([p, n]) => `GET ${p} HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(n)}\r\n\r\n`),
    fc.integer({ min: 17 * 1024, max: 40 * 1024 }).map((n) => `GET /${'a'.repeat(n)} HTTP/1.1\r\nhost: x\r\n\r\n`),
    fc.tuple(path, fc.integer({ min: 9 * 1024, max: 15 * 1024 })).map(([p, n]) => `GET ${p}?q=${'a'.repeat(n)} HTTP/1.1\r\nhost: x\r\n\r\n`),
    path.map((p) => `GET ${p}/%zz HTTP/1.1\r\nhost: x\r\n\r\n`),
    path.map((p) => `GET ${p} HTTP/1.1\r\nhost: x\r\nx-bad: a\u0001b\r\n\r\n`),
    path.map((p) => `POST ${p} HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`),
    path.map((p) => `POST ${p} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\ncontent-type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`),
    path.map((p) => `POST ${p} HTTP/1.1\r\nhost: x\r\ncontent-length: -1\r\n\r\n`),
    path.map((p) => `BREW ${p} HTTP/1.1\r\nhost: x\r\n\r\n`),
    path.map((p) => `GET ${p} HTTP/9.9\r\nhost: x\r\n\r\n`),
    fc.constant('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')])),
  );
}
