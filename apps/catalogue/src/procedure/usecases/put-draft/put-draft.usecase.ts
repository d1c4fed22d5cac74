import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { formatInZone } from '../../../shared/dates';
import { canonicalContent, type ProcedureContentDto } from '../../procedure-content';
import { ProcedureErrors } from '../../procedure.errors';
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

  async execute(code: string, command: ProcedureContentDto): Promise<DraftView> {
    const content = canonicalContent(command);
    this.policy.assertDecisionDate(content);
    return this.transactions.run(async (tx) => {
      const procedure = await this.procedures.findForUpdate(tx, code);
      if (!procedure) throw ProcedureErrors.notFound(code);
      if (procedure.status === 'WITHDRAWN') throw ProcedureErrors.withdrawn(code, formatInZone(procedure.withdrawnAt ?? procedure.updatedAt));
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

  /** The waiting draft, for the operators who edit it. */
  async get(code: string): Promise<DraftView> {
    const procedure = await this.procedures.find(code);
    if (!procedure) throw ProcedureErrors.notFound(code);
    if (!procedure.draft) throw ProcedureErrors.noDraft(code);
    return DraftView.from(procedure, procedure.draft);
  }
}
