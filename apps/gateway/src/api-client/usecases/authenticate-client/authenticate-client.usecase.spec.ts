import { stubOf } from '@hub/testing';
import type { ApiClientEntity } from '../../api-client.entity';
import type { ApiClientRepository } from '../../api-client.repository';
import { generateApiKey } from '../../api-key';
import { AuthenticatedKeyCache } from '../../authenticated-key-cache';
import { AuthenticateClientUseCase } from './authenticate-client.usecase';

const CACHE_TTL_MS = 30_000;

function setup() {
  const { key, prefix, hash } = generateApiKey();
  const row: ApiClientEntity = {
    clientId: 'hcm-one-stop',
    name: 'HCMC one-stop system',
    kind: 'agency-system',
    agencyCodes: ['000.00.15.H29'],
    roles: ['dossier:sync'],
    keyPrefix: prefix,
    keyHash: hash,
    active: true,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
  // Another client, rotated with a grace period: its previous key works until previousKeyExpiresAt.
  const old = generateApiKey();
  const current = generateApiKey();
  const previous: ApiClientEntity = {
    ...row,
    clientId: 'rotated-portal',
    kind: 'payment-provider',
    agencyCodes: [],
    roles: ['dossier:read'],
    keyPrefix: current.prefix,
    keyHash: current.hash,
    previousKeyPrefix: old.prefix,
    previousKeyHash: old.hash,
    previousKeyExpiresAt: new Date('2026-03-09T04:00:00Z'),
  };
  const lookups: string[] = [];
  const clients = stubOf<ApiClientRepository>({
    findByKeyPrefix: async (keyPrefix) => {
      lookups.push(keyPrefix);
      return [row, previous].filter((r) => r.keyPrefix === keyPrefix || r.previousKeyPrefix === keyPrefix).map((r) => ({ ...r }));
    },
  });
  return { key, row, previous, oldKey: old.key, currentKey: current.key, lookups, useCase: new AuthenticateClientUseCase(clients, new AuthenticatedKeyCache()) };
}

describe('AuthenticateClientUseCase', () => {
  let now = Date.parse('2026-03-09T03:00:00Z');
  beforeEach(() => {
    now = Date.parse('2026-03-09T03:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers the client’s identity for its key and refuses a missing, malformed, unknown or wrong key', async () => {
    const { key, row, useCase } = setup();
    await expect(useCase.execute(key)).resolves.toEqual({ identity: { clientId: 'hcm-one-stop', kind: 'agency-system', agencyCodes: ['000.00.15.H29'], roles: ['dossier:sync'] }, rateLimits: undefined });
    const other = generateApiKey();
    for (const bad of [undefined, '', 'not-a-key', other.key, `hub_${row.keyPrefix}_${other.key.slice(14)}`]) {
      await expect(useCase.execute(bad)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('serves a known key from its cache without a database lookup until the cache entry expires', async () => {
    const { key, lookups, useCase } = setup();
    await useCase.execute(key);
    now += CACHE_TTL_MS - 1;
    await useCase.execute(key);
    expect(lookups).toHaveLength(1);
    now += 1;
    await useCase.execute(key);
    expect(lookups).toHaveLength(2);
  });

  it('keeps accepting a revoked key for at most the cache window, then refuses it', async () => {
    const { key, row, useCase } = setup();
    await useCase.execute(key);
    row.active = false;
    now += CACHE_TTL_MS - 1;
    // The documented revocation window: a cached identity is trusted until it expires.
    await expect(useCase.execute(key)).resolves.toMatchObject({ identity: { clientId: 'hcm-one-stop' } });
    now += 1;
    await expect(useCase.execute(key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('accepts a previous key until its grace period ends, never after the client expires; grants only roles its kind may hold', async () => {
    const { oldKey, currentKey, previous, row, key, useCase } = setup();
    // A payment provider registered with dossier:read before the access policy: the role grants nothing.
    await expect(useCase.execute(currentKey)).resolves.toMatchObject({ identity: { clientId: 'rotated-portal', roles: [] } });
    await expect(useCase.execute(oldKey)).resolves.toMatchObject({ identity: { clientId: 'rotated-portal' } });
    now = previous.previousKeyExpiresAt!.getTime();
    await expect(useCase.execute(oldKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(useCase.execute(currentKey)).resolves.toMatchObject({ identity: { clientId: 'rotated-portal' } });
    row.expiresAt = new Date(now + 1000);
    await expect(useCase.execute(key)).resolves.toMatchObject({ identity: { clientId: 'hcm-one-stop' } });
    // The cache entry does not outlive the client's expiry.
    now += 1000;
    await expect(useCase.execute(key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('never caches a refusal: a key activated after a failed attempt works at once', async () => {
    const { key, row, useCase } = setup();
    row.active = false;
    await expect(useCase.execute(key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    row.active = true;
    await expect(useCase.execute(key)).resolves.toMatchObject({ identity: { clientId: 'hcm-one-stop' } });
  });
});
