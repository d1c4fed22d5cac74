import { Injectable } from '@nestjs/common';
import { ProcedureWithdrawn, type ProcedureWithdrawnV1 } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { Clock, type CallerIdentity, type EventTrace } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { formatInZone, parseInstantOrDate } from '../../../shared/dates';
import type { Withdrawal } from '../../procedure.entity';
import { ProcedureErrors } from '../../procedure.errors';
import { assertLifecycleAllows } from '../../procedure-lifecycle';
import { ProcedurePolicy } from '../../procedure-policy';
import { ProcedureRepository } from '../../procedure.repository';
import type { WithdrawnView } from '../../procedure.view';
import { assertAfter } from '../../version-publisher';
import type { WithdrawProcedureCommand } from './withdraw-procedure.command';

/** Abolishes a procedure: the last version is closed at `withdrawnAt`; terminal; emits ProcedureWithdrawn. */
@Injectable()
export class WithdrawProcedureUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly policy: ProcedurePolicy,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ code, caller, trace, ...command }: WithdrawProcedureCommand & { code: string; caller: CallerIdentity; trace: EventTrace }): Promise<WithdrawnView> {
    const now = this.clock.now();
    const withdrawnAt = command.withdrawnAt === undefined ? now : (parseInstantOrDate(command.withdrawnAt) ?? now);
    return this.transactions.run(async (tx) => {
      const procedure = await this.procedures.findForUpdate(tx, code);
      if (!procedure) throw ProcedureErrors.notFound(code);
      assertLifecycleAllows(procedure, 'withdraw');
      const latest = await this.procedures.latestVersion(tx, code);
      if (!latest) throw ProcedureErrors.notPublished(code);
      assertAfter(code, latest, withdrawnAt, 'withdrawnAt');
      if (command.decision) {
        const latestDate = this.policy.latestDecisionDate();
        if (command.decision.date > latestDate) throw ProcedureErrors.publicationDateInFuture('decision.date', command.decision.date, latestDate);
        await this.policy.assertAgencies([{ field: 'decision.issuingAgencyCode', code: command.decision.issuingAgencyCode }], tx);
      }
      const decision = command.decision
        ? { number: command.decision.number, date: command.decision.date, issuingAgencyCode: command.decision.issuingAgencyCode, fastTrack: command.decision.fastTrack ?? false }
        : undefined;
      const withdrawal: Withdrawal = { reason: command.reason, withdrawnBy: caller.clientId, ...(decision ? { decision } : {}) };
      await this.procedures.closeVersion(tx, code, latest.version, withdrawnAt);
      Object.assign(procedure, { status: 'WITHDRAWN', withdrawnAt, withdrawal, draft: null, updatedAt: now });
      await this.procedures.update(tx, procedure);
      const event: ProcedureWithdrawnV1 = { code, lastVersion: latest.version, withdrawnAt: formatInZone(withdrawnAt), reason: command.reason };
      if (decision) event.decision = decision;
      await this.outbox.append(tx, ProcedureWithdrawn, event, trace);
      return { code, lastVersion: latest.version, withdrawnAt: formatInZone(withdrawnAt), reason: command.reason };
    });
  }
}
