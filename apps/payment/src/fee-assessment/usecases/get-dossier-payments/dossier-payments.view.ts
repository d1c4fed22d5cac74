import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN } from '@hub/contracts';

export class DossierPaymentsQuery {
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE })
  @Matches(DOSSIER_CODE_PATTERN, { message: `dossierCode must look like ${DOSSIER_CODE_EXAMPLE}` })
  dossierCode!: string;
}

export class FeeLineView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Whole VND' }) amount!: number;
}

export class FeeAssessmentView {
  @ApiProperty({ enum: ['ASSESSED', 'AWAITING_PROCEDURE'] }) status!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureVersion!: number;
  @ApiProperty() channel!: string;
  @ApiProperty({ type: [FeeLineView] }) lines!: FeeLineView[];
  @ApiProperty({ description: 'Whole VND' }) totalAmount!: number;
  @ApiProperty({ example: 'VND' }) currency!: 'VND';
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) assessedAt!: string | null;
}

export class DossierPaymentsView {
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ type: FeeAssessmentView }) assessment!: FeeAssessmentView;
}
