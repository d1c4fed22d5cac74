import { ApiProperty } from '@nestjs/swagger';
import type { ApiClientEntity } from './api-client.entity';
import { RateLimitOverridesDto } from './rate-limit-overrides.dto';

/** A registered client as administrators see it: never its key, only the key's public prefix. */
export class ApiClientView {
  @ApiProperty({ example: 'hanoi-one-stop' }) clientId!: string;
  @ApiProperty({ example: 'Hệ thống một cửa điện tử Hà Nội' }) name!: string;
  @ApiProperty({ example: 'agency-system' }) kind!: string;
  @ApiProperty({ type: [String], example: ['000.00.00.H31'] }) agencyCodes!: string[];
  @ApiProperty({ type: [String], example: ['dossier:sync', 'dossier:read'] }) roles!: string[];
  @ApiProperty({ example: '0a1b2c3d', description: 'Public part of the current key (hub_<keyPrefix>_…): tells which key is in use' })
  keyPrefix!: string;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-01-12T08:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: RateLimitOverridesDto, nullable: true, description: 'Overrides of the default rate limits; null: the defaults apply' })
  rateLimits!: RateLimitOverridesDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Keys and tokens are refused after this instant; null: no expiry' })
  expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '9f8e7d6c', description: 'Public part of the previous key while its grace period runs' })
  previousKeyPrefix!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'End of the previous key’s grace period' })
  previousKeyExpiresAt!: string | null;
}

export function toApiClientView(client: ApiClientEntity): ApiClientView {
  const { clientId, name, kind, agencyCodes, roles, keyPrefix, active, createdAt, rateLimits, expiresAt } = client;
  const grace = client.previousKeyExpiresAt && client.previousKeyExpiresAt.getTime() > Date.now() ? client.previousKeyExpiresAt : null;
  return {
    clientId,
    name,
    kind,
    agencyCodes,
    roles,
    keyPrefix,
    active,
    createdAt: createdAt.toISOString(),
    rateLimits: rateLimits ?? null,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
    previousKeyPrefix: grace ? (client.previousKeyPrefix ?? null) : null,
    previousKeyExpiresAt: grace ? grace.toISOString() : null,
  };
}
