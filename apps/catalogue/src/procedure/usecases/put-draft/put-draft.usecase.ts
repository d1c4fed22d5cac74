import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { canonicalContent, type ProcedureContentDto } from '../../procedure-content';
import { ProcedureErrors } from '../../procedure.errors';
import { assertLifecycleAllows } from '../../procedure-lifecycle';
import { ProcedurePolicy } from '../../procedure-policy';
import { ProcedureRepository } from '../../procedure.repository';
import { DraftView } from '../../procedure.view';

/** Replaces the draft of the next version (editing a published procedure = drafting, then publishing). */
@Injectable()
export class PutDraftUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly policy: ProcedurePolicy,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ code, content: body }: { code: string; content: ProcedureContentDto }): Promise<DraftView> {
    const content = canonicalContent(body);
    this.policy.assertDecisionDate(content);
    return this.transactions.run(async (tx) => {
      const procedure = await this.procedures.findForUpdate(tx, code);
      if (!procedure) throw ProcedureErrors.notFound(code);
      assertLifecycleAllows(procedure, 'put-draft');
      await this.policy.assertReferences(content, tx);
      const now = this.clock.now();
      procedure.draft = content;
      procedure.draftRevision += 1;
      procedure.draftUpdatedAt = now;
      procedure.updatedAt = now;
      await this.procedures.update(tx, procedure);
      return DraftView.from(procedure, content);
    });
  }
}
