import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { StatusMappingEntity } from './status-mapping.entity';
import { AgencyModule } from '../agency/agency.module';
import { StatusMappingController } from './status-mapping.controller';
import { StatusMappingRepository } from './status-mapping.repository';
import { GetStatusMappingUseCase } from './usecases/get-status-mapping/get-status-mapping.usecase';
import { PutStatusMappingUseCase } from './usecases/put-status-mapping/put-status-mapping.usecase';

@Module({
  imports: [PersistenceModule.forFeature([StatusMappingEntity]), AgencyModule],
  controllers: [StatusMappingController],
  providers: [StatusMappingRepository, PutStatusMappingUseCase, GetStatusMappingUseCase],
  exports: [PutStatusMappingUseCase],
})
export class StatusMappingModule {}
