import { Injectable } from '@nestjs/common';
import { clientPolicyViolations, Clock, type ClientKind } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { ClientChanges } from '../../../client-changes/client-changes';
import { AdminAudit } from '../../admin-audit';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository, type ApiClientChanges } from '../../api-client.repository';
import { toApiClientView, type ApiClientView } from '../../api-client.view';
import { expiryViolations } from '../register-api-client/register-api-client.usecase';
import type { UpdateApiClientCommand } from './update-api-client.command';

/**
 * Changes a client's name, agencies, roles, state, expiry or rate limits; they apply to its very next request through
 * any replica of the gateway (ClientChanges; by API key or access token; a token's roles are those it was issued with). The client as it would be afterwards must satisfy the access policy; every change is audited.
 */
@Injectable()
export class UpdateApiClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly changes: ClientChanges,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAudit,
  ) {}

  async execute({ clientId, changes, caller, correlationId }: UpdateApiClientCommand): Promise<ApiClientView> {
    const { name, agencyCodes, roles, active } = changes;
    const rateLimits = changes.rateLimits && { ...changes.rateLimits };
    const expiresAt = changes.expiresAt === undefined ? undefined : changes.expiresAt === null ? null : new Date(changes.expiresAt);
    const defined: ApiClientChanges = Object.fromEntries(
      Object.entries({ name, agencyCodes, roles, active, rateLimits, expiresAt }).filter(([, value]) => value !== undefined),
    );
    const now = this.clock.now();
    const client = await this.transactions.run(async (tx) => {
      const before = await this.clients.findById(clientId, tx, true);
      if (!before) throw ApiClientErrors.notFound(clientId);
      const after = { kind: before.kind as ClientKind, agencyCodes: agencyCodes ?? before.agencyCodes, roles: roles ?? before.roles };
      const violations = [...clientPolicyViolations(after), ...expiryViolations(expiresAt, now)];
      if (violations.length > 0) throw ApiClientErrors.policyViolation(violations);
      const updated = (await this.clients.update(clientId, defined, tx, now))!;
      const changed = Object.fromEntries(Object.entries(defined).map(([field, value]) => [field, { from: before[field as keyof typeof before] ?? null, to: value }]));
      await this.audit.record(tx, { actor: caller.clientId, action: 'api-client.updated', target: clientId, details: changed, correlationId }, now);
      return updated;
    });
    await this.changes.changed(clientId);
    return toApiClientView(client);
  }
}
