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
  @ApiProperty({ format: 'uuid', example: '9b1e7d4c-2a5f-4e8b-b3c6-8f0a2d7e5c19' }) exceptionId!: string;
  @ApiProperty({ enum: ['MISSING_AT_HUB', 'MISSING_AT_PROVIDER', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH'], example: 'AMOUNT_MISMATCH' }) kind!: string;
  @ApiProperty({ example: 'hub7d9f3c2a4b1e4c8d9a6f2e5b8c1d4f70' }) reference!: string;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 7 }) lineNumber!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Whole VND', example: 75000 }) hubAmount!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Whole VND', example: 50000 }) providerAmount!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'SUCCEEDED' }) hubState!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'PAID' }) providerState!: string | null;
  @ApiProperty({ example: false }) resolved!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: null }) resolutionNote!: string | null;
}

export class ReconciliationTotalsView {
  @ApiProperty({ example: 128 }) lines!: number;
  @ApiProperty({ example: 127 }) matched!: number;
  @ApiProperty({ example: 1 }) exceptions!: number;
  @ApiProperty({ description: 'Whole VND paid per the statement', example: 9575000 }) providerTotal!: number;
  @ApiProperty({ description: 'Whole VND the hub settled that day', example: 9600000 }) hubTotal!: number;
}

export class ReconciliationView {
  @ApiProperty({ format: 'uuid', example: 'c4a8e2f1-6d3b-4f9a-8e7c-5b2d1a9f3e60' }) reconciliationId!: string;
  @ApiProperty({ example: 'sandbox' }) provider!: string;
  @ApiProperty({ example: '2026-03-16', description: 'The statement day, Asia/Ho_Chi_Minh' }) date!: string;
  @ApiProperty({ enum: ['UPLOAD', 'FETCH', 'DAILY'], example: 'UPLOAD' }) source!: string;
  @ApiProperty({ type: ReconciliationTotalsView }) totals!: ReconciliationTotalsView;
  @ApiProperty({ type: [ReconciliationExceptionView] }) exceptions!: ReconciliationExceptionView[];
  @ApiProperty({ format: 'date-time', example: '2026-03-17T08:15:00+07:00' }) createdAt!: string;
}

export class ResolveExceptionBody {
  @ApiProperty({ example: 'Bank confirmed the transfer on 17/03' })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
}
