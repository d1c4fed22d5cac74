import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiClientEntity } from './api-client.entity';

@Injectable()
export class ApiClientRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByPrefix(keyPrefix: string): Promise<ApiClientEntity | null> {
    return this.dataSource.manager.findOneBy(ApiClientEntity, { keyPrefix });
  }

  findById(clientId: string): Promise<ApiClientEntity | null> {
    return this.dataSource.manager.findOneBy(ApiClientEntity, { clientId });
  }

  /** Inserts; returns false if the client id is taken. */
  async insert(client: ApiClientEntity): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO api_client (client_id, name, kind, agency_codes, roles, key_prefix, key_hash, active, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
      [client.clientId, client.name, client.kind, client.agencyCodes, client.roles, client.keyPrefix, client.keyHash, client.active, client.createdAt],
    );
    return rows.length > 0;
  }

  /** Applies `changes`; returns the client as stored afterwards, or null if there is no such client. */
  async update(clientId: string, changes: Partial<Pick<ApiClientEntity, 'name' | 'agencyCodes' | 'roles' | 'keyPrefix' | 'keyHash' | 'active' | 'rateLimits'>>): Promise<ApiClientEntity | null> {
    if (Object.keys(changes).length > 0) {
      const result = await this.dataSource.manager.update(ApiClientEntity, { clientId }, changes);
      if (result.affected === 0) return null;
    }
    return this.findById(clientId);
  }

  async upsert(client: ApiClientEntity): Promise<void> {
    await this.dataSource.manager.upsert(ApiClientEntity, client, ['clientId']);
  }
}
