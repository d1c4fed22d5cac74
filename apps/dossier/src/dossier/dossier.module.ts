import { Module, type DynamicModule } from '@nestjs/common';
import { AgencyFeedCoreModule } from '../agency-feed/agency-feed-core.module';
import { CalendarReadModelModule } from '../calendar-read-model/calendar-read-model.module';
import { PersonalDataAuditModule } from '../personal-data-audit/personal-data-audit.module';
import { ProcedureReadModelModule } from '../procedure-read-model/procedure-read-model.module';
import { StatusMappingReadModelModule } from '../status-mapping-read-model/status-mapping-read-model.module';
import { CalendarUpdatedConsumer } from './consumers/calendar-updated.consumer';
import { DossierEventsWriter } from './dossier-events.writer';
import { DossierStateStore } from './dossier-state.store';
import { DossierSyncController } from './dossier-sync.controller';
import { DossierStepsController } from './dossier-steps.controller';
import { RecordStepsUseCase } from './usecases/record-steps/record-steps.usecase';
import { DossierApplicantController } from './dossier-applicant.controller';
import { DossierController } from './dossier.controller';
import { DossierDisclosure } from './dossier-disclosure';
import { DossierLifecycle } from './dossier-lifecycle';
import { DossierNoticeController } from './dossier-notice.controller';
import { OVERDUE_WATCH_INTERVAL_MS, OverdueWatchJob } from './overdue-watch.job';
import { PublicLookupController } from './public-lookup.controller';
import { WatchDueDatesUseCase } from './usecases/watch-due-dates/watch-due-dates.usecase';
import { IssueNoticeUseCase } from './usecases/issue-notice/issue-notice.usecase';
import { ListDossiersUseCase } from './usecases/list-dossiers/list-dossiers.usecase';
import { LookupDossierUseCase } from './usecases/lookup-dossier/lookup-dossier.usecase';
import { SubmitSupplementUseCase } from './usecases/submit-supplement/submit-supplement.usecase';
import { WithdrawDossierUseCase } from './usecases/withdraw-dossier/withdraw-dossier.usecase';
import { DossierRepository } from './dossier.repository';
import { NumberedIntakeWriter } from './numbered-intake.writer';
import { GetDossierUseCase } from './usecases/get-dossier/get-dossier.usecase';
import { GetDossierStateUseCase } from './usecases/get-dossier-state/get-dossier-state.usecase';
import { RecomputeDueDatesUseCase } from './usecases/recompute-due-dates/recompute-due-dates.usecase';
import { SubmitDossierUseCase } from './usecases/submit-dossier/submit-dossier.usecase';
import { SyncDossiersUseCase } from './usecases/sync-dossiers/sync-dossiers.usecase';

import { LOOKUP_KEY_SECRET, LookupKeys } from './lookup-key';
import { LookupKeyRekeying } from './lookup-key-rekeying';

@Module({
  imports: [ProcedureReadModelModule, CalendarReadModelModule, StatusMappingReadModelModule, PersonalDataAuditModule, AgencyFeedCoreModule],
  controllers: [DossierController, DossierSyncController, DossierNoticeController, DossierApplicantController, PublicLookupController, DossierStepsController],
  providers: [
    DossierRepository,
    NumberedIntakeWriter,
    DossierStateStore,
    DossierEventsWriter,
    SubmitDossierUseCase,
    GetDossierUseCase,
    GetDossierStateUseCase,
    SyncDossiersUseCase,
    RecomputeDueDatesUseCase,
    CalendarUpdatedConsumer,
    DossierLifecycle,
    DossierDisclosure,
    IssueNoticeUseCase,
    WithdrawDossierUseCase,
    SubmitSupplementUseCase,
    ListDossiersUseCase,
    LookupDossierUseCase,
    WatchDueDatesUseCase,
    OverdueWatchJob,
    LookupKeys,
    LookupKeyRekeying,
    RecordStepsUseCase,
  ],
})
export class DossierModule {
  static forRoot(options: { overdueWatchIntervalMs: number; lookupKeySecret: string }): DynamicModule {
    return {
      module: DossierModule,
      providers: [
        { provide: OVERDUE_WATCH_INTERVAL_MS, useValue: options.overdueWatchIntervalMs },
        { provide: LOOKUP_KEY_SECRET, useValue: options.lookupKeySecret },
      ],
    };
  }
}
