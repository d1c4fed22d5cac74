import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule, kafkaConnectionOf, outboxRelayOf } from '@hub/platform';
import type { DossierConfig } from './config/dossier.config';
import { dossierConsumerErrors } from './dossier.consumer-errors';
import { dossierHttpErrors } from './dossier.http-errors';
import { CalendarYearEntity } from './calendar-read-model/calendar-year.entity';
import { DossierEntity, DossierNoticeEntity, DossierStatusHistoryEntity } from './dossier/dossier.entity';
import { DossierModule } from './dossier/dossier.module';
import { DossierIntake1764115300000 } from './migrations/1764115300000-dossier-intake';
import { DossierLifecycle1764200000000 } from './migrations/1764200000000-dossier-lifecycle';
import { PersonalDataRead1765400000001 } from './migrations/1765400000001-personal-data-read';
import { AgencyFeed1765200000000 } from './migrations/1765200000000-agency-feed';
import { LegacyLookupKeysIndex1766000000000 } from './migrations/1766000000000-legacy-lookup-keys-index';
import { LookupKeyFormsIndex1766100000000 } from './migrations/1766100000000-lookup-key-forms-index';
import { AgencyFeedNotifyAgencies1766200000000 } from './migrations/1766200000000-agency-feed-notify-agencies';
import { AgencyFeedModule } from './agency-feed/agency-feed.module';
import { WebhookModule } from './webhook/webhook.module';
import { StatusMappingEntity } from './status-mapping-read-model/status-mapping.entity';
import { ProcedureVersionEntity, ProcedureWithdrawalEntity } from './procedure-read-model/procedure-version.entity';

export const DOSSIER_SERVICE = 'dossier';

@Module({})
export class DossierAppModule {
  static forRoot(config: DossierConfig): DynamicModule {
    return {
      module: DossierAppModule,
      imports: [
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          entities: [DossierEntity, DossierStatusHistoryEntity, DossierNoticeEntity, ProcedureVersionEntity, ProcedureWithdrawalEntity, CalendarYearEntity, StatusMappingEntity],
          migrations: [DossierIntake1764115300000, DossierLifecycle1764200000000, AgencyFeed1765200000000, PersonalDataRead1765400000001, LegacyLookupKeysIndex1766000000000, LookupKeyFormsIndex1766100000000, AgencyFeedNotifyAgencies1766200000000],
        }),
        MessagingModule.forRoot({ service: DOSSIER_SERVICE, groupId: config.KAFKA_GROUP_ID, ...kafkaConnectionOf(config), relay: outboxRelayOf(config),
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
        }),
        AppErrorsModule.forFeature({ name: DOSSIER_SERVICE, http: dossierHttpErrors, consumer: dossierConsumerErrors }),
        DossierModule.forRoot({ overdueWatchIntervalMs: config.OVERDUE_WATCH_INTERVAL_MS, lookupKeySecret: config.LOOKUP_KEY_SECRET }),
        AgencyFeedModule.forRoot({
          cursorSecret: config.LOOKUP_KEY_SECRET,
          sweep: { intervalMs: config.FEED_SWEEP_INTERVAL_MS, windowMs: config.FEED_SWEEP_WINDOW_MS },
        }),
        WebhookModule.forRoot({
          allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
          intervalMs: config.WEBHOOK_DELIVERY_INTERVAL_MS,
          connectTimeoutMs: config.WEBHOOK_CONNECT_TIMEOUT_MS,
          responseTimeoutMs: config.WEBHOOK_RESPONSE_TIMEOUT_MS,
          retry: { baseMs: config.WEBHOOK_RETRY_BASE_MS, maxMs: config.WEBHOOK_RETRY_MAX_MS, parkAfterMs: config.WEBHOOK_PARK_AFTER_MS },
          sealingSecret: config.LOOKUP_KEY_SECRET,
        }),
      ],
    };
  }
}
