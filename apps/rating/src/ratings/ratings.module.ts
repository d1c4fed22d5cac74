import { Module } from '@nestjs/common';
import { RateableDossierModule } from '../rateable-dossier/rateable-dossier.module';
import { RatingsController } from './ratings.controller';
import { RatingsRepository } from './ratings.repository';
import { RateDossierUseCase } from './usecases/rate-dossier.usecase';
import { RatingQueries } from './usecases/rating-queries';
import { SyncRatingsUseCase } from './usecases/sync-ratings.usecase';

@Module({
  imports: [RateableDossierModule],
  controllers: [RatingsController],
  providers: [RatingsRepository, RateDossierUseCase, SyncRatingsUseCase, RatingQueries],
})
export class RatingsModule {}
