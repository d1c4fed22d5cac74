import type { PaymentState } from './payment-lifecycle';

export type ReviewReason = 'LATE_SUCCESS' | 'LATE_SUCCESS_REQUEST_ALREADY_PAID' | 'AMOUNT_MISMATCH' | 'CONFLICTING_CALLBACK';

export interface Payment {
  paymentId: string;
  requestId: string;
  dossierCode: string;
  receivingAgencyCode: string;
  provider: string;
  /** Ours, sent to the provider as `MaThamChieu` (≤ 50 characters). */
  reference: string;
  amount: number;
  state: PaymentState;
  paymentUrl: string | null;
  returnUrl: string;
  expiresAt: Date;
  transactionId: string | null;
  bankCode: string | null;
  receiptNumber: string | null;
  treasuryAccount: string | null;
  refundedAmount: number;
  reviewReason: ReviewReason | null;
  createdAt: Date;
  updatedAt: Date;
  settledAt: Date | null;
}

/** `hub` + the payment id without dashes: unique, 35 characters, letters and digits only. */
export function referenceOf(paymentId: string): string {
  return `hub${paymentId.replaceAll('-', '')}`;
}
