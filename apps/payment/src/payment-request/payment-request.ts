import type { FeeLineV1 } from '@hub/contracts';

export type PaymentRequestState = 'OPEN' | 'PAID' | 'CANCELLED';
export type PaymentRequestOrigin = 'INTAKE' | 'STATUS_6';

/** Fees due for a dossier at one moment: the intake assessment (online dossiers) or a status-6 financial obligation. */
export interface PaymentRequest {
  requestId: string;
  dossierCode: string;
  originKey: string;
  origin: PaymentRequestOrigin;
  receivingAgencyCode: string;
  procedureCode: string;
  amount: number;
  fees: FeeLineV1[];
  state: PaymentRequestState;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The fee lines a new request covers: the lines asked for, less those a PAID request of the dossier already covered
 * (by fee code and amount, each paid line used once). Pure.
 */
export function unpaidFees(asked: FeeLineV1[], paidRequests: Pick<PaymentRequest, 'fees'>[]): FeeLineV1[] {
  const paid = paidRequests.flatMap((r) => r.fees).map((f) => `${f.code}\u0000${f.amount}`);
  const remaining: FeeLineV1[] = [];
  for (const line of asked) {
    const i = paid.indexOf(`${line.code}\u0000${line.amount}`);
    if (i >= 0) paid.splice(i, 1);
    else if (line.amount > 0) remaining.push(line);
  }
  return remaining;
}

export function sumFees(fees: FeeLineV1[]): number {
  return fees.reduce((s, f) => s + f.amount, 0);
}
