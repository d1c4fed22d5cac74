import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN } from '../codes/codes';
import { defineEvent } from '../event-definition';
import { IsInstant } from '../validation/is-instant';

/** What every payment event carries: whole VND and the provider's own references, never card or account data. */
export class PaymentFactsV1 {
  @IsUUID() paymentId!: string;
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  /** The fee request this payment settles (the intake assessment or a status-6 request). */
  @IsString() @MinLength(1) @MaxLength(100) requestId!: string;
  /** Whole VND. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amount!: number;
  @IsString() @MinLength(1) @MaxLength(50) provider!: string;
  /** Our reference at the provider (`MaThamChieu`). */
  @IsString() @MinLength(1) @MaxLength(200) reference!: string;
}

/**
 * An online payment of a dossier's fees succeeded (keyed by dossier code). Amounts are whole VND; the event
 * never carries card or account data, only the provider's own reference of the transaction.
 * Optional fields were added after the first release (tolerant readers ignore them).
 */
export class PaymentSucceededV1 extends PaymentFactsV1 {
  @IsInstant() succeededAt!: string;
  @IsOptional() @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode?: string;
  /** The provider's transaction id (`MaGiaoDich`). */
  @IsOptional() @IsString() @MaxLength(100) transactionId?: string;
  /** E-receipt number (biên lai điện tử). */
  @IsOptional() @IsString() @MaxLength(100) receiptNumber?: string;
  @IsOptional() @IsString() @MaxLength(100) treasuryAccount?: string;
  /** True when this payment settled every fee of its request (a status-6 request: the agency may resume the dossier). */
  @IsOptional() @IsBoolean() requestPaid?: boolean;
  /** The success arrived after the payment had expired or failed: flagged for review (maybe refunded). */
  @IsOptional() @IsBoolean() late?: boolean;
}

export class PaymentFailedV1 extends PaymentFactsV1 {
  @IsInstant() failedAt!: string;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  /** The provider's result code (`MaLoi`). */
  @IsString() @MaxLength(20) providerCode!: string;
}

export class PaymentExpiredV1 extends PaymentFactsV1 {
  @IsInstant() expiredAt!: string;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
}

export const REFUND_OUTCOMES = ['REFUNDED', 'PARTIALLY_REFUNDED'] as const;

/** One refund of a payment completed at the provider. */
export class PaymentRefundedV1 extends PaymentFactsV1 {
  @IsUUID() refundId!: string;
  /** This refund, whole VND. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) refundAmount!: number;
  /** Every completed refund of the payment so far, this one included. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) refundedTotal!: number;
  @IsIn(REFUND_OUTCOMES) outcome!: (typeof REFUND_OUTCOMES)[number];
  @IsInstant() refundedAt!: string;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
}

const FACTS = {
  paymentId: '0b6f5f7e-6c1a-4d53-9a43-1f1f3b0c2a10',
  dossierCode: '000.00.15.H31-260112-0001',
  requestId: 'FEE-1',
  amount: 75000,
  provider: 'VNPAY',
  reference: '14238571',
};

export const PaymentSucceeded = defineEvent({
  topic: 'payment.succeeded.v1',
  payload: PaymentSucceededV1,
  keyOf: (p) => p.dossierCode,
  example: { ...FACTS, succeededAt: '2026-01-20T10:15:00+07:00' },
});

export const PaymentFailed = defineEvent({
  topic: 'payment.failed.v1',
  payload: PaymentFailedV1,
  keyOf: (p) => p.dossierCode,
  example: { ...FACTS, provider: 'sandbox', receivingAgencyCode: '000.00.15.H31', failedAt: '2026-01-20T10:15:00+07:00', providerCode: '24' },
});

export const PaymentExpired = defineEvent({
  topic: 'payment.expired.v1',
  payload: PaymentExpiredV1,
  keyOf: (p) => p.dossierCode,
  example: { ...FACTS, provider: 'sandbox', receivingAgencyCode: '000.00.15.H31', expiredAt: '2026-01-20T10:30:00+07:00' },
});

export const PaymentRefunded = defineEvent({
  topic: 'payment.refunded.v1',
  payload: PaymentRefundedV1,
  keyOf: (p) => p.dossierCode,
  example: {
    ...FACTS,
    provider: 'sandbox',
    receivingAgencyCode: '000.00.15.H31',
    refundId: '5d1e8a0c-2b7f-4c7e-8a57-0c7d2f3b9e11',
    refundAmount: 25000,
    refundedTotal: 25000,
    outcome: 'PARTIALLY_REFUNDED',
    refundedAt: '2026-01-22T09:00:00+07:00',
  },
});
