/**
 * The payment state machine as data: PENDING → SUCCEEDED | FAILED | EXPIRED; SUCCEEDED → REFUND_PENDING →
 * REFUNDED (partial refunds return to SUCCEEDED). Every (state, event) pair has one outcome in the table; `decide`
 * adds what depends on amounts (refunds). Pure: no I/O, no clock.
 */
export const PAYMENT_STATES = ['PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'REFUND_PENDING', 'REFUNDED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const PAYMENT_EVENTS = ['SUCCEED', 'FAIL', 'EXPIRE', 'REQUEST_REFUND', 'REFUND_SETTLED', 'REFUND_FAILED'] as const;
export type PaymentEvent = (typeof PAYMENT_EVENTS)[number];

/**
 * - `to`: a plain transition;
 * - `duplicate`: the payment already is where the event would take it (a replayed callback): nothing changes;
 * - `ignore`: the event no longer matters (expiry of a settled payment): nothing changes;
 * - `conflict`: the event contradicts a settled outcome (failure after success): the success stands, the conflict is recorded;
 * - `late-success`: money arrived after the payment was given up: it becomes SUCCEEDED and is flagged for review;
 * - `refund`: the next state depends on the amounts (`decide`);
 * - `refuse`: not allowed in this state.
 */
export type TableOutcome =
  | { kind: 'to'; state: PaymentState }
  | { kind: 'duplicate' }
  | { kind: 'ignore' }
  | { kind: 'conflict' }
  | { kind: 'late-success' }
  | { kind: 'refund' }
  | { kind: 'refuse'; reason: string };

const to = (state: PaymentState): TableOutcome => ({ kind: 'to', state });
const duplicate: TableOutcome = { kind: 'duplicate' };
const ignore: TableOutcome = { kind: 'ignore' };
const conflict: TableOutcome = { kind: 'conflict' };
const late: TableOutcome = { kind: 'late-success' };
const refund: TableOutcome = { kind: 'refund' };
const refuse = (reason: string): TableOutcome => ({ kind: 'refuse', reason });

export const PAYMENT_LIFECYCLE: Readonly<Record<PaymentState, Readonly<Record<PaymentEvent, TableOutcome>>>> = {
  PENDING: {
    SUCCEED: to('SUCCEEDED'),
    FAIL: to('FAILED'),
    EXPIRE: to('EXPIRED'),
    REQUEST_REFUND: refuse('PAYMENT_NOT_SETTLED'),
    REFUND_SETTLED: refuse('NO_REFUND_PENDING'),
    REFUND_FAILED: refuse('NO_REFUND_PENDING'),
  },
  SUCCEEDED: {
    SUCCEED: duplicate,
    FAIL: conflict,
    EXPIRE: ignore,
    REQUEST_REFUND: refund,
    REFUND_SETTLED: refuse('NO_REFUND_PENDING'),
    REFUND_FAILED: refuse('NO_REFUND_PENDING'),
  },
  FAILED: {
    SUCCEED: late,
    FAIL: duplicate,
    EXPIRE: ignore,
    REQUEST_REFUND: refuse('PAYMENT_NOT_SETTLED'),
    REFUND_SETTLED: refuse('NO_REFUND_PENDING'),
    REFUND_FAILED: refuse('NO_REFUND_PENDING'),
  },
  EXPIRED: {
    SUCCEED: late,
    FAIL: ignore,
    EXPIRE: duplicate,
    REQUEST_REFUND: refuse('PAYMENT_NOT_SETTLED'),
    REFUND_SETTLED: refuse('NO_REFUND_PENDING'),
    REFUND_FAILED: refuse('NO_REFUND_PENDING'),
  },
  REFUND_PENDING: {
    SUCCEED: duplicate,
    FAIL: conflict,
    EXPIRE: ignore,
    REQUEST_REFUND: refund,
    REFUND_SETTLED: refund,
    REFUND_FAILED: refund,
  },
  REFUNDED: {
    SUCCEED: duplicate,
    FAIL: conflict,
    EXPIRE: ignore,
    REQUEST_REFUND: refuse('PAYMENT_FULLY_REFUNDED'),
    REFUND_SETTLED: refuse('NO_REFUND_PENDING'),
    REFUND_FAILED: refuse('NO_REFUND_PENDING'),
  },
};

/** Amounts a refund decision needs, whole VND. */
export interface RefundFigures {
  paid: number;
  /** Completed refunds so far. */
  refunded: number;
  /** Refunds asked for and not completed, excluding the one being settled or failed. */
  pendingOthers: number;
  /** The refund being asked for, settled or failed. */
  amount: number;
}

export type Decision =
  | { kind: 'change'; to: PaymentState; late?: boolean; refunded?: number }
  | { kind: 'unchanged'; why: 'duplicate' | 'ignored' | 'conflict' }
  | { kind: 'refused'; reason: string };

export function decide(state: PaymentState, event: PaymentEvent, figures?: RefundFigures): Decision {
  const outcome = PAYMENT_LIFECYCLE[state][event];
  switch (outcome.kind) {
    case 'to':
      return { kind: 'change', to: outcome.state };
    case 'duplicate':
      return { kind: 'unchanged', why: 'duplicate' };
    case 'ignore':
      return { kind: 'unchanged', why: 'ignored' };
    case 'conflict':
      return { kind: 'unchanged', why: 'conflict' };
    case 'late-success':
      return { kind: 'change', to: 'SUCCEEDED', late: true };
    case 'refuse':
      return { kind: 'refused', reason: outcome.reason };
    case 'refund':
      return decideRefund(event, figures);
  }
}

function decideRefund(event: PaymentEvent, f: RefundFigures | undefined): Decision {
  if (!f) throw new Error(`${event} needs the refund figures`);
  if (!Number.isSafeInteger(f.amount) || f.amount <= 0) return { kind: 'refused', reason: 'INVALID_AMOUNT' };
  const open = f.paid - f.refunded - f.pendingOthers;
  if (event === 'REQUEST_REFUND') {
    return f.amount > open ? { kind: 'refused', reason: 'REFUND_EXCEEDS_PAID' } : { kind: 'change', to: 'REFUND_PENDING' };
  }
  if (event === 'REFUND_FAILED') {
    const to: PaymentState = f.pendingOthers > 0 ? 'REFUND_PENDING' : f.refunded >= f.paid ? 'REFUNDED' : 'SUCCEEDED';
    return { kind: 'change', to, refunded: f.refunded };
  }
  const refunded = f.refunded + f.amount;
  if (refunded > f.paid) return { kind: 'refused', reason: 'REFUND_EXCEEDS_PAID' };
  const to: PaymentState = f.pendingOthers > 0 ? 'REFUND_PENDING' : refunded === f.paid ? 'REFUNDED' : 'SUCCEEDED';
  return { kind: 'change', to, refunded };
}
