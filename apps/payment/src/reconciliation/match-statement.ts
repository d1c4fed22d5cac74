import type { StatementLine } from '../provider/payment-provider';

export type ExceptionKind = 'MISSING_AT_HUB' | 'MISSING_AT_PROVIDER' | 'AMOUNT_MISMATCH' | 'STATUS_MISMATCH';

export interface HubPaymentFacts {
  reference: string;
  amount: number;
  state: string;
  refundedAmount: number;
  /** Settled successfully within the statement's day. */
  settledThatDay: boolean;
}

export interface StatementException {
  kind: ExceptionKind;
  reference: string;
  lineNumber: number | null;
  hubAmount: number | null;
  providerAmount: number | null;
  hubState: string | null;
  providerState: string | null;
}

export interface MatchResult {
  matched: number;
  exceptions: StatementException[];
  providerTotal: number;
  hubTotal: number;
}

const SUCCEEDED = new Set(['SUCCEEDED', 'REFUND_PENDING', 'REFUNDED']);

/** Matches every statement line to a hub payment and every hub success of the day to a line. Pure. */
export function matchStatement(lines: StatementLine[], hub: HubPaymentFacts[]): MatchResult {
  const byRef = new Map(hub.map((p) => [p.reference, p]));
  const exceptions: StatementException[] = [];
  let matched = 0;
  const paidRefs = new Set<string>();
  for (const line of lines) {
    const p = byRef.get(line.reference);
    const base = { reference: line.reference, lineNumber: line.lineNumber, providerAmount: line.amount, providerState: line.status };
    if (!p) {
      exceptions.push({ ...base, kind: 'MISSING_AT_HUB', hubAmount: null, hubState: null });
      continue;
    }
    if (line.status === 'PAID') paidRefs.add(line.reference);
    const hubAmount = line.status === 'PAID' ? p.amount : p.refundedAmount;
    if (line.status === 'PAID' ? !SUCCEEDED.has(p.state) : p.refundedAmount === 0) {
      exceptions.push({ ...base, kind: 'STATUS_MISMATCH', hubAmount, hubState: p.state });
    } else if (hubAmount !== line.amount) {
      exceptions.push({ ...base, kind: 'AMOUNT_MISMATCH', hubAmount, hubState: p.state });
    } else matched++;
  }
  for (const p of hub) {
    if (p.settledThatDay && SUCCEEDED.has(p.state) && !paidRefs.has(p.reference)) {
      exceptions.push({ kind: 'MISSING_AT_PROVIDER', reference: p.reference, lineNumber: null, hubAmount: p.amount, providerAmount: null, hubState: p.state, providerState: null });
    }
  }
  return {
    matched,
    exceptions,
    providerTotal: lines.filter((l) => l.status === 'PAID').reduce((s, l) => s + l.amount, 0),
    hubTotal: hub.filter((p) => p.settledThatDay && SUCCEEDED.has(p.state)).reduce((s, p) => s + p.amount, 0),
  };
}
