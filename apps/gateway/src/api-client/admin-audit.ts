import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { API_CLIENT_ID_PATTERN } from './api-client-id';

export type AdminAction = 'api-client.registered' | 'api-client.updated' | 'api-client.key-rotated' | 'bootstrap-admin.created' | 'bootstrap-admin.rekeyed';

export interface AdminAuditEntry {
  actor: string;
  action: AdminAction;
  target: string;
  /** What changed; never a key or a key hash. */
  details: Record<string, unknown>;
  /** The request that made the change; null for a change made at start-up (the bootstrap admin). */
  correlationId: string | null;
}

export class AdminAuditQuery {
  @ApiProperty({ required: false, description: 'Only actions on this client' })
  @IsOptional() @Matches(API_CLIENT_ID_PATTERN) targetClientId?: string;
  @ApiProperty({ required: false, description: 'Only actions by this client' })
  @IsOptional() @Matches(API_CLIENT_ID_PATTERN) actorClientId?: string;
  @ApiProperty({ required: false, description: 'Entries after this id (the last id of the previous page)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @ApiProperty({ required: false, default: 50, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class AdminAuditEntryView {
  @ApiProperty({ example: 42 }) id!: number;
  @ApiProperty({ format: 'date-time', example: '2026-01-12T08:30:00.000Z' }) at!: string;
  @ApiProperty({ example: 'ops-console' }) actorClientId!: string;
  @ApiProperty({ enum: ['api-client.registered', 'api-client.updated', 'api-client.key-rotated', 'bootstrap-admin.created', 'bootstrap-admin.rekeyed'] }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'hanoi-one-stop' }) targetClientId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { active: { from: true, to: false } } }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
}

interface Row {
  id: string;
  at: Date;
  actor_client_id: string;
  action: string;
  target_client_id: string | null;
  details: Record<string, unknown>;
  correlation_id: string | null;
}

/** Append-only trail of administrative actions on API clients (a trigger refuses UPDATE and DELETE). */
@Injectable()
export class AdminAudit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the transaction of the change itself: no change without its audit entry. */
  async record(tx: EntityManager, entry: AdminAuditEntry, at: Date): Promise<void> {
    await tx.query(`INSERT INTO admin_audit (at, actor_client_id, action, target_client_id, details, correlation_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      at,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.details),
      entry.correlationId,
    ]);
  }

  async list(query: AdminAuditQuery): Promise<AdminAuditEntryView[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, at, actor_client_id, action, target_client_id, details, correlation_id FROM admin_audit
        WHERE ($1::text IS NULL OR target_client_id = $1) AND ($2::text IS NULL OR actor_client_id = $2) AND id > $3
        ORDER BY id LIMIT $4`,
      [query.targetClientId ?? null, query.actorClientId ?? null, query.after ?? 0, query.limit ?? 50],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actorClientId: r.actor_client_id,
      action: r.action,
      targetClientId: r.target_client_id,
      details: r.details,
      correlationId: r.correlation_id,
    }));
  }
}
