import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { applyDossierEvents, type ArrivedDossierEvent } from '../domain/dossier-batch';
import { IndexFactsRepository } from '../store/index-facts.repository';

/**
 * Applies a chunk of dossier.received / dossier.status-changed events: each status change counts once for sync
 * timeliness (in the month it reached the hub), and each dossier's latest revision replaces its previous
 * contribution to the counters. Six statements per chunk whatever its size: lock the dossiers, record the status
 * changes, read the held copies and payments, then save the copies and append the merged deltas.
 */
@Injectable()
export class RecordDossierFactsUseCase {
  constructor(private readonly facts: IndexFactsRepository) {}

  async execute(tx: EntityManager, items: readonly ArrivedDossierEvent[]): Promise<void> {
    if (items.length === 0) return;
    const codes = [...new Set(items.map((i) => i.event.payload.dossierCode))];
    await this.facts.lockDossiers(tx, codes);
    const firstStatusChanges = await this.facts.firstStatusChanges(
      tx,
      items.map((i) => ({ dossierCode: i.event.payload.dossierCode, revision: i.event.payload.revision })),
    );
    const dossiers = await this.facts.findDossiers(tx, codes);
    const paidOnline = await this.facts.paidOnline(tx, codes);
    const { save, deltas } = applyDossierEvents({ dossiers, paidOnline, firstStatusChanges }, items);
    await this.facts.saveDossiers(tx, save);
    await this.facts.addToCounters(tx, deltas);
  }
}
