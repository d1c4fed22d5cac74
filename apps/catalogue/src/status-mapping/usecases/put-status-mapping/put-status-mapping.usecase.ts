import { Injectable } from '@nestjs/common';
import { canonicalJson, StatusMappingUpdated } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { authorize, Clock, holdsRole, type CallerIdentity, type EventTrace } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import type { EntityManager } from 'typeorm';
import { planUpsert, type UpsertResult } from '../../../shared/versioned-upsert';
import { AgencyErrors } from '../../../agency/agency.errors';
import { AgencyRepository } from '../../../agency/agency.repository';
import type { StatusMappingEntry } from '../../status-mapping.entity';
import { StatusMappingErrors } from '../../status-mapping.errors';
import { StatusMappingRepository } from '../../status-mapping.repository';
import { StatusMappingView } from '../../status-mapping.view';
import type { PutStatusMappingCommand } from './put-status-mapping.command';

export interface PutStatusMappingResult {
  result: UpsertResult;
  mapping: StatusMappingView;
}

/**
 * Registers the whole mapping of an agency system's local statuses as a new version (older versions stay
 * readable) and publishes it; the same mapping sent again creates no version. An agency system may only
 * register the mapping of its own agencies; catalogue operators may register any (access-policy.ts).
 */
@Injectable()
export class PutStatusMappingUseCase {
  constructor(
    private readonly mappings: StatusMappingRepository,
    private readonly agencies: AgencyRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ agencyCode, caller, trace, ...command }: PutStatusMappingCommand & { agencyCode: string; caller: CallerIdentity; trace: EventTrace }): Promise<PutStatusMappingResult> {
    // The national catalogue writers (operators only, by the access policy) maintain every agency's mapping; an
    // agency system with status-mapping:write only its own agencies' (a catalogue:write stored on one grants nothing).
    if (!holdsRole(caller, 'catalogue:write')) {
      authorize(caller, 'status-mapping:write', { agencyCode, outOfScope: () => StatusMappingErrors.scopeViolation(agencyCode) });
    }
    return this.transactions.run((tx) => this.put(tx, agencyCode, command, caller.clientId, trace));
  }

  private async put(tx: EntityManager, agencyCode: string, command: PutStatusMappingCommand, actor: string, trace: EventTrace): Promise<PutStatusMappingResult> {
    if (!(await this.agencies.findByCode(agencyCode, tx))) throw AgencyErrors.notFound(agencyCode);
    await this.mappings.lock(tx, agencyCode);
    const entries: StatusMappingEntry[] = [...command.mappings]
      .sort((a, b) => (a.localCode < b.localCode ? -1 : a.localCode > b.localCode ? 1 : 0))
      .map((m) => ({ localCode: m.localCode, nationalStatus: m.nationalStatus, ...(m.description ? { description: m.description } : {}) }));
    const latest = await this.mappings.latest(agencyCode, tx);
    // Every change is a new version row; older versions stay readable.
    const plan = planUpsert(latest, (l) => canonicalJson(l.mappings) === canonicalJson(entries), 'version');
    if (plan.result === 'unchanged') return { result: plan.result, mapping: StatusMappingView.from(plan.existing, true) };
    const entity = { agencyCode, version: plan.revision, mappings: entries, createdBy: actor, createdAt: this.clock.now() };
    await this.mappings.insert(tx, entity);
    await this.outbox.append(tx, StatusMappingUpdated, { agencyCode, version: entity.version, mappings: entries }, trace);
    return { result: plan.result, mapping: StatusMappingView.from(entity, true) };
  }
}
