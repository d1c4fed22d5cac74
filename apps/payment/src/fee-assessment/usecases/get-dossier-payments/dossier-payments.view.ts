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

export class PaymentRequestView {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['INTAKE', 'STATUS_6'] }) origin!: string;
  @ApiProperty({ description: 'Whole VND' }) amount!: number;
  @ApiProperty({ enum: ['OPEN', 'PAID', 'CANCELLED'] }) state!: string;
  @ApiProperty({ type: [FeeLineView] }) fees!: FeeLineView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PaymentView {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'REFUND_PENDING', 'REFUNDED'] }) state!: string;
  @ApiProperty({ description: 'Whole VND' }) amount!: number;
  @ApiProperty() provider!: string;
  @ApiProperty({ description: 'Our reference at the provider (MaThamChieu)' }) reference!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The provider's transaction id (MaGiaoDich)" }) transactionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'E-receipt number (biên lai điện tử)' }) receiptNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) treasuryAccount!: string | null;
  @ApiProperty({ description: 'Whole VND refunded so far' }) refundedAmount!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the payment needs a person to look at it' }) reviewReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) paymentUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) settledAt!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Refunds: refundId, amount, reason, state' }) refunds!: { refundId: string; amount: number; reason: string; state: string }[];
}

export class DossierPaymentsView {
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ type: FeeAssessmentView }) assessment!: FeeAssessmentView;
  @ApiProperty({ type: [PaymentRequestView] }) requests!: PaymentRequestView[];
  @ApiProperty({ type: [PaymentView] }) payments!: PaymentView[];
}
