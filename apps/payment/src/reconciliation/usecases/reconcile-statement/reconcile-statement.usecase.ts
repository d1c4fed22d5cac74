import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { Clock, type CallerIdentity } from '@hub/platform';
import { PaymentErrors } from '../../../payment/payment.errors';
import { StatementFormatError, type StatementLine } from '../../../provider/payment-provider';
import { ProviderRegistry } from '../../../provider/provider.registry';
import { matchStatement, type HubPaymentFacts } from '../../match-statement';
import { ReconciliationErrors } from '../../reconciliation.errors';
import { ReconciliationRepository } from '../../reconciliation.repository';
import { GetReconciliationUseCase } from '../get-reconciliation/get-reconciliation.usecase';
import type { ReconcileBody, ReconciliationView } from './reconcile-statement.dto';

export interface ReconcileCommand extends ReconcileBody {
  caller: CallerIdentity | 'daily-job';
}

/**
 * Reconciles one provider's settlement statement of one day (uploaded CSV, or fetched from the provider) against the
 * hub's payments: every line matched or an exception, every hub success of the day found or an exception. The whole
 * statement is parsed before anything is stored: a broken line names itself and nothing is half-stored.
 */
@Injectable()
export class ReconcileStatementUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly providers: ProviderRegistry,
    private readonly reconciliations: ReconciliationRepository,
    private readonly get: GetReconciliationUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ReconcileCommand): Promise<ReconciliationView | undefined> {
    const provider = this.providers.find(cmd.provider);
    if (!provider) throw PaymentErrors.unknownProvider(cmd.provider);
    const now = this.clock.now();
    let csv = cmd.statement;
    if (csv === undefined) {
      if (!provider.fetchStatement) throw ReconciliationErrors.unavailable(provider.name, 'this provider cannot be asked for its statement: upload it');
      try {
        csv = await provider.fetchStatement(cmd.date, now);
      } catch (e) {
        throw ReconciliationErrors.unavailable(provider.name, (e as Error).message);
      }
    }
    let lines: StatementLine[];
    try {
      lines = provider.parseStatement(csv);
    } catch (e) {
      if (e instanceof StatementFormatError) throw ReconciliationErrors.malformed(e.lineNumber, e.message.replace(/^line \d+: /, ''));
      throw e;
    }
    const source = cmd.caller === 'daily-job' ? 'DAILY' : cmd.statement === undefined ? 'FETCH' : 'UPLOAD';
    const reconciliationId = randomUUID();
    const stored = await this.transactions.run(async (tx) => {
      const hub = await this.hubFacts(tx, provider.name, cmd.date, lines.map((l) => l.reference));
      const result = matchStatement(lines, hub);
      return this.reconciliations.insert(
        tx,
        {
          reconciliationId,
          provider: provider.name,
          date: cmd.date,
          source,
          totals: { lines: lines.length, matched: result.matched, exceptions: result.exceptions.length, providerTotal: result.providerTotal, hubTotal: result.hubTotal },
          createdBy: cmd.caller === 'daily-job' ? 'daily-job' : cmd.caller.clientId,
          createdAt: now,
        },
        result.exceptions.map((e) => ({ ...e, exceptionId: randomUUID() })),
      );
    });
    if (!stored) return undefined;
    return this.get.execute(reconciliationId);
  }

  private async hubFacts(tx: import('typeorm').EntityManager, provider: string, date: string, references: string[]): Promise<HubPaymentFacts[]> {
    const rows: Array<{ reference: string; amount: string; state: string; refunded_amount: string; that_day: boolean }> = await tx.query(
      `WITH day AS (SELECT ($2::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS from_at, ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS to_at)
       SELECT p.reference, p.amount, p.state, p.refunded_amount,
              (p.state IN ('SUCCEEDED', 'REFUND_PENDING', 'REFUNDED') AND p.settled_at >= day.from_at AND p.settled_at < day.to_at) AS that_day
         FROM payment p, day
        WHERE p.provider = $1
          AND (p.reference = ANY($3) OR (p.state IN ('SUCCEEDED', 'REFUND_PENDING', 'REFUNDED') AND p.settled_at >= day.from_at AND p.settled_at < day.to_at))`,
      [provider, date, references],
    );
    return rows.map((r) => ({ reference: r.reference, amount: Number(r.amount), state: r.state, refundedAmount: Number(r.refunded_amount), settledThatDay: r.that_day }));
  }
}
