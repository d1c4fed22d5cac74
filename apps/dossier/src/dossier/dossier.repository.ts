import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DossierState } from './domain/dossier-state';
import { DossierStateStore } from './dossier-state.store';

@Injectable()
export class DossierRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DossierStateStore,
  ) {}

  /** The domain state of one dossier (with its history and notices), read without a lock. */
  async findState(code: string): Promise<DossierState | null> {
    return (await this.store.load(this.dataSource.manager, [code])).get(code)?.state ?? null;
  }
}
