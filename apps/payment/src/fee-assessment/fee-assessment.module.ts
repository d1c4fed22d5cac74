import { Module } from '@nestjs/common';
import { ProcedurePublishedConsumer } from '../fee-schedule/consumers/procedure-published.consumer';
import { FeeScheduleRepository } from '../fee-schedule/fee-schedule.repository';
import { DossierReceivedConsumer } from './consumers/dossier-received.consumer';
import { FeeAssessmentRepository } from './fee-assessment.repository';
import { PaymentController } from './payment.controller';
import { AssessFeesUseCase } from './usecases/assess-fees/assess-fees.usecase';
import { GetDossierPaymentsUseCase } from './usecases/get-dossier-payments/get-dossier-payments.usecase';

@Module({
  controllers: [PaymentController],
  providers: [
    FeeAssessmentRepository,
    FeeScheduleRepository,
    AssessFeesUseCase,
    GetDossierPaymentsUseCase,
    DossierReceivedConsumer,
    ProcedurePublishedConsumer,
  ],
})
export class FeeAssessmentModule {}
