import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { localDateOf } from '@hub/calendar';
import { DossierStatus, dossierCodePrefix } from '@hub/contracts';
import { assertMayActFor, Clock, type CallerIdentity } from '@hub/platform';
import { submissionFeedRow } from '../../../agency-feed/agency-feed.writer';
import { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import { decide } from '../../domain/decide';
import type { DossierContent } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierEventsWriter } from '../../dossier-events.writer';
import { LookupKeys, newLookupKey } from '../../lookup-key';
import { NumberedIntakeWriter } from '../../numbered-intake.writer';
import type { SubmitDossierCommand, SubmittedDossierDto } from './submit-dossier.command';

/** Codes an agency system already took (synced under the hub's numbering) are skipped; more than this in a row is a bug. */
const MAX_NUMBERING_ATTEMPTS = 20;

/** Intake of an online dossier (status 1) for a published procedure, with its Circular 01/2018 code. */
@Injectable()
export class SubmitDossierUseCase {
  constructor(
    private readonly intakes: NumberedIntakeWriter,
    private readonly procedures: ProcedureVersionRepository,
    private readonly events: DossierEventsWriter,
    private readonly clock: Clock,
    private readonly lookupKeys: LookupKeys,
  ) {}

  async execute({ caller, ...command }: SubmitDossierCommand & { caller: CallerIdentity }): Promise<SubmittedDossierDto> {
    assertMayActFor(caller, command.receivingAgencyCode, () => DossierErrors.agencyScopeViolation(command.receivingAgencyCode));
    const now = this.clock.now();
    const procedure = await this.procedures.findInForce(command.procedureCode, now);
    if (!procedure) throw DossierErrors.procedureNotAvailable(command.procedureCode);
    if (!procedure.implementingAgencyCodes.includes(command.receivingAgencyCode)) {
      throw DossierErrors.agencyNotImplementing(command.procedureCode, command.receivingAgencyCode);
    }
    const terms = procedure.channels.find((c) => c.channel === command.channel);
    if (!terms) {
      throw DossierErrors.channelNotOffered(command.procedureCode, command.channel);
    }

    const receiptDate = localDateOf(now);
    const [year, month, day] = receiptDate.split('-').map(Number);
    const prefix = dossierCodePrefix(command.receivingAgencyCode, { year, month, day });
    const lookupKey = newLookupKey();
    // Replaced by the HMAC bound to the code once the dossier is numbered (in the same transaction).
    const identity = { submittedBy: caller.clientId, lookupKeyHash: 'pending', submittedAt: now, updatedAt: now };
    const procedureTerms = { code: procedure.code, version: procedure.version, timeLimit: terms.timeLimit };

    // Decided and validated in memory under a placeholder of the code's shape (a 12-digit sequence no agency
    // issues); the statement that numbers the dossier puts the real code in its place.
    for (let attempt = 1; attempt <= MAX_NUMBERING_ATTEMPTS; attempt++) {
      const placeholder = `${prefix}${randomInt(100_000_000_000, 1_000_000_000_000)}`;
      const intake = decide(null, { kind: 'intake', code: placeholder, content: intakeContent(command, now), procedure: procedureTerms }, { calendar: null, now });
      if (intake.outcome !== 'created') throw new Error(`intake under ${placeholder} was not created: ${intake.outcome}`);
      // dossier.received.v1 (source hub, status 1) announces the intake; dossier.submitted.v1 is retired.
      const events = this.events.prepare(intake.events);
      // The agency's feed item is written by the same statement: no consumer of our own event needed.
      const feedItem = submissionFeedRow(intake.state, now);
      // Numbered and stored with the intakes that arrive meanwhile, in one transaction (group commit).
      const code = await this.intakes.insert({
        codePrefix: prefix,
        receiptDate,
        placeholder,
        dossier: { state: intake.state, identity },
        events,
        lookupKeyHashOf: (numbered) => this.lookupKeys.hash(numbered, lookupKey),
        feedItem,
      });
      if (code === null) continue;
      return {
        code,
        status: DossierStatus.Submitted,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        receivingAgencyCode: command.receivingAgencyCode,
        channel: command.channel,
        submittedAt: now.toISOString(),
        lookupKey,
      };
    }
    throw new Error(`no free dossier code for ${prefix} after ${MAX_NUMBERING_ATTEMPTS} attempts`);
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
