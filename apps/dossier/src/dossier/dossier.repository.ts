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

  /** A new dossier with its first status change. */
  insert(tx: EntityManager, dossier: StoredDossier): Promise<void> {
    return this.store.save(tx, [{ before: null, after: dossier }]);
  }

  /** The domain state of one dossier (with its history and notices), read without a lock. */
  async findState(code: string): Promise<DossierState | null> {
    return (await this.store.load(this.dataSource.manager, [code])).get(code)?.state ?? null;
  }
}
