import { Injectable, Logger } from '@nestjs/common';
import { clientPolicyViolations, Clock, type CallerIdentity, type FieldError } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { AdminAudit } from '../../admin-audit';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { generateApiKey } from '../../api-key';
import { parseBootstrapAdminKeyHash } from '../../bootstrap-admin';
import { DEFAULT_ROLES } from '../../default-roles';
import type { RegisterApiClientCommand, RegisteredApiClientDto } from './register-api-client.command';

export const BOOTSTRAP_ADMIN_ID = 'bootstrap-admin';

/** Checks an expiry given by an administrator: a date-time in the future. */
export function expiryViolations(expiresAt: Date | null | undefined, now: Date): FieldError[] {
  return expiresAt && expiresAt.getTime() <= now.getTime() ? [{ field: 'expiresAt', code: 'EXPIRES_AT_IN_PAST', message: 'expiresAt must be in the future' }] : [];
}

@Injectable()
export class RegisterApiClientUseCase {
  private readonly logger = new Logger('ApiClients');

  constructor(
    private readonly clients: ApiClientRepository,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAudit,
  ) {}

  /** Registers a client whose kind may hold every role asked for (deny by default: access-policy.ts). */
  async execute(command: RegisterApiClientCommand, caller: CallerIdentity, correlationId: string): Promise<RegisteredApiClientDto> {
    const now = this.clock.now();
    const roles = [...(command.roles ?? DEFAULT_ROLES[command.kind])];
    const expiresAt = command.expiresAt ? new Date(command.expiresAt) : null;
    const violations = [...clientPolicyViolations({ kind: command.kind, agencyCodes: command.agencyCodes, roles }), ...expiryViolations(expiresAt, now)];
    if (violations.length > 0) throw ApiClientErrors.policyViolation(violations);
    const { key, prefix, hash } = generateApiKey();
    const client = { clientId: command.clientId, name: command.name, kind: command.kind, agencyCodes: command.agencyCodes, roles };
    await this.transactions.run(async (tx) => {
      const inserted = await this.clients.insert({ ...client, keyPrefix: prefix, keyHash: hash, active: true, createdAt: now, expiresAt }, tx);
      if (!inserted) throw ApiClientErrors.exists(command.clientId);
      await this.audit.record(tx, { actor: caller.clientId, action: 'api-client.registered', target: client.clientId, details: { ...client, expiresAt }, correlationId }, now);
    });
    return { ...client, expiresAt: expiresAt ? expiresAt.toISOString() : null, apiKey: key };
  }

  /**
   * The administrator of the configuration (`GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH`, never the key in clear): registered
   * on the first start with that hash; the same hash again changes nothing, so once an operator has created a real
   * administrator and disabled this one, it stays disabled. A different hash (a deliberate new bootstrap, e.g. every
   * administrator lost) re-keys and re-enables it; both are in the admin audit.
   */
  async ensureBootstrapAdmin(keyHashSpec: string): Promise<void> {
    const { prefix, hash } = parseBootstrapAdminKeyHash(keyHashSpec);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const existing = await this.clients.findById(BOOTSTRAP_ADMIN_ID, tx, true);
      if (existing?.keyHash === hash) return;
      const admin = { kind: 'operator' as const, agencyCodes: [], roles: ['hub:admin'], keyPrefix: prefix, keyHash: hash, active: true };
      if (!existing) {
        const name = 'Bootstrap administrator (from configuration)';
        if (!(await this.clients.insert({ clientId: BOOTSTRAP_ADMIN_ID, name, createdAt: now, expiresAt: null, ...admin }, tx))) return;
        await this.audit.record(tx, { actor: 'configuration', action: 'bootstrap-admin.created', target: BOOTSTRAP_ADMIN_ID, details: { keyPrefix: prefix }, correlationId: null }, now);
      } else {
        await this.clients.update(BOOTSTRAP_ADMIN_ID, { ...admin, previousKeyPrefix: null, previousKeyHash: null, previousKeyExpiresAt: null, expiresAt: null }, tx, now);
        await this.audit.record(tx, { actor: 'configuration', action: 'bootstrap-admin.rekeyed', target: BOOTSTRAP_ADMIN_ID, details: { keyPrefix: prefix, wasActive: existing.active }, correlationId: null }, now);
        this.logger.warn(`${BOOTSTRAP_ADMIN_ID} re-keyed and enabled from GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH (a new hash); disable it once a real administrator exists`);
      }
    });
  }
}
