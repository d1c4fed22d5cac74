import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ReconcileBody {
  @ApiProperty({ example: 'sandbox' })
  @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: 'provider must be a provider name such as sandbox' })
  provider!: string;

  @ApiProperty({ example: '2026-03-16', description: 'The statement day, Asia/Ho_Chi_Minh' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be yyyy-MM-dd' })
  date!: string;

  @ApiPropertyOptional({ description: "The provider's settlement statement as CSV text; omitted: fetched from the provider for the date" })
  @IsOptional()
  @IsString()
  @MaxLength(900_000)
  statement?: string;
}

export class ReconciliationExceptionView {
  @ApiProperty({ format: 'uuid' }) exceptionId!: string;
  @ApiProperty({ enum: ['MISSING_AT_HUB', 'MISSING_AT_PROVIDER', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH'] }) kind!: string;
  @ApiProperty() reference!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) lineNumber!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) hubAmount!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) providerAmount!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hubState!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) providerState!: string | null;
  @ApiProperty() resolved!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) resolutionNote!: string | null;
}

export class ReconciliationTotalsView {
  @ApiProperty() lines!: number;
  @ApiProperty() matched!: number;
  @ApiProperty() exceptions!: number;
  @ApiProperty({ description: 'Whole VND paid per the statement' }) providerTotal!: number;
  @ApiProperty({ description: 'Whole VND the hub settled that day' }) hubTotal!: number;
}

export class ReconciliationView {
  @ApiProperty({ format: 'uuid' }) reconciliationId!: string;
  @ApiProperty() provider!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ enum: ['UPLOAD', 'FETCH', 'DAILY'] }) source!: string;
  @ApiProperty({ type: ReconciliationTotalsView }) totals!: ReconciliationTotalsView;
  @ApiProperty({ type: [ReconciliationExceptionView] }) exceptions!: ReconciliationExceptionView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ResolveExceptionBody {
  @ApiProperty({ example: 'Bank confirmed the transfer on 17/03' })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
}
