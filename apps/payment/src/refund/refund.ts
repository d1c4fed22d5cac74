/** PROPOSED (by the hub, awaiting an operator) → PENDING (asked for) → SENT (accepted by the provider) → SUCCEEDED | FAILED. */
export type RefundState = 'PROPOSED' | 'PENDING' | 'SENT' | 'SUCCEEDED' | 'FAILED';

export interface NewRefund {
  refundId: string;
  paymentId: string;
  amount: number;
  reason: string;
  state: RefundState;
  idempotencyKey: string | null;
  fingerprint: string | null;
  requestedBy: string;
  createdAt: Date;
}

export interface Refund extends NewRefund {
  reference: string;
  attempts: number;
  updatedAt: Date;
  completedAt: Date | null;
}

/** Our reference of a refund at the provider: `rf` + the refund id without dashes. */
export function refundReferenceOf(refundId: string): string {
  return `rf${refundId.replaceAll('-', '')}`;
}

/** Refunds still owed an outcome: they count against what may still be refunded. */
export const OPEN_REFUND_STATES: readonly RefundState[] = ['PENDING', 'SENT'];
