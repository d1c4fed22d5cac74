import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { SectorEntity } from './sector.entity';
import { SectorController } from './sector.controller';
import { SectorRepository } from './sector.repository';
import { GetSectorUseCase } from './usecases/get-sector/get-sector.usecase';
import { ListSectorsUseCase } from './usecases/list-sectors/list-sectors.usecase';
import { UpsertSectorUseCase } from './usecases/upsert-sector/upsert-sector.usecase';

@Module({
  imports: [PersistenceModule.forFeature([SectorEntity])],
  controllers: [SectorController],
  providers: [SectorRepository, UpsertSectorUseCase, GetSectorUseCase, ListSectorsUseCase],
  exports: [SectorRepository, UpsertSectorUseCase],
})
export class SectorModule {}
