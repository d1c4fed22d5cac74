import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class VerifyExchangeLogQuery {
  @ApiPropertyOptional({ description: 'First entry to check (default 1)', example: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) from?: number;

  @ApiPropertyOptional({ description: 'Last entry to check (default: the newest)', example: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) to?: number;
}

export class ChainBreakView {
  @ApiProperty({ example: 42 }) seq!: number;
  @ApiProperty({ enum: ['MISSING', 'EDITED', 'RELINKED'], description: 'MISSING: removed; EDITED: content changed; RELINKED: not chained to its predecessor' })
  reason!: 'MISSING' | 'EDITED' | 'RELINKED';
}

export class ExchangeLogVerificationView {
  @ApiProperty({ description: 'true when every entry in the range is intact and chained' }) valid!: boolean;
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ description: 'Entries checked before the first break (or all of them)' }) checked!: number;
  @ApiPropertyOptional({ type: ChainBreakView, description: 'The first broken entry' }) firstBroken?: ChainBreakView;
}
