import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { DossierSubmittedConsumer } from './consumers/dossier-submitted.consumer';
import { RateableDossierEntity } from './rateable-dossier.entity';
import { RateableDossierRepository } from './rateable-dossier.repository';
import { RatingController } from './rating.controller';
import { GetRatingEligibilityUseCase } from './usecases/get-rating-eligibility/get-rating-eligibility.usecase';
import { RecordRateableDossierUseCase } from './usecases/record-rateable-dossier/record-rateable-dossier.usecase';

@Module({
  imports: [PersistenceModule.forFeature([RateableDossierEntity])],
  controllers: [RatingController],
  providers: [RateableDossierRepository, RecordRateableDossierUseCase, GetRatingEligibilityUseCase, DossierSubmittedConsumer],
  exports: [RateableDossierRepository, RecordRateableDossierUseCase],
})
export class RateableDossierModule {}
