import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { READINESS_CHECK, type ReadinessCheck } from '@hub/platform';
import { brokerReadiness } from './kafka/broker-readiness';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import { EventConsumerHost } from './consumer/event-consumer.host';
import { KafkaClient } from './kafka/kafka.client';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const kafkaCheck = {
      provide: READINESS_CHECK,
      inject: [KafkaClient],
      useFactory: (kafka: KafkaClient): ReadinessCheck => brokerReadiness(kafka),
    };
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        KafkaClient,
        OutboxWriter,
        OutboxRelay,
        DeadLetterPublisher,
        EventConsumerHost,
        MessagingLifecycle,
        kafkaCheck,
      ],
      exports: [OutboxWriter, OutboxRelay, KafkaClient, MessagingLifecycle, kafkaCheck],
    };
  }
}
