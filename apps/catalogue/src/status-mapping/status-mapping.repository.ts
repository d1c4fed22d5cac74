import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { StatusMappingEntity } from './status-mapping.entity';

@Injectable()
export class StatusMappingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lock(tx: EntityManager, agencyCode: string): Promise<void> {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('status-mapping:' || $1))", [agencyCode]);
  }

  latest(agencyCode: string, tx: EntityManager = this.dataSource.manager): Promise<StatusMappingEntity | null> {
    return tx.findOne(StatusMappingEntity, { where: { agencyCode }, order: { version: 'DESC' } });
  }

  version(agencyCode: string, version: number): Promise<StatusMappingEntity | null> {
    return this.dataSource.manager.findOneBy(StatusMappingEntity, { agencyCode, version });
  }

  async insert(tx: EntityManager, entity: StatusMappingEntity): Promise<void> {
    await tx.insert(StatusMappingEntity, entity);
  }
}
