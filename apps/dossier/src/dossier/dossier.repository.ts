import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DossierState } from './domain/dossier-state';
import { DossierStateStore, type StoredDossier } from './dossier-state.store';

@Injectable()
export class DossierRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DossierStateStore,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Next value of the receiving agency's daily sequence. The counter row is locked until the caller's
   * transaction ends and rolls back with it, so codes have neither gaps nor duplicates.
   */
  async nextDailySequence(tx: EntityManager, agencyCode: string, receiptDate: string): Promise<number> {
    const [row] = await tx.query(
      `INSERT INTO dossier_code_sequence (agency_code, receipt_date, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
       RETURNING last_value`,
      [agencyCode, receiptDate],
    );
    return Number(row.last_value);
  }

  /** A new dossier with its first status change. */
  insert(tx: EntityManager, dossier: StoredDossier): Promise<void> {
    return this.store.save(tx, [{ before: null, after: dossier }]);
  }

  /** The domain state of one dossier (with its history and notices), read without a lock. */
  async findState(code: string): Promise<DossierState | null> {
    return (await this.store.load(this.dataSource.manager, [code])).get(code)?.state ?? null;
  }
}
