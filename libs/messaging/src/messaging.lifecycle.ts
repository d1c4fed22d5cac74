import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventConsumerHost } from './consumer/event-consumer.host';
import { KafkaClient } from './kafka/kafka.client';
import { OutboxRelay } from './outbox/outbox.relay';

/**
 * Starts the relay and the consumers without blocking HTTP start-up (a broker outage must not stop
 * intake: the outbox holds events until Kafka is back). On shutdown, consumers stop first, then the
 * relay flushes what is committed.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumersJoined: Promise<void> = Promise.resolve();

  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumerHost,
    private readonly kafka: KafkaClient,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.consumersJoined = this.consumers.start();
    void this.kafka.ensureTopics().catch((e) => this.logger.warn(`topics not ensured yet: ${(e as Error).message}`));
  }

  /** Resolves when this service's consumer group has joined; used by tests and readiness. */
  ready(): Promise<void> {
    return this.consumersJoined;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers.stop();
    await this.relay.stop();
  }
}
