import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule, parseBrokerList } from '@hub/platform';
import type { DossierConfig } from './config/dossier.config';
import { dossierHttpErrors } from './dossier.http-errors';
import { DossierEntity } from './dossier/dossier.entity';
import { DossierModule } from './dossier/dossier.module';
import { DossierIntake1764115300000 } from './migrations/1764115300000-dossier-intake';
import { ProcedureVersionEntity, ProcedureWithdrawalEntity } from './procedure-read-model/procedure-version.entity';

export const DOSSIER_SERVICE = 'dossier';

@Module({})
export class DossierAppModule {
  static forRoot(config: DossierConfig): DynamicModule {
    return {
      module: DossierAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, entities: [DossierEntity, ProcedureVersionEntity, ProcedureWithdrawalEntity], migrations: [DossierIntake1764115300000] }),
        MessagingModule.forRoot({ service: DOSSIER_SERVICE, groupId: config.KAFKA_GROUP_ID, brokers: parseBrokerList(config.KAFKA_BROKERS),
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
        }),
        AppErrorsModule.forFeature({ name: DOSSIER_SERVICE, http: dossierHttpErrors }),
        DossierModule,
      ],
    };
  }
}
