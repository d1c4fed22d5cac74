import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { TransactionRunner } from '@hub/persistence';
import { ReconciliationErrors } from '../../reconciliation.errors';
import { ReconciliationRepository } from '../../reconciliation.repository';
import type { ReconciliationView } from '../reconcile-statement/reconcile-statement.dto';

@Injectable()
export class GetReconciliationUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reconciliations: ReconciliationRepository,
  ) {}

  async execute(id: string): Promise<ReconciliationView> {
    const found = await this.transactions.run((tx) => this.reconciliations.find(tx, id));
    if (!found) throw ReconciliationErrors.notFound(id);
    const { record: r, exceptions } = found;
    return {
      reconciliationId: r.reconciliationId,
      provider: r.provider,
      date: r.date,
      source: r.source,
      totals: r.totals,
      createdAt: formatInZone(r.createdAt),
      exceptions: exceptions.map((e) => ({
        exceptionId: e.exceptionId,
        kind: e.kind,
        reference: e.reference,
        lineNumber: e.lineNumber,
        hubAmount: e.hubAmount,
        providerAmount: e.providerAmount,
        hubState: e.hubState,
        providerState: e.providerState,
        resolved: e.resolvedAt !== null,
        resolutionNote: e.resolutionNote,
      })),
    };
  }
}
