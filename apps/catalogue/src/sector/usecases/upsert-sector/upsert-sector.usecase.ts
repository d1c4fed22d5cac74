import { Injectable } from '@nestjs/common';
import { SectorUpserted } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { Clock, type EventTrace } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import type { EntityManager } from 'typeorm';
import { planUpsert, type UpsertResult } from '../../../shared/versioned-upsert';
import { SectorEntity } from '../../sector.entity';
import { sectorSnapshot } from '../../sector.events';
import { SectorRepository } from '../../sector.repository';
import { SectorView } from '../../sector.view';
import type { UpsertSectorCommand } from './upsert-sector.command';

export interface UpsertedSector {
  result: UpsertResult;
  sector: SectorView;
}

/** Creates or renames a sector; a change emits SectorUpserted (full snapshot) in the same transaction. */
@Injectable()
export class UpsertSectorUseCase {
  constructor(
    private readonly sectors: SectorRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ trace, ...command }: UpsertSectorCommand & { trace: EventTrace }): Promise<UpsertedSector> {
    return this.transactions.run((tx) => this.upsert(tx, command, trace));
  }

  private async upsert(tx: EntityManager, command: UpsertSectorCommand, trace: EventTrace): Promise<UpsertedSector> {
    await this.sectors.lock(tx, command.code);
    const existing = await this.sectors.findByCode(command.code, tx);
    const active = command.active ?? true;
    const plan = planUpsert(existing, (e) => e.name === command.name && e.active === active, 'revision');
    if (plan.result === 'unchanged') return { result: plan.result, sector: SectorView.from(plan.existing) };
    const now = this.clock.now();
    const saved = await this.sectors.save(tx, {
      code: command.code,
      name: command.name,
      active,
      revision: plan.revision,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    } satisfies SectorEntity);
    await this.outbox.append(tx, SectorUpserted, sectorSnapshot(saved), trace);
    return { result: plan.result, sector: SectorView.from(saved) };
  }
}
