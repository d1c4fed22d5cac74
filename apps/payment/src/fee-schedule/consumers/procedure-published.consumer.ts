import { Injectable } from '@nestjs/common';
import { ProcedurePublished, type ProcedurePublishedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { AssessFeesUseCase } from '../../fee-assessment/usecases/assess-fees/assess-fees.usecase';
import { FeeScheduleRepository } from '../fee-schedule.repository';

@Injectable()
export class ProcedurePublishedConsumer {
  constructor(
    private readonly schedules: FeeScheduleRepository,
    private readonly assessFees: AssessFeesUseCase,
  ) {}

  @ConsumeEvent(ProcedurePublished)
  async handle(event: ConsumedEvent<ProcedurePublishedV1>, tx: EntityManager): Promise<void> {
    await this.schedules.insertVersion(tx, event.payload, new Date(event.occurredAt));
    await this.assessFees.completeAwaiting(tx, event.payload.code, event.payload.version);
  }
}
