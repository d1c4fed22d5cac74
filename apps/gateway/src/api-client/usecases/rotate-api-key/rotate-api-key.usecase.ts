import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { ClientChanges } from '../../../client-changes/client-changes';
import { AdminAudit } from '../../admin-audit';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { toApiClientView } from '../../api-client.view';
import { generateApiKey } from '../../api-key';
import type { RotateApiKeyCommand, RotatedApiKeyView } from './rotate-api-key.command';

/**
 * Issues a new key for a client. The previous key keeps working for the grace period asked for (a planned rotation:
 * the client switches without downtime) or stops at once (0: a leaked key): on every replica at once (ClientChanges
 * drops their cached keys; while Redis is down, other replicas within API_KEY_CACHE_TTL_MS). A key older than the
 * previous one never survives.
 */
@Injectable()
export class RotateApiKeyUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly changes: ClientChanges,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAudit,
  ) {}

  async execute({ clientId, gracePeriodSeconds, caller, correlationId }: RotateApiKeyCommand): Promise<RotatedApiKeyView> {
    const { key, prefix, hash } = generateApiKey();
    const now = this.clock.now();
    const graceEnd = gracePeriodSeconds > 0 ? new Date(now.getTime() + gracePeriodSeconds * 1000) : null;
    const client = await this.transactions.run(async (tx) => {
      const before = await this.clients.findById(clientId, tx, true);
      if (!before) throw ApiClientErrors.notFound(clientId);
      const previous = graceEnd
        ? { previousKeyPrefix: before.keyPrefix, previousKeyHash: before.keyHash, previousKeyExpiresAt: graceEnd }
        : { previousKeyPrefix: null, previousKeyHash: null, previousKeyExpiresAt: null };
      const updated = (await this.clients.update(clientId, { keyPrefix: prefix, keyHash: hash, ...previous }, tx, now))!;
      const details = { keyPrefix: prefix, previousKeyPrefix: before.keyPrefix, previousKeyValidUntil: graceEnd };
      await this.audit.record(tx, { actor: caller.clientId, action: 'api-client.key-rotated', target: clientId, details, correlationId }, now);
      return updated;
    });
    await this.changes.changed(clientId);
    return { ...toApiClientView(client), apiKey: key };
  }
}
