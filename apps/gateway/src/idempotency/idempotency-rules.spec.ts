import { acceptsIdempotencyKey, decideRetry, IDEMPOTENCY_KEY_PATTERN, requestFingerprint, requiresIdempotencyKey } from './idempotency-rules';

describe('idempotency rules', () => {
  it.each([
    ['POST', '/v1/payments', true],
    ['POST', '/v1/payments?x=1', true],
    ['POST', '/v1/payments/pay-1/refunds', true],
    ['POST', '/v1/dossiers/000.00.15.H31-260112-0001/notices', true],
    ['GET', '/v1/payments', false],
    ['POST', '/v1/dossiers', false],
    ['POST', '/v1/payments/pay-1/refunds/x', false],
  ])('%s %s requires a key: %s', (method, url, required) => expect(requiresIdempotencyKey(method, url)).toBe(required));

  it('accepts keys on unsafe methods only', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(acceptsIdempotencyKey)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(acceptsIdempotencyKey)).toBe(false);
  });

  it('takes printable keys of 1–255 characters', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('a b')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('x'.repeat(256))).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('')).toBe(false);
  });

  it('fingerprints method, URL and body', () => {
    const base = requestFingerprint('POST', '/v1/payments', Buffer.from('{"a":1}'));
    expect(requestFingerprint('POST', '/v1/payments', Buffer.from('{"a":1}'))).toBe(base);
    expect(requestFingerprint('POST', '/v1/payments', Buffer.from('{"a":2}'))).not.toBe(base);
    expect(requestFingerprint('PUT', '/v1/payments', Buffer.from('{"a":1}'))).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/payments?x', Buffer.from('{"a":1}'))).not.toBe(base);
  });

  it('replays a completed answer, refuses a different body and a retry in flight', () => {
    expect(decideRetry({ fingerprint: 'f', state: 'completed' }, 'f')).toBe('replay');
    expect(decideRetry({ fingerprint: 'f', state: 'in_flight' }, 'f')).toBe('in-flight');
    expect(decideRetry({ fingerprint: 'f', state: 'completed' }, 'g')).toBe('mismatch');
    expect(decideRetry({ fingerprint: 'f', state: 'in_flight' }, 'g')).toBe('mismatch');
  });
});
