import { Injectable } from '@nestjs/common';
import { localDateOf } from '@hub/calendar';
import { DossierReceived, DossierStatus, DossierSubmitted, formatDossierCode } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { assertMayActFor, Clock, type CallerIdentity } from '@hub/platform';
import { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import { decide } from '../../domain/decide';
import type { DossierContent } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';
import { hashLookupKey, newLookupKey } from '../../lookup-key';
import type { SubmitDossierCommand, SubmittedDossierDto } from './submit-dossier.command';

/** Intake of an online dossier (status 1) for a published procedure, with its Circular 01/2018 code. */
@Injectable()
export class SubmitDossierUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly procedures: ProcedureVersionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitDossierCommand, caller: CallerIdentity): Promise<SubmittedDossierDto> {
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
    const lookupKey = newLookupKey();

    return this.dossiers.transaction(async (tx) => {
      const sequence = await this.dossiers.nextDailySequence(tx, command.receivingAgencyCode, receiptDate);
      const [year, month, day] = receiptDate.split('-').map(Number);
      const code = formatDossierCode(command.receivingAgencyCode, { year, month, day }, sequence);
      const intake = decide(null, { kind: 'intake', code, content: intakeContent(command, now), procedure: { code: procedure.code, version: procedure.version, timeLimit: terms.timeLimit } }, { calendar: null, now });
      if (intake.outcome !== 'created') throw new Error(`intake of ${code} was not created: ${intake.outcome}`);
      await this.dossiers.insert(tx, {
        state: intake.state,
        identity: { submittedBy: caller.clientId, lookupKeyHash: hashLookupKey(lookupKey), submittedAt: now, updatedAt: now },
      });
      for (const event of intake.events) if (event.type === 'received') await this.outbox.append(tx, DossierReceived, event.payload);
      await this.outbox.append(tx, DossierSubmitted, {
        dossierCode: code,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        receivingAgencyCode: command.receivingAgencyCode,
        channel: command.channel,
        status: DossierStatus.Submitted,
        submittedAt: now.toISOString(),
      });
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
    });
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
