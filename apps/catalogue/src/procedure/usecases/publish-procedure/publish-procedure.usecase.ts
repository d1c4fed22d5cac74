import { Injectable } from '@nestjs/common';
import { Clock, type CallerIdentity, type EventTrace } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import { formatInZone, parseInstantOrDate } from '../../../shared/dates';
import { ProcedureErrors } from '../../procedure.errors';
import { assertLifecycleAllows } from '../../procedure-lifecycle';
import { ProcedurePolicy } from '../../procedure-policy';
import { ProcedureRepository } from '../../procedure.repository';
import { PublishedVersionView } from '../../procedure.view';
import { VersionPublisher } from '../../version-publisher';
import type { PublishProcedureCommand } from './publish-procedure.command';

/** Publishes the draft as a new effective-dated version and emits catalogue.procedure.published.v1. */
@Injectable()
export class PublishProcedureUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly policy: ProcedurePolicy,
    private readonly publisher: VersionPublisher,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ code, caller, trace, ...command }: PublishProcedureCommand & { code: string; caller: CallerIdentity; trace: EventTrace }): Promise<PublishedVersionView> {
    const effectiveFrom = command.effectiveFrom === undefined ? undefined : parseInstantOrDate(command.effectiveFrom);
    return this.transactions.run(async (tx) => {
      const procedure = await this.procedures.findForUpdate(tx, code);
      if (!procedure) throw ProcedureErrors.notFound(code);
      assertLifecycleAllows(procedure, 'publish-draft');
      const content = procedure.draft!;
      // The draft was checked when written; agencies and the date window may have changed since.
      this.policy.assertDecisionDate(content);
      const refs = await this.policy.assertReferences(content, tx);
      const { version, previous } = await this.publisher.publish(
        tx,
        {
          procedure: Object.assign(procedure, { draft: null }),
          content,
          effectiveFrom,
          enteredAt: this.clock.now(),
          actor: caller.clientId,
          refs,
          calendar: await this.policy.calendar(tx),
        },
        trace,
      );
      const summary = {
        code,
        version: version.version,
        effectiveFrom: formatInZone(version.effectiveFrom),
        publishedAt: formatInZone(version.publishedAt),
        previous: previous ? { version: previous.version, effectiveTo: formatInZone(previous.effectiveTo) } : null,
        timeliness: {
          status: version.timeliness,
          deadlineWorkingDays: version.entryDeadlineWorkingDays,
          entryDeadline: version.entryDeadline,
          enteredAt: formatInZone(version.publishedAt),
          note: version.timelinessNote,
        },
      };
      return summary;
    });
  }
}
