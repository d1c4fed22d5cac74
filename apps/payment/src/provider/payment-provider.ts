/**
 * What the hub needs from a payment provider. Each provider's dialect (message format, checksums, codes) stays
 * inside its adapter; use cases see only these shapes. Amounts are whole VND.
 */
export interface CreatePaymentInput {
  reference: string;
  amount: number;
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  treasuryAccount: string;
  fees: { code: string; name: string; amount: number }[];
  description: string;
  returnUrl: string;
  clientIp: string;
  at: Date;
}

/** A callback whose checksum and partner code were verified. `reference` is ours (a payment's or a refund's). */
export interface VerifiedCallback {
  reference: string;
  paid: boolean;
  /** The provider's result code as sent. */
  resultCode: string;
  amount: number | undefined;
  currency: string;
  transactionId: string;
  bankCode: string;
  occurredAt: Date | undefined;
}

export type CallbackVerification = { ok: true; callback: VerifiedCallback } | { ok: false; reason: string; reference?: string };

export interface CallbackAnswer {
  accepted: boolean;
  description: string;
  reference?: string;
}

export type ProviderStatus =
  | { status: 'PAID'; amount: number; transactionId: string; bankCode: string }
  | { status: 'FAILED'; resultCode: string }
  | { status: 'PENDING' | 'UNKNOWN' };

export interface ProviderReceipt {
  receiptNumber?: string;
  treasuryAccount?: string;
}

export interface StatementLine {
  lineNumber: number;
  reference: string;
  transactionId: string;
  amount: number;
  /** PAID or REFUNDED, as the statement says. */
  status: string;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(input: CreatePaymentInput): Promise<{ paymentUrl: string }>;
  /** Checks checksum, partner code and time window of a raw callback body. Never throws. */
  verifyCallback(body: unknown, now: Date): CallbackVerification;
  /** The provider's own vocabulary for the answer to a callback. */
  answerCallback(answer: CallbackAnswer, now: Date): object;
  queryStatus(reference: string, now: Date): Promise<ProviderStatus>;
  getReceipt(reference: string, now: Date): Promise<ProviderReceipt>;
  refund(input: { refundReference: string; paymentReference: string; amount: number; at: Date }): Promise<{ accepted: boolean; detail: string }>;
  /** The settlement statement of one day (`yyyy-MM-dd`, Asia/Ho_Chi_Minh) as CSV, when the provider can be asked for it. */
  fetchStatement?(date: string, now: Date): Promise<string>;
  /** Parses a settlement statement; throws a StatementFormatError naming the first broken line. */
  parseStatement(csv: string): StatementLine[];
}

export class StatementFormatError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(`line ${lineNumber}: ${message}`);
  }
}

export class ProviderUnavailableError extends Error {}
