import { decide, PAYMENT_EVENTS, PAYMENT_LIFECYCLE, PAYMENT_STATES, type PaymentEvent, type PaymentState } from './payment-lifecycle';

const figures = { paid: 100_000, refunded: 0, pendingOthers: 0, amount: 40_000 };

/** The expected answer of every (state, event) pair, written out independently of the table. */
const EXPECTED: Record<PaymentState, Record<PaymentEvent, string>> = {
  PENDING: { SUCCEED: '→SUCCEEDED', FAIL: '→FAILED', EXPIRE: '→EXPIRED', REQUEST_REFUND: '✗PAYMENT_NOT_SETTLED', REFUND_SETTLED: '✗NO_REFUND_PENDING', REFUND_FAILED: '✗NO_REFUND_PENDING' },
  SUCCEEDED: { SUCCEED: '=duplicate', FAIL: '=conflict', EXPIRE: '=ignored', REQUEST_REFUND: '→REFUND_PENDING', REFUND_SETTLED: '✗NO_REFUND_PENDING', REFUND_FAILED: '✗NO_REFUND_PENDING' },
  FAILED: { SUCCEED: '→SUCCEEDED late', FAIL: '=duplicate', EXPIRE: '=ignored', REQUEST_REFUND: '✗PAYMENT_NOT_SETTLED', REFUND_SETTLED: '✗NO_REFUND_PENDING', REFUND_FAILED: '✗NO_REFUND_PENDING' },
  EXPIRED: { SUCCEED: '→SUCCEEDED late', FAIL: '=ignored', EXPIRE: '=duplicate', REQUEST_REFUND: '✗PAYMENT_NOT_SETTLED', REFUND_SETTLED: '✗NO_REFUND_PENDING', REFUND_FAILED: '✗NO_REFUND_PENDING' },
  REFUND_PENDING: { SUCCEED: '=duplicate', FAIL: '=conflict', EXPIRE: '=ignored', REQUEST_REFUND: '→REFUND_PENDING', REFUND_SETTLED: '→SUCCEEDED', REFUND_FAILED: '→SUCCEEDED' },
  REFUNDED: { SUCCEED: '=duplicate', FAIL: '=conflict', EXPIRE: '=ignored', REQUEST_REFUND: '✗PAYMENT_FULLY_REFUNDED', REFUND_SETTLED: '✗NO_REFUND_PENDING', REFUND_FAILED: '✗NO_REFUND_PENDING' },
};

function render(state: PaymentState, event: PaymentEvent): string {
  const d = decide(state, event, figures);
  if (d.kind === 'change') return `→${d.to}${d.late ? ' late' : ''}`;
  if (d.kind === 'unchanged') return `=${d.why}`;
  return `✗${d.reason}`;
}

describe('payment lifecycle', () => {
  it('has an outcome for every state and event', () => {
    for (const s of PAYMENT_STATES) expect(Object.keys(PAYMENT_LIFECYCLE[s]).sort()).toEqual([...PAYMENT_EVENTS].sort());
  });

  const pairs = PAYMENT_STATES.flatMap((s) => PAYMENT_EVENTS.map((e) => [s, e] as const));
  it.each(pairs)('%s + %s', (state, event) => {
    expect(render(state, event)).toBe(EXPECTED[state][event]);
  });

  it('never leaves a final success for a failure or an expiry', () => {
    for (const s of ['SUCCEEDED', 'REFUND_PENDING', 'REFUNDED'] as const) {
      for (const e of ['FAIL', 'EXPIRE'] as const) expect(decide(s, e).kind).toBe('unchanged');
    }
  });

  describe('refunds', () => {
    it('refuses a refund above what is still refundable, counting completed and pending ones', () => {
      expect(decide('SUCCEEDED', 'REQUEST_REFUND', { paid: 100, refunded: 0, pendingOthers: 0, amount: 101 })).toEqual({ kind: 'refused', reason: 'REFUND_EXCEEDS_PAID' });
      expect(decide('REFUND_PENDING', 'REQUEST_REFUND', { paid: 100, refunded: 30, pendingOthers: 50, amount: 21 })).toEqual({ kind: 'refused', reason: 'REFUND_EXCEEDS_PAID' });
      expect(decide('REFUND_PENDING', 'REQUEST_REFUND', { paid: 100, refunded: 30, pendingOthers: 50, amount: 20 })).toEqual({ kind: 'change', to: 'REFUND_PENDING' });
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses amount %p', (amount) => {
      expect(decide('SUCCEEDED', 'REQUEST_REFUND', { paid: 100, refunded: 0, pendingOthers: 0, amount })).toEqual({ kind: 'refused', reason: 'INVALID_AMOUNT' });
    });

    it('settles a full refund as REFUNDED, a partial one back to SUCCEEDED, and waits for other pending refunds', () => {
      expect(decide('REFUND_PENDING', 'REFUND_SETTLED', { paid: 100, refunded: 0, pendingOthers: 0, amount: 100 })).toEqual({ kind: 'change', to: 'REFUNDED', refunded: 100 });
      expect(decide('REFUND_PENDING', 'REFUND_SETTLED', { paid: 100, refunded: 20, pendingOthers: 0, amount: 30 })).toEqual({ kind: 'change', to: 'SUCCEEDED', refunded: 50 });
      expect(decide('REFUND_PENDING', 'REFUND_SETTLED', { paid: 100, refunded: 20, pendingOthers: 10, amount: 30 })).toEqual({ kind: 'change', to: 'REFUND_PENDING', refunded: 50 });
      expect(decide('REFUND_PENDING', 'REFUND_SETTLED', { paid: 100, refunded: 80, pendingOthers: 0, amount: 30 })).toEqual({ kind: 'refused', reason: 'REFUND_EXCEEDS_PAID' });
    });

    it('returns a failed refund to where the other refunds leave the payment', () => {
      expect(decide('REFUND_PENDING', 'REFUND_FAILED', { paid: 100, refunded: 0, pendingOthers: 0, amount: 40 })).toEqual({ kind: 'change', to: 'SUCCEEDED', refunded: 0 });
      expect(decide('REFUND_PENDING', 'REFUND_FAILED', { paid: 100, refunded: 0, pendingOthers: 10, amount: 40 })).toEqual({ kind: 'change', to: 'REFUND_PENDING', refunded: 0 });
    });

    it('needs the figures for a refund decision', () => {
      expect(() => decide('SUCCEEDED', 'REQUEST_REFUND')).toThrow(/figures/);
    });
  });
});
