import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { RateableDossierEntity } from './rateable-dossier.entity';
import { RateableDossierRepository } from './rateable-dossier.repository';
import { RatingController } from './rating.controller';
import { GetRatingEligibilityUseCase } from './usecases/get-rating-eligibility/get-rating-eligibility.usecase';
import { RecordRateableDossierUseCase } from './usecases/record-rateable-dossier/record-rateable-dossier.usecase';

@Module({
  imports: [PersistenceModule.forFeature([RateableDossierEntity])],
  controllers: [RatingController],
  // The rating windows follow dossier.received.v1 / dossier.status-changed.v1 (DossierLifecycleConsumer in
  // service-index, one handler per topic); the former dossier.submitted.v1 consumer is retired with that topic.
  providers: [RateableDossierRepository, RecordRateableDossierUseCase, GetRatingEligibilityUseCase],
  exports: [RateableDossierRepository, RecordRateableDossierUseCase],
})
export class RateableDossierModule {}
