import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { localDateOf } from '@hub/calendar';
import { DossierStatus, DossierSubmitted, dossierCodePrefix, formatDossierCode } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { assertMayActFor, Clock, type CallerIdentity } from '@hub/platform';
import { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';
import type { SubmitDossierCommand, SubmittedDossierDto } from './submit-dossier.command';

// No 0/O/1/I/L: the key is read off paper and typed by people.
const LOOKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

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
    if (!procedure.channels.some((c) => c.channel === command.channel)) {
      throw DossierErrors.channelNotOffered(command.procedureCode, command.channel);
    }

    const receiptDate = localDateOf(now);
    const lookupKey = Array.from({ length: 8 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');

    const [year, month, day] = receiptDate.split('-').map(Number);
    const date = { year, month, day };
    const submittedAt = now.toISOString();
    // Validated with a placeholder code of the right shape; the statement that numbers the dossier writes the real one.
    const submitted = this.outbox.prepare(DossierSubmitted, {
      dossierCode: formatDossierCode(command.receivingAgencyCode, date, 1),
      procedureCode: procedure.code,
      procedureVersion: procedure.version,
      receivingAgencyCode: command.receivingAgencyCode,
      channel: command.channel,
      status: DossierStatus.Submitted,
      submittedAt,
    });
    const code = await this.dossiers.insertNumbered(
      dossierCodePrefix(command.receivingAgencyCode, date),
      receiptDate,
      {
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        receivingAgencyCode: command.receivingAgencyCode,
        channel: command.channel,
        status: DossierStatus.Submitted,
        submittedBy: caller.clientId,
        applicant: { ...command.applicant },
        summary: command.summary ?? null,
        lookupKeyHash: createHash('sha256').update(lookupKey).digest('hex'),
        submittedAt: now,
        updatedAt: now,
      },
      [submitted],
    );
    return {
      code,
      status: DossierStatus.Submitted,
      procedureCode: procedure.code,
      procedureVersion: procedure.version,
      receivingAgencyCode: command.receivingAgencyCode,
      channel: command.channel,
      submittedAt,
      lookupKey,
    };
  }
}

