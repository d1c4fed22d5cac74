import { ApiProperty } from '@nestjs/swagger';
import type { ApiClientEntity } from './api-client.entity';

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
}

export function toApiClientView(client: ApiClientEntity): ApiClientView {
  const { clientId, name, kind, agencyCodes, roles, keyPrefix, active, createdAt } = client;
  return { clientId, name, kind, agencyCodes, roles, keyPrefix, active, createdAt: createdAt.toISOString() };
}
