import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_LEVELS, type AgencyLevel } from '@hub/contracts';
import type { AgencyEntity } from './agency.entity';
import type { AgencyNode } from './agency.repository';

export class AgencyView {
  @ApiProperty({ example: '000.00.15.H31' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENCY_LEVELS }) level!: AgencyLevel;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2020-01-01' }) validFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) validTo!: string | null;
  @ApiProperty({ description: 'Increases with every change' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(a: AgencyEntity): AgencyView {
    return {
      code: a.code,
      name: a.name,
      level: a.level,
      parentCode: a.parentCode,
      active: a.active,
      validFrom: a.validFrom,
      validTo: a.validTo,
      revision: a.revision,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

export class AgencyNodeView extends AgencyView {
  @ApiProperty({ description: 'Distance from the agency asked about (0 = itself, 1 = direct child or parent)' }) depth!: number;

  static fromNode(n: AgencyNode): AgencyNodeView {
    return { ...AgencyView.from(n), depth: n.depth };
  }
}

export class AgencySubtreePageView {
  @ApiProperty({ type: [AgencyNodeView], description: 'By depth, then code' }) items!: AgencyNodeView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}

export class AgencyPageView {
  @ApiProperty({ type: [AgencyView] }) items!: AgencyView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
