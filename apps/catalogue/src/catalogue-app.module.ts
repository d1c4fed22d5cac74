import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule, kafkaConnectionOf, outboxRelayOf } from '@hub/platform';
import { AgencyModule } from './agency/agency.module';
import { CalendarModule } from './calendar/calendar.module';
import { catalogueHttpErrors } from './catalogue.http-errors';
import { CATALOGUE_SETTINGS, catalogueSettingsOf, type CatalogueConfig } from './config/catalogue.config';
import { Catalogue1764200000000 } from './migrations/1764200000000-catalogue';
import { ProcedureModule } from './procedure/procedure.module';
import { SectorModule } from './sector/sector.module';
import { SettingsModule } from './config/settings.module';
import { StatusMappingModule } from './status-mapping/status-mapping.module';

export const CATALOGUE_SERVICE = 'catalogue';

export const CATALOGUE_MIGRATIONS = [Catalogue1764200000000];

@Module({})
export class CatalogueAppModule {
  static forRoot(config: CatalogueConfig): DynamicModule {
    return {
      module: CatalogueAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, migrations: CATALOGUE_MIGRATIONS }),
        MessagingModule.forRoot({ service: CATALOGUE_SERVICE, groupId: config.KAFKA_GROUP_ID, ...kafkaConnectionOf(config), relay: outboxRelayOf(config),
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
        }),
        AppErrorsModule.forFeature({ name: CATALOGUE_SERVICE, http: catalogueHttpErrors }),
        SettingsModule.forRoot({ provide: CATALOGUE_SETTINGS, useValue: catalogueSettingsOf(config) }),
        AgencyModule,
        SectorModule,
        CalendarModule,
        ProcedureModule,
        StatusMappingModule,
      ],
    };
  }
}
