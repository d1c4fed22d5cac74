import { matchStatement, type HubPaymentFacts } from './match-statement';

const hub = (reference: string, over: Partial<HubPaymentFacts> = {}): HubPaymentFacts => ({ reference, amount: 100, state: 'SUCCEEDED', refundedAmount: 0, settledThatDay: true, ...over });
const line = (lineNumber: number, reference: string, amount = 100, status = 'PAID') => ({ lineNumber, reference, transactionId: `T${lineNumber}`, amount, status });

describe('matchStatement', () => {
  it('matches, and names every kind of exception with its line', () => {
    const result = matchStatement(
      [line(2, 'a'), line(3, 'b', 90), line(4, 'c'), line(5, 'x'), line(6, 'r', 40, 'REFUNDED')],
      [hub('a'), hub('b'), hub('c', { state: 'EXPIRED', settledThatDay: false }), hub('d'), hub('r', { refundedAmount: 40, settledThatDay: false })],
    );
    expect(result.matched).toBe(2);
    expect(result.exceptions.map((e) => [e.kind, e.reference, e.lineNumber])).toEqual([
      ['AMOUNT_MISMATCH', 'b', 3],
      ['STATUS_MISMATCH', 'c', 4],
      ['MISSING_AT_HUB', 'x', 5],
      ['MISSING_AT_PROVIDER', 'd', null],
    ]);
    expect(result.providerTotal).toBe(390);
    expect(result.hubTotal).toBe(300);
  });

  it('has no exception for a clean day', () => {
    expect(matchStatement([line(2, 'a')], [hub('a')])).toMatchObject({ matched: 1, exceptions: [] });
  });
});
