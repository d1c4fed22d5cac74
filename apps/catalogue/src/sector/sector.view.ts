import { ApiProperty } from '@nestjs/swagger';
import type { SectorEntity } from './sector.entity';

export class SectorView {
  @ApiProperty({ example: 'G09-XD01' }) code!: string;
  @ApiProperty({ example: 'Hoạt động xây dựng' }) name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(s: SectorEntity): SectorView {
    return { code: s.code, name: s.name, active: s.active, revision: s.revision, updatedAt: s.updatedAt.toISOString() };
  }
}

export class SectorPageView {
  @ApiProperty({ type: [SectorView] }) items!: SectorView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
