import { expectEventually } from '@hub/testing';
import { DataSource } from 'typeorm';
import { IdempotencyStore } from '../src/idempotency/idempotency.store';
import { closeReplica, registerClient, startFakeUpstream, startGateway, startReplica, type Gateway } from './support/gateway-harness';

describe('Idempotency-Key through the gateway (real PostgreSQL)', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let key: string;
  let created = 0;

  beforeAll(async () => {
    upstream = await startFakeUpstream((req) => {
      if (req.url.includes('slow')) return { status: 201, body: { slow: true }, delayMs: 800 };
      if (req.url.includes('broken')) return { status: 500, body: { n: ++created } };
      return { status: 201, body: { paymentId: `pay-${++created}`, echoed: req.body } };
    });
    gateway = await startGateway(upstream.url);
    key = await registerClient(gateway, 'idem-portal');
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const post = (g: Gateway, url: string, payload: object, idempotencyKey?: string, apiKey = key) =>
    g.app.inject({ method: 'POST', url, headers: { 'x-api-key': apiKey, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, payload });

  it('replays the first answer to a retry, with Idempotent-Replayed, without forwarding again', async () => {
    const first = await post(gateway, '/v1/payments', { dossierCode: 'a' }, 'key-replay-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const forwarded = upstream.seen.length;

    const retry = await post(gateway, '/v1/payments', { dossierCode: 'a' }, 'key-replay-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(upstream.seen.length).toBe(forwarded);
    // Another client may use the same key for its own request.
    const otherKey = await registerClient(gateway, 'idem-other');
    const other = await post(gateway, '/v1/payments', { dossierCode: 'a' }, 'key-replay-1', otherKey);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.json().paymentId).not.toBe(first.json().paymentId);
  });

  it('answers 422 for the same key with a different body', async () => {
    expect((await post(gateway, '/v1/payments', { dossierCode: 'b' }, 'key-mismatch')).statusCode).toBe(201);
    const reused = await post(gateway, '/v1/payments', { dossierCode: 'c' }, 'key-mismatch');
    expect(reused.statusCode).toBe(422);
    expect(reused.headers['content-type']).toContain('application/problem+json');
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 409 to a retry while the first request is still running', async () => {
    const first = post(gateway, '/v1/dossiers/slow', { a: 1 }, 'key-in-flight');
    await expectEventually(() => expect(upstream.seen.some((r) => r.url === '/v1/dossiers/slow')).toBe(true));
    const retry = await post(gateway, '/v1/dossiers/slow', { a: 1 }, 'key-in-flight');
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('IDEMPOTENCY_REQUEST_IN_FLIGHT');
    expect((await first).statusCode).toBe(201);
    expect((await post(gateway, '/v1/dossiers/slow', { a: 1 }, 'key-in-flight')).headers['idempotent-replayed']).toBe('true');
  });

  it('requires the header on payments, refunds and notices, and checks its form', async () => {
    const forwarded = upstream.seen.length;
    for (const url of ['/v1/payments', '/v1/payments/pay-1/refunds', '/v1/dossiers/000.00.15.H31-260112-0001/notices']) {
      const res = await post(gateway, url, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    }
    expect((await post(gateway, '/v1/payments', {}, 'has space')).json().code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(upstream.seen.length).toBe(forwarded);
    // Elsewhere the header is optional.
    expect((await post(gateway, '/v1/dossiers', {})).statusCode).toBe(201);
  });

  it('keeps a stored answer across a restart: a new gateway on the same database replays it', async () => {
    const first = await post(gateway, '/v1/payments', { dossierCode: 'restart' }, 'key-restart');
    const second = await startReplica(gateway, upstream.url);
    try {
      const forwarded = upstream.seen.length;
      const retry = await post(second, '/v1/payments', { dossierCode: 'restart' }, 'key-restart');
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
      expect(upstream.seen.length).toBe(forwarded);
      expect((await post(second, '/v1/payments', { dossierCode: 'other' }, 'key-restart')).statusCode).toBe(422);
    } finally {
      await closeReplica(second);
    }
  });

  it('stores error answers too, and forgets expired keys', async () => {
    const failed = await post(gateway, '/v1/dossiers/broken', {}, 'key-broken');
    expect(failed.statusCode).toBe(500);
    const again = await post(gateway, '/v1/dossiers/broken', {}, 'key-broken');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(failed.json());

    const dataSource = gateway.app.get(DataSource);
    await dataSource.query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = 'key-broken'`);
    const afterExpiry = await post(gateway, '/v1/dossiers/broken', {}, 'key-broken');
    expect(afterExpiry.headers['idempotent-replayed']).toBeUndefined();
    expect(afterExpiry.json().n).toBeGreaterThan(failed.json().n);

    await dataSource.query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = 'key-broken'`);
    expect(await gateway.app.get(IdempotencyStore).pruneExpired()).toBe(1);
    expect(await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = 'key-broken'`)).toEqual([]);
  });
});
