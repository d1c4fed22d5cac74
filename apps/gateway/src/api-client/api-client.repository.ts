import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallerKind } from '@hub/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiClientEntity } from './api-client.entity';

export type ApiClientChanges = Partial<
  Pick<ApiClientEntity, 'name' | 'agencyCodes' | 'roles' | 'keyPrefix' | 'keyHash' | 'active' | 'rateLimits' | 'expiresAt' | 'previousKeyPrefix' | 'previousKeyHash' | 'previousKeyExpiresAt' | 'kind'>
>;

export interface ApiClientFilter {
  kind?: CallerKind;
  active?: boolean;
  /** Keyset: client ids after this one. */
  after?: string;
  limit: number;
}

@Injectable()
export class ApiClientRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Clients whose current key, or previous key still in its grace period, has this prefix (at most a few). */
  findByKeyPrefix(keyPrefix: string, now: Date): Promise<ApiClientEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ApiClientEntity, 'c')
      .where('c.keyPrefix = :keyPrefix', { keyPrefix })
      .orWhere('(c.previousKeyPrefix = :keyPrefix AND c.previousKeyExpiresAt > :now)', { keyPrefix, now })
      .getMany();
  }

  findById(clientId: string, tx: EntityManager = this.dataSource.manager, lock = false): Promise<ApiClientEntity | null> {
    return tx.findOne(ApiClientEntity, { where: { clientId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  list(filter: ApiClientFilter): Promise<ApiClientEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(ApiClientEntity, 'c').orderBy('c.clientId').limit(filter.limit);
    if (filter.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.active !== undefined) query.andWhere('c.active = :active', { active: filter.active });
    if (filter.after) query.andWhere('c.clientId > :after', { after: filter.after });
    return query.getMany();
  }

  /** Inserts; returns false if the client id is taken. */
  async insert(client: ApiClientEntity, tx: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO api_client (client_id, name, kind, agency_codes, roles, key_prefix, key_hash, active, created_at, expires_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9) ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
      [client.clientId, client.name, client.kind, client.agencyCodes, client.roles, client.keyPrefix, client.keyHash, client.active, client.createdAt, client.expiresAt ?? null],
    );
    return rows.length > 0;
  }

  /** Applies `changes`; returns the client as stored afterwards, or null if there is no such client. */
  async update(clientId: string, changes: ApiClientChanges, tx: EntityManager = this.dataSource.manager, now: Date = new Date()): Promise<ApiClientEntity | null> {
    if (Object.keys(changes).length > 0) {
      const result = await tx.update(ApiClientEntity, { clientId }, { ...changes, updatedAt: now });
      if (result.affected === 0) return null;
    }
    return this.findById(clientId, tx);
  }
}
