import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { FeeScheduleEntity } from '../fee-schedule/fee-schedule.entity';
import { ProcedurePublishedConsumer } from '../fee-schedule/consumers/procedure-published.consumer';
import { FeeScheduleRepository } from '../fee-schedule/fee-schedule.repository';
import { DossierReceivedConsumer } from './consumers/dossier-received.consumer';
import { FeeAssessmentEntity } from './fee-assessment.entity';
import { FeeAssessmentRepository } from './fee-assessment.repository';
import { PaymentController } from './payment.controller';
import { AssessFeesUseCase } from './usecases/assess-fees/assess-fees.usecase';
import { GetDossierPaymentsUseCase } from './usecases/get-dossier-payments/get-dossier-payments.usecase';

@Module({
  imports: [PersistenceModule.forFeature([FeeAssessmentEntity, FeeScheduleEntity])],
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
