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
}

export function toApiClientView(client: ApiClientEntity): ApiClientView {
  const { clientId, name, kind, agencyCodes, roles, keyPrefix, active, createdAt, rateLimits } = client;
  return { clientId, name, kind, agencyCodes, roles, keyPrefix, active, createdAt: createdAt.toISOString(), rateLimits: rateLimits ?? null };
}
