import { Module } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure.entity';
import { AgencyModule } from '../agency/agency.module';
import { CalendarModule } from '../calendar/calendar.module';
import { SectorModule } from '../sector/sector.module';
import { ImportHttpSetup } from './import-http.setup';
import { ProcedureImportController } from './procedure-import.controller';
import { ProcedureController } from './procedure.controller';
import { ProcedurePolicy } from './procedure-policy';
import { ProcedureRepository } from './procedure.repository';
import { CreateProcedureUseCase } from './usecases/create-procedure/create-procedure.usecase';
import { ImportProceduresUseCase } from './usecases/import-procedures/import-procedures.usecase';
import { GetDraftUseCase } from './usecases/get-draft/get-draft.usecase';
import { GetProcedureUseCase } from './usecases/get-procedure/get-procedure.usecase';
import { GetProcedureVersionUseCase } from './usecases/get-procedure-version/get-procedure-version.usecase';
import { ListProcedureVersionsUseCase } from './usecases/list-procedure-versions/list-procedure-versions.usecase';
import { PublishProcedureUseCase } from './usecases/publish-procedure/publish-procedure.usecase';
import { PutDraftUseCase } from './usecases/put-draft/put-draft.usecase';
import { SearchProceduresUseCase } from './usecases/search-procedures/search-procedures.usecase';
import { WithdrawProcedureUseCase } from './usecases/withdraw-procedure/withdraw-procedure.usecase';
import { VersionPublisher } from './version-publisher';

@Module({
  imports: [PersistenceModule.forFeature([ProcedureEntity, ProcedureVersionEntity]), AgencyModule, SectorModule, CalendarModule],
  controllers: [ProcedureController, ProcedureImportController],
  providers: [
    ProcedureRepository,
    ProcedurePolicy,
    VersionPublisher,
    CreateProcedureUseCase,
    PutDraftUseCase,
    PublishProcedureUseCase,
    WithdrawProcedureUseCase,
    GetProcedureUseCase,
    GetProcedureVersionUseCase,
    ListProcedureVersionsUseCase,
    GetDraftUseCase,
    SearchProceduresUseCase,
    ImportProceduresUseCase,
    ImportHttpSetup,
  ],
  exports: [ProcedureRepository, ProcedurePolicy, VersionPublisher, ImportProceduresUseCase],
})
export class ProcedureModule {}
