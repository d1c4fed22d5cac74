import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CALLER_KINDS, type CallerKind } from '@hub/platform';
import { API_CLIENT_ID_PATTERN } from '../../api-client-id';
import { ApiClientErrors } from '../../api-client.errors';
import { ApiClientRepository } from '../../api-client.repository';
import { ApiClientView, toApiClientView } from '../../api-client.view';

const KINDS = CALLER_KINDS.filter((k) => k !== 'public');

export class ListApiClientsQuery {
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: CallerKind;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Clients after this id (the nextCursor of the previous page)' })
  @IsOptional() @Matches(API_CLIENT_ID_PATTERN) cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ApiClientPage {
  @ApiProperty({ type: [ApiClientView] }) items!: ApiClientView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Clients by id, paged; never a key, only the keys' public prefixes. */
@Injectable()
export class ListApiClientsUseCase {
  constructor(private readonly clients: ApiClientRepository) {}

  async execute(query: ListApiClientsQuery): Promise<ApiClientPage> {
    const limit = query.limit ?? 50;
    const rows = await this.clients.list({ kind: query.kind, active: query.active, after: query.cursor, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return { items: page.map(toApiClientView), nextCursor: rows.length > limit ? page[page.length - 1].clientId : null };
  }

  async one(clientId: string): Promise<ApiClientView> {
    const client = await this.clients.findById(clientId);
    if (!client) throw ApiClientErrors.notFound(clientId);
    return toApiClientView(client);
  }
}
