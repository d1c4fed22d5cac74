import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { AppErrorsModule, kafkaConnectionOf, outboxRelayOf } from '@hub/platform';
import type { PaymentConfig } from './config/payment.config';
import { paymentConsumerErrors } from './payment.consumer-errors';
import { paymentHttpErrors } from './payment.http-errors';
import { FeeAssessment1764115400000 } from './migrations/1764115400000-fee-assessment';
import { Payments1765100000000 } from './migrations/1765100000000-payments';
import { PaymentsModule } from './payments.module';

export const PAYMENT_SERVICE = 'payment';

@Module({})
export class PaymentAppModule {
  static forRoot(config: PaymentConfig): DynamicModule {
    return {
      module: PaymentAppModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, migrations: [FeeAssessment1764115400000, Payments1765100000000] }),
        MessagingModule.forRoot({ service: PAYMENT_SERVICE, groupId: config.KAFKA_GROUP_ID, ...kafkaConnectionOf(config), relay: outboxRelayOf(config),
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
        }),
        AppErrorsModule.forFeature({ name: PAYMENT_SERVICE, http: paymentHttpErrors, consumer: paymentConsumerErrors }),
        PaymentsModule.forRoot(config),
      ],
    };
  }
}
