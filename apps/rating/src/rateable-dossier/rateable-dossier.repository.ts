import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RateableDossierEntity } from './rateable-dossier.entity';

@Injectable()
export class RateableDossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** First sighting only: a later status change must not be overwritten by a replayed submission. */
  async insertIfAbsent(tx: EntityManager, dossier: RateableDossierEntity): Promise<void> {
    await tx.createQueryBuilder().insert().into(RateableDossierEntity).values(dossier).orIgnore().execute();
  }

  findByCode(dossierCode: string): Promise<RateableDossierEntity | null> {
    return this.dataSource.manager.findOneBy(RateableDossierEntity, { dossierCode });
  }
}
