import { Injectable } from '@nestjs/common';
import type { DossierReceivedV1 } from '@hub/contracts';
import { Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { FeeScheduleRepository } from '../../../fee-schedule/fee-schedule.repository';
import type { FeeAssessmentEntity } from '../../fee-assessment.entity';
import { FeeAssessmentRepository } from '../../fee-assessment.repository';
import { sumVnd } from '../../money';
import { OpenPaymentRequestUseCase } from '../../../payment-request/usecases/open-request/open-request.usecase';

/**
 * Assesses a new dossier's fees. Events of different topics are not ordered with each other, so a
 * dossier may arrive before its procedure version: it is then kept as AWAITING_PROCEDURE and assessed
 * when that version's snapshot arrives (`completeAwaiting`).
 */
@Injectable()
export class AssessFeesUseCase {
  constructor(
    private readonly assessments: FeeAssessmentRepository,
    private readonly schedules: FeeScheduleRepository,
    private readonly clock: Clock,
    private readonly openRequest: OpenPaymentRequestUseCase,
  ) {}

  async onDossierReceived(
    tx: EntityManager,
    dossier: Pick<DossierReceivedV1, 'dossierCode' | 'procedureCode' | 'procedureVersion' | 'receivingAgencyCode' | 'channel'>,
  ): Promise<void> {
    const now = this.clock.now();
    const pending: FeeAssessmentEntity = {
      dossierCode: dossier.dossierCode,
      procedureCode: dossier.procedureCode,
      procedureVersion: dossier.procedureVersion,
      receivingAgencyCode: dossier.receivingAgencyCode,
      channel: dossier.channel,
      status: 'AWAITING_PROCEDURE',
      lines: [],
      totalAmount: 0,
      assessedAt: null,
      updatedAt: now,
    };
    const schedule = await this.schedules.find(tx, dossier.procedureCode, dossier.procedureVersion);
    const assessed = schedule ? assess(pending, schedule.channels, now) : pending;
    await this.assessments.save(tx, assessed);
    // An online dossier owes its assessed fees at once: the portal can start paying them.
    await this.openRequest.fromAssessment(tx, assessed);
  }

  async completeAwaiting(tx: EntityManager, procedureCode: string, procedureVersion: number): Promise<void> {
    const schedule = await this.schedules.find(tx, procedureCode, procedureVersion);
    if (!schedule) return;
    for (const waiting of await this.assessments.findAwaiting(tx, procedureCode, procedureVersion)) {
      const assessed = assess(waiting, schedule.channels, this.clock.now());
      await this.assessments.save(tx, assessed);
      await this.openRequest.fromAssessment(tx, assessed);
    }
  }
}

export function assess(
  assessment: FeeAssessmentEntity,
  channels: { channel: string; fees: { code: string; name: string; amount: number }[] }[],
  at: Date,
): FeeAssessmentEntity {
  const lines = channels.find((c) => c.channel === assessment.channel)?.fees ?? [];
  return {
    ...assessment,
    status: 'ASSESSED',
    lines: lines.map((l) => ({ code: l.code, name: l.name, amount: l.amount })),
    totalAmount: sumVnd(lines.map((l) => l.amount)),
    assessedAt: at,
    updatedAt: at,
  };
}
