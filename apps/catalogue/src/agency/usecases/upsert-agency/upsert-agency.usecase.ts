import { Injectable } from '@nestjs/common';
import { AgencyUpserted } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { Clock, invalidInput, type EventTrace } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import type { EntityManager } from 'typeorm';
import { planUpsert, type UpsertResult } from '../../../shared/versioned-upsert';
import { AgencyEntity } from '../../agency.entity';
import { AgencyErrors } from '../../agency.errors';
import { agencySnapshot } from '../../agency.events';
import { AgencyRepository } from '../../agency.repository';
import { AgencyView } from '../../agency.view';
import type { UpsertAgencyCommand } from './upsert-agency.command';


export interface UpsertedAgency {
  result: UpsertResult;
  agency: AgencyView;
}

/**
 * Creates or updates an agency. A change bumps the revision and emits AgencyUpserted (full snapshot) in the
 * same transaction; sending the same data again changes nothing and emits nothing.
 */
@Injectable()
export class UpsertAgencyUseCase {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ trace, ...command }: UpsertAgencyCommand & { trace: EventTrace }): Promise<UpsertedAgency> {
    if (command.validFrom && command.validTo && command.validTo < command.validFrom) {
      throw invalidInput([{ field: 'validTo', code: 'BEFORE_VALID_FROM', message: 'validTo must not be before validFrom' }]);
    }
    return this.transactions.run((tx) => this.upsert(tx, command, trace));
  }

  /** The write itself, inside the transaction of `execute`. */
  private async upsert(tx: EntityManager, command: UpsertAgencyCommand, trace: EventTrace): Promise<UpsertedAgency> {
    await this.agencies.lockWrites(tx);
    const parentCode = command.parentCode ?? null;
    if (parentCode !== null) {
      if (parentCode === command.code) throw AgencyErrors.hierarchyCycle(command.code, parentCode);
      const parent = await this.agencies.findByCode(parentCode, tx);
      if (!parent) throw AgencyErrors.parentUnknown(parentCode);
      if (await this.agencies.isInSubtree(tx, command.code, parentCode)) throw AgencyErrors.hierarchyCycle(command.code, parentCode);
    }
    const existing = await this.agencies.findByCode(command.code, tx);
    const now = this.clock.now();
    const next = {
      name: command.name,
      level: command.level,
      parentCode,
      active: command.active ?? true,
      validFrom: command.validFrom ?? null,
      validTo: command.validTo ?? null,
    };
    const plan = planUpsert(existing, (e) => sameAgency(e, next), 'revision');
    if (plan.result === 'unchanged') return { result: plan.result, agency: AgencyView.from(plan.existing) };

    const saved = await this.agencies.save(tx, {
      code: command.code,
      ...next,
      revision: plan.revision,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    } satisfies AgencyEntity);
    await this.outbox.append(tx, AgencyUpserted, agencySnapshot(saved), trace);
    return { result: plan.result, agency: AgencyView.from(saved) };
  }
}

function sameAgency(a: AgencyEntity, b: Pick<AgencyEntity, 'name' | 'level' | 'parentCode' | 'active' | 'validFrom' | 'validTo'>): boolean {
  return (
    a.name === b.name &&
    a.level === b.level &&
    a.parentCode === b.parentCode &&
    a.active === b.active &&
    a.validFrom === b.validFrom &&
    a.validTo === b.validTo
  );
}
