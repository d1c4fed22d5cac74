import { Module } from '@nestjs/common';
import { DossierSubmittedConsumer } from './consumers/dossier-submitted.consumer';
import { RateableDossierRepository } from './rateable-dossier.repository';
import { RatingController } from './rating.controller';
import { GetRatingEligibilityUseCase } from './usecases/get-rating-eligibility/get-rating-eligibility.usecase';
import { RecordRateableDossierUseCase } from './usecases/record-rateable-dossier/record-rateable-dossier.usecase';

@Module({
  controllers: [RatingController],
  providers: [RateableDossierRepository, RecordRateableDossierUseCase, GetRatingEligibilityUseCase, DossierSubmittedConsumer],
  exports: [RateableDossierRepository, RecordRateableDossierUseCase],
})
export class RateableDossierModule {}
