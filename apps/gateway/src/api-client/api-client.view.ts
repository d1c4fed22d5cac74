import { ApiProperty } from '@nestjs/swagger';
import type { ApiClientEntity } from './api-client.entity';
import { RateLimitOverridesDto } from './rate-limit-overrides.dto';

/** A registered client as administrators see it: never its key, only the key's public prefix. */
export class ApiClientView {
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: [String] }) agencyCodes!: string[];
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ example: '0a1b2c3d', description: 'Public part of the current key (hub_<keyPrefix>_…): tells which key is in use' })
  keyPrefix!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
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
