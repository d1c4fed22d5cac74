import { Module, type DynamicModule } from '@nestjs/common';
import { AppErrorsModule } from '@hub/platform';
import { AgencyFeedController } from './agency-feed.controller';
import { AgencyFeedCoreModule } from './agency-feed-core.module';
import { agencyConnectivityHttpErrors } from './agency-connectivity.http-errors';
import { AgencyFeedConsumers } from './consumers/agency-feed.consumers';
import { FeedCursorCodec } from './feed-cursor';
import { FEED_SWEEP_OPTIONS, FeedSubmissionSweep, type FeedSweepOptions } from './feed-submission-sweep';
import { ReadFeedUseCase } from './usecases/read-feed.usecase';

@Module({})
export class AgencyFeedModule {
  /**
   * `cursorSecret`: the service's signing key (cursors stay valid across replicas and restarts); `sweep`: see
   * FeedSubmissionSweep.
   */
  static forRoot(options: { cursorSecret: string; sweep: FeedSweepOptions }): DynamicModule {
    return {
      module: AgencyFeedModule,
      imports: [AgencyFeedCoreModule, AppErrorsModule.forFeature({ name: 'dossier.agency-connectivity', http: agencyConnectivityHttpErrors })],
      controllers: [AgencyFeedController],
      providers: [
        { provide: FeedCursorCodec, useValue: new FeedCursorCodec(options.cursorSecret) },
        { provide: FEED_SWEEP_OPTIONS, useValue: options.sweep },
        ReadFeedUseCase,
        AgencyFeedConsumers,
        FeedSubmissionSweep,
      ],
      exports: [FeedSubmissionSweep],
    };
  }
}
