import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule, kafkaConnectionOf, outboxRelayOf } from '@hub/platform';
import type { RatingConfig } from './config/rating.config';
import { ratingConsumerErrors } from './rating.consumer-errors';
import { ratingHttpErrors } from './rating.http-errors';
import { RateableDossier1764115500000 } from './migrations/1764115500000-rateable-dossier';
import { RateableDossierRevision1764200100000 } from './migrations/1764200100000-rateable-dossier-revision';
import { RateableDossierModule } from './rateable-dossier/rateable-dossier.module';
import { ServiceIndex1764300000000 } from './migrations/1764300000000-service-index';
import { RatingsModule } from './ratings/ratings.module';
import { SatisfactionSummary1765300000000 } from './migrations/1765300000000-satisfaction-summary';
import { SatisfactionSummaryModule } from './satisfaction-summary/satisfaction-summary.module';
import { ServiceIndexModule } from './service-index/service-index.module';

/** Events applied per transaction by the rating service's consumers (the platform default is 100). */
export const RATING_CONSUMER_CHUNK_SIZE = 500;

export const RATING_SERVICE = 'rating';

@Module({})
export class RatingAppModule {
  static forRoot(config: RatingConfig): DynamicModule {
    return {
      module: RatingAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, migrations: [RateableDossier1764115500000, RateableDossierRevision1764200100000, ServiceIndex1764300000000, SatisfactionSummary1765300000000] }),
        MessagingModule.forRoot({ service: RATING_SERVICE, groupId: config.KAFKA_GROUP_ID, ...kafkaConnectionOf(config), relay: outboxRelayOf(config),
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
          // The index applies a whole chunk in about ten statements (@ConsumeEventBatch): bigger chunks, fewer round
          // trips per event. A failing chunk still falls back to one event at a time.
          consumer: { chunkSize: RATING_CONSUMER_CHUNK_SIZE },
        }),
        AppErrorsModule.forFeature({ name: RATING_SERVICE, http: ratingHttpErrors, consumer: ratingConsumerErrors }),
        RateableDossierModule,
        ServiceIndexModule,
        RatingsModule,
        SatisfactionSummaryModule,
      ],
    };
  }
}
