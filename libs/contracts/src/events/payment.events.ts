import { IsInt, IsISO8601, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DOSSIER_CODE_PATTERN } from '../codes/codes';
import { defineEvent } from '../event-definition';

/**
 * An online payment of a dossier's fees succeeded (keyed by dossier code). Amounts are whole VND; the event
 * never carries card or account data, only the provider's own reference of the transaction.
 */
export class PaymentSucceededV1 {
  @IsUUID() paymentId!: string;
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  /** The fee request (status 6) this payment settles, as named by the dossier service or the agency. */
  @IsString() @MinLength(1) @MaxLength(100) requestId!: string;
  /** Whole VND. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amount!: number;
  @IsString() @MinLength(1) @MaxLength(50) provider!: string;
  @IsString() @MinLength(1) @MaxLength(200) reference!: string;
  @IsISO8601({ strict: true }) succeededAt!: string;
}

export const PaymentSucceeded = defineEvent({
  topic: 'payment.succeeded.v1',
  payload: PaymentSucceededV1,
  keyOf: (p) => p.dossierCode,
  example: {
    paymentId: '0b6f5f7e-6c1a-4d53-9a43-1f1f3b0c2a10',
    dossierCode: '000.00.15.H31-260112-0001',
    requestId: 'FEE-1',
    amount: 75000,
    provider: 'VNPAY',
    reference: '14238571',
    succeededAt: '2026-01-20T10:15:00+07:00',
  },
});
