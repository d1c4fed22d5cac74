import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { localDateOf } from '@hub/calendar';
import { DossierStatus, dossierCodePrefix } from '@hub/contracts';
import { assertMayActFor, Clock, type CallerIdentity, type EventTrace } from '@hub/platform';
import { submissionFeedRow } from '../../../agency-feed/agency-feed.writer';
import { ProceduresInForce } from '../../../procedure-read-model/procedures-in-force';
import { decide, type IntakeCommand } from '../../domain/decide';
import type { DossierContent } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierEventsWriter } from '../../dossier-events.writer';
import { LookupKeys, newLookupKey } from '../../lookup-key';
import { NumberedIntakeWriter } from '../../numbered-intake.writer';
import type { SubmitDossierCommand, SubmittedDossierDto } from './submit-dossier.command';

/**
 * Codes an agency system already took (synced under the hub's numbering) are skipped, and an intake decided under a
 * version no longer in force is decided again; more than this in a row is a bug.
 */
const MAX_NUMBERING_ATTEMPTS = 20;

/** Intake of an online dossier (status 1) for a published procedure, with its Circular 01/2018 code. */
@Injectable()
export class SubmitDossierUseCase {
  constructor(
    private readonly intakes: NumberedIntakeWriter,
    private readonly procedures: ProceduresInForce,
    private readonly events: DossierEventsWriter,
    private readonly clock: Clock,
    private readonly lookupKeys: LookupKeys,
  ) {}

  async execute({ caller, trace, ...command }: SubmitDossierCommand & { caller: CallerIdentity; trace: EventTrace }): Promise<SubmittedDossierDto> {
    assertMayActFor(caller, command.receivingAgencyCode, () => DossierErrors.agencyScopeViolation(command.receivingAgencyCode));
    const now = this.clock.now();
    const receiptDate = localDateOf(now);
    const [year, month, day] = receiptDate.split('-').map(Number);
    const prefix = dossierCodePrefix(command.receivingAgencyCode, { year, month, day });
    const lookupKey = newLookupKey();
    // The stored hash binds the key's tag to the code: the statement that numbers the dossier computes it.
    const identity = { submittedBy: caller.clientId, lookupKeyHash: 'pending', submittedAt: now, updatedAt: now };
    const lookupKeyTag = this.lookupKeys.tag(lookupKey);

    for (let attempt = 1; attempt <= MAX_NUMBERING_ATTEMPTS; attempt++) {
      const procedure = await this.termsFor(command, now);
      // Decided and validated in memory under a placeholder of the code's shape (a 12-digit sequence no agency
      // issues); the statement that numbers the dossier puts the real code in its place.
      const placeholder = `${prefix}${randomInt(100_000_000_000, 1_000_000_000_000)}`;
      const intake = decide(null, { kind: 'intake', code: placeholder, content: intakeContent(command, now), procedure }, { calendar: null, now });
      if (intake.outcome !== 'created') throw new Error(`intake under ${placeholder} was not created: ${intake.outcome}`);
      // Numbered and stored with the intakes that arrive meanwhile, in one transaction (group commit): the dossier,
      // dossier.received.v1 (source hub, status 1) and the agency's feed item, by one statement.
      const outcome = await this.intakes.insert({
        procedure: { code: procedure.code, version: procedure.version },
        receivedAt: now,
        codePrefix: prefix,
        receiptDate,
        placeholder,
        dossier: { state: intake.state, identity },
        events: this.events.prepare(intake.events, trace),
        lookupKeyTag,
        feedItem: submissionFeedRow(intake.state, now),
      });
      if (outcome.stored) {
        const { receivingAgencyCode, channel } = command;
        const { code: procedureCode, version: procedureVersion } = procedure;
        return { code: outcome.code, status: DossierStatus.Submitted, procedureCode, procedureVersion, receivingAgencyCode, channel, submittedAt: now.toISOString(), lookupKey };
      }
      // A newer version or a withdrawal reached the read model since the version was kept: decide again on the current one.
      if (outcome.reason === 'procedure-changed') this.procedures.forget(command.procedureCode);
    }
    throw new Error(`no free dossier code for ${prefix} after ${MAX_NUMBERING_ATTEMPTS} attempts`);
  }

  /** The terms of the procedure version in force now on the command's channel, or the error that refuses the intake. */
  private async termsFor(command: SubmitDossierCommand, now: Date): Promise<IntakeCommand['procedure']> {
    const procedure = await this.procedures.find(command.procedureCode, now);
    if (!procedure) throw DossierErrors.procedureNotAvailable(command.procedureCode);
    if (!procedure.implementingAgencyCodes.includes(command.receivingAgencyCode)) {
      throw DossierErrors.agencyNotImplementing(command.procedureCode, command.receivingAgencyCode);
    }
    const terms = procedure.channels.find((c) => c.channel === command.channel);
    if (!terms) throw DossierErrors.channelNotOffered(command.procedureCode, command.channel);
    return { code: procedure.code, version: procedure.version, timeLimit: terms.timeLimit };
  }
}

/** What the applicant sent, as the content of a dossier at status 1 received now. */
function intakeContent(command: SubmitDossierCommand, now: Date): DossierContent {
  return {
    procedureCode: command.procedureCode,
    receivingAgencyCode: command.receivingAgencyCode,
    channel: command.channel,
    status: DossierStatus.Submitted,
    receivedAt: now,
    statusChangedAt: now,
    applicant: { ...command.applicant },
    summary: command.summary ?? null,
    appointmentAt: null,
    steps: [],
    documents: [],
    fees: [],
    results: [],
  };
}
