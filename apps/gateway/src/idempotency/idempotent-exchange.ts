import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { acceptsIdempotencyKey, decideRetry, IDEMPOTENCY_KEY_PATTERN, requestFingerprint, requiresIdempotencyKey } from './idempotency-rules';
import { IdempotencyErrors } from './idempotency.errors';
import { IdempotencyStore, type StoredAnswer } from './idempotency.store';

export interface IdempotencyOptions {
  ttlSeconds: number;
  /** How long a first attempt holds its key before a retry may take it over (a replica died mid-request). */
  leaseMs: number;
  pruneIntervalMs: number;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

export interface IdempotentRequest {
  clientId: string;
  method: string;
  url: string;
  key: string | undefined;
  body?: Buffer;
}

/** Headers that belong to one exchange, not to the stored answer. */
const NOT_STORED = new Set(['x-correlation-id', 'date', REPLAYED_HEADER]);

/**
 * The IETF Idempotency-Key draft, per client and key: the first completed answer is stored for the TTL and
 * returned to every retry (with `Idempotent-Replayed: true`); the same key with another request is a 422,
 * a retry while the first runs a 409.
 */
@Injectable()
export class IdempotentExchange implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotentExchange.name);
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  async run(request: IdempotentRequest, answer: () => Promise<StoredAnswer>): Promise<StoredAnswer> {
    const { clientId, method, url, key } = request;
    if (key === undefined) {
      if (requiresIdempotencyKey(method, url)) throw IdempotencyErrors.required();
      return answer();
    }
    if (!acceptsIdempotencyKey(method)) return answer();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw IdempotencyErrors.invalid();

    const fingerprint = requestFingerprint(method, url, request.body);
    if (!(await this.store.claim(clientId, key, fingerprint, this.options.ttlSeconds, this.options.leaseMs))) {
      return this.retry(clientId, key, fingerprint);
    }
    let result: StoredAnswer;
    try {
      result = await answer();
    } catch (error) {
      await this.store.release(clientId, key);
      throw error;
    }
    const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => !NOT_STORED.has(name)));
    await this.store.complete(clientId, key, { ...result, headers });
    return result;
  }

  private async retry(clientId: string, key: string, fingerprint: string): Promise<StoredAnswer> {
    const existing = await this.store.find(clientId, key);
    // Gone between claim and find (pruned or released): the caller may simply retry.
    if (!existing) throw IdempotencyErrors.inFlight();
    switch (decideRetry(existing, fingerprint)) {
      case 'mismatch':
        throw IdempotencyErrors.reused();
      case 'in-flight':
        throw IdempotencyErrors.inFlight();
      case 'replay': {
        const stored = existing.answer!;
        return { ...stored, headers: { ...stored.headers, [REPLAYED_HEADER]: 'true' } };
      }
    }
  }

  onModuleInit(): void {
    this.pruneTimer = setInterval(() => {
      this.store.pruneExpired().then(
        (count) => count > 0 && this.logger.log({ msg: 'Pruned expired idempotency keys', count }),
        (err: unknown) => this.logger.warn({ msg: 'Pruning idempotency keys failed', err }),
      );
    }, this.options.pruneIntervalMs);
    this.pruneTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.pruneTimer);
  }
}
