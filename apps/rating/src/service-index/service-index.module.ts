import { Module } from '@nestjs/common';
import { RateableDossierModule } from '../rateable-dossier/rateable-dossier.module';
import { IndexCatalogueConsumer, DossierLifecycleConsumer, IndexPaymentConsumer, IndexRatingConsumer } from './consumers/index.consumers';
import { ServiceIndexController } from './service-index.controller';
import { IndexFactsRepository } from './store/index-facts.repository';
import { IndexReadRepository } from './store/index-read.repository';
import { RecordAgencyUseCase, RecordProcedureVersionUseCase } from './usecases/record-catalogue.usecases';
import { RecordDossierFactsUseCase } from './usecases/record-dossier-facts.usecase';
import { RecordPaymentUseCase } from './usecases/record-payment.usecase';
import { RecordRatingGivenUseCase } from './usecases/record-rating-given.usecase';
import { ServiceIndexQueries } from './usecases/read/service-index.queries';
import { SetTargetsUseCase } from './usecases/set-targets.usecase';

@Module({
  imports: [RateableDossierModule],
  controllers: [ServiceIndexController],
  providers: [
    IndexFactsRepository,
    IndexReadRepository,
    RecordDossierFactsUseCase,
    RecordPaymentUseCase,
    RecordRatingGivenUseCase,
    RecordProcedureVersionUseCase,
    RecordAgencyUseCase,
    DossierLifecycleConsumer,
    IndexPaymentConsumer,
    IndexRatingConsumer,
    IndexCatalogueConsumer,
    ServiceIndexQueries,
    SetTargetsUseCase,
  ],
})
export class ServiceIndexModule {}
