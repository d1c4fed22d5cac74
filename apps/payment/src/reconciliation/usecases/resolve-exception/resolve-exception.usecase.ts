import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { Clock, type CallerIdentity } from '@hub/platform';
import { ReconciliationErrors } from '../../reconciliation.errors';
import { ReconciliationRepository } from '../../reconciliation.repository';
import { GetReconciliationUseCase } from '../get-reconciliation/get-reconciliation.usecase';
import type { ReconciliationView } from '../reconcile-statement/reconcile-statement.dto';

export interface ResolveExceptionCommand {
  reconciliationId: string;
  exceptionId: string;
  note: string;
  caller: CallerIdentity;
}

/** Marks one exception resolved with a note (tra soát done); resolving again replaces the note. */
@Injectable()
export class ResolveExceptionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reconciliations: ReconciliationRepository,
    private readonly get: GetReconciliationUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ResolveExceptionCommand): Promise<ReconciliationView> {
    const done = await this.transactions.run((tx) => this.reconciliations.resolve(tx, cmd.reconciliationId, cmd.exceptionId, cmd.note.trim(), cmd.caller.clientId, this.clock.now()));
    if (!done) throw ReconciliationErrors.exceptionNotFound(cmd.reconciliationId, cmd.exceptionId);
    return this.get.execute(cmd.reconciliationId);
  }
}
