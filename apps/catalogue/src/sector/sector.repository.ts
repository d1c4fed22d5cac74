import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SectorEntity } from './sector.entity';

@Injectable()
export class SectorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the row (or the gap for a new code, via an advisory lock on its hash) until the transaction ends. */
  async lock(tx: EntityManager, code: string): Promise<void> {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('sector:' || $1))", [code]);
  }

  findByCode(code: string, tx: EntityManager = this.dataSource.manager): Promise<SectorEntity | null> {
    return tx.findOneBy(SectorEntity, { code });
  }

  save(tx: EntityManager, sector: SectorEntity): Promise<SectorEntity> {
    return tx.save(SectorEntity, sector);
  }

  async existing(codes: readonly string[], tx: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: Array<{ code: string }> = await tx.query('SELECT code FROM sector WHERE code = ANY($1)', [[...new Set(codes)]]);
    return new Set(rows.map((r) => r.code));
  }

  async list(offset: number, limit: number): Promise<{ items: SectorEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(SectorEntity, { order: { code: 'ASC' }, skip: offset, take: limit });
    return { items, total };
  }
}
