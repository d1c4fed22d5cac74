import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { canonicalContent, type CreateProcedureCommand } from '../../procedure-content';
import { ProcedureErrors } from '../../procedure.errors';
import { ProcedurePolicy } from '../../procedure-policy';
import { ProcedureRepository } from '../../procedure.repository';
import { DraftView } from '../../procedure.view';

/** A new procedure, as a draft with every mandatory part; nothing is published (no event) until publish. */
@Injectable()
export class CreateProcedureUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly policy: ProcedurePolicy,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(command: CreateProcedureCommand): Promise<DraftView> {
    const content = canonicalContent(command);
    this.policy.assertDecisionDate(content);
    return this.transactions.run(async (tx) => {
      await this.policy.assertReferences(content, tx);
      const now = this.clock.now();
      const procedure = {
        code: command.code,
        status: 'DRAFT' as const,
        latestVersion: null,
        draft: content,
        draftRevision: 1,
        draftUpdatedAt: now,
        withdrawnAt: null,
        withdrawal: null,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await this.procedures.insert(tx, procedure))) throw ProcedureErrors.alreadyExists(command.code);
      return DraftView.from(procedure, content);
    });
  }
}
