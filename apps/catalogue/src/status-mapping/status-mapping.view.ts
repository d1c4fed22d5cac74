import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StatusMappingEntity } from './status-mapping.entity';

export class StatusMappingEntryView {
  @ApiProperty({ example: 'DANG_XU_LY' }) localCode!: string;
  @ApiProperty({ example: 4, minimum: 1, maximum: 10 }) nationalStatus!: number;
  @ApiPropertyOptional() description?: string;
}

export class StatusMappingView {
  @ApiProperty({ example: '000.00.00.H31' }) agencyCode!: string;
  @ApiProperty({ description: 'Increases with every change; dossier sync uses the latest' }) version!: number;
  @ApiProperty({ type: [StatusMappingEntryView] }) mappings!: StatusMappingEntryView[];
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(e: StatusMappingEntity): StatusMappingView {
    return { agencyCode: e.agencyCode, version: e.version, mappings: e.mappings, createdBy: e.createdBy, createdAt: e.createdAt.toISOString() };
  }
}
