import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { AgencyEntity } from './agency.entity';
import { AgencyController } from './agency.controller';
import { AgencyRepository } from './agency.repository';
import { GetAgencyUseCase } from './usecases/get-agency/get-agency.usecase';
import { GetAgencyAncestorsUseCase } from './usecases/get-agency-ancestors/get-agency-ancestors.usecase';
import { GetAgencySubtreeUseCase } from './usecases/get-agency-subtree/get-agency-subtree.usecase';
import { ListAgenciesUseCase } from './usecases/list-agencies/list-agencies.usecase';
import { UpsertAgencyUseCase } from './usecases/upsert-agency/upsert-agency.usecase';

@Module({
  imports: [PersistenceModule.forFeature([AgencyEntity])],
  controllers: [AgencyController],
  providers: [AgencyRepository, UpsertAgencyUseCase, GetAgencyUseCase, GetAgencySubtreeUseCase, GetAgencyAncestorsUseCase, ListAgenciesUseCase],
  exports: [AgencyRepository, UpsertAgencyUseCase],
})
export class AgencyModule {}
