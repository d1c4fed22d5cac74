import { Module } from '@nestjs/common';
import { SectorController } from './sector.controller';
import { SectorRepository } from './sector.repository';
import { GetSectorUseCase } from './usecases/get-sector/get-sector.usecase';
import { UpsertSectorUseCase } from './usecases/upsert-sector/upsert-sector.usecase';

@Module({
  controllers: [SectorController],
  providers: [SectorRepository, UpsertSectorUseCase, GetSectorUseCase],
  exports: [SectorRepository, UpsertSectorUseCase],
})
export class SectorModule {}
