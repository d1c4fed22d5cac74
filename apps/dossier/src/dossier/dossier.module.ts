import { Module } from '@nestjs/common';
import { ProcedureReadModelModule } from '../procedure-read-model/procedure-read-model.module';
import { DossierController } from './dossier.controller';
import { DossierRepository } from './dossier.repository';
import { GetDossierUseCase } from './usecases/get-dossier/get-dossier.usecase';
import { SubmitDossierUseCase } from './usecases/submit-dossier/submit-dossier.usecase';

@Module({
  imports: [ProcedureReadModelModule],
  controllers: [DossierController],
  providers: [DossierRepository, SubmitDossierUseCase, GetDossierUseCase],
})
export class DossierModule {}
