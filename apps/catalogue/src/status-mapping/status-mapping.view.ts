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
  @ApiPropertyOptional({ description: 'The client that registered this version: only in the answer to the writer (public reads never show internal client ids)' })
  createdBy?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  /** `withAuthor` only for the writer's own answer: anonymous reads do not reveal internal client ids. */
  static from(e: StatusMappingEntity, withAuthor = false): StatusMappingView {
    return { agencyCode: e.agencyCode, version: e.version, mappings: e.mappings, ...(withAuthor ? { createdBy: e.createdBy } : {}), createdAt: e.createdAt.toISOString() };
  }
}
