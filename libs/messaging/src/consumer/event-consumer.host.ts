import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { CONSUMED_BY, isMessagingService, type EventDefinition } from '@hub/contracts';
import { runTransaction } from '@hub/persistence';
import { collectErrorMaps, consumerDispositionOf } from '@hub/platform';
import type { Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { KafkaClient } from '../kafka/kafka.client';
import { backoff, DEFAULT_CONSUMER_OPTIONS, MESSAGING_OPTIONS, type ConsumerOptions, type MessagingOptions } from '../messaging.options';
import { CONSUME_EVENT, CONSUME_EVENT_BATCH, type EventBatchHandlerFn, type EventHandlerFn } from './consume-event.decorator';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventBatchProcessor } from './event-batch.processor';

/** Finds every @ConsumeEvent handler of the service and runs one consumer group for all of them. */
@Injectable()
export class EventConsumerHost {
  private readonly logger = new Logger('EventConsumer');
  private readonly options: ConsumerOptions;
  private consumer?: Consumer;
  private stopped = false;
  private joined!: Promise<void>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly kafka: KafkaClient,
    private readonly deadLetters: DeadLetterPublisher,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
  ) {
    this.options = { ...DEFAULT_CONSUMER_OPTIONS, ...messaging.consumer };
  }

  /** Resolves once the group has joined (immediately when the service consumes nothing). */
  start(): Promise<void> {
    const processors = this.discoverProcessors();
    if (processors.size === 0) return (this.joined = Promise.resolve());
    this.assertDeclared([...processors.keys()]);
    this.joined = this.connectWithRetry(processors);
    return this.joined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // disconnect() waits for the batch in flight, then leaves the group and commits resolved offsets.
    await this.consumer?.disconnect();
  }

  /** The broker lets a service read only what libs/contracts declares it consumes: say so at start-up, not on the first fetch. */
  private assertDeclared(topics: string[]): void {
    const service = this.messaging.service;
    if (!isMessagingService(service)) return;
    const undeclared = topics.filter((topic) => !CONSUMED_BY[service].some((def) => def.topic === topic));
    if (undeclared.length > 0) {
      throw new Error(`${service} consumes ${undeclared.join(', ')} without declaring it: add it to CONSUMED_BY in libs/contracts/src/topic-access.ts (then node tools/kafka/acls.mjs generate)`);
    }
  }

  private discoverProcessors(): Map<string, EventBatchProcessor> {
    const processors = new Map<string, EventBatchProcessor>();
    const groupId = this.messaging.groupId ?? this.messaging.service;
    const { consumer: dispositions } = collectErrorMaps(this.discovery);
    const classify = (e: unknown) => consumerDispositionOf(e, dispositions);
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const single: EventDefinition | undefined = Reflect.getMetadata(CONSUME_EVENT, prototype[method]);
        const batched: EventDefinition | undefined = Reflect.getMetadata(CONSUME_EVENT_BATCH, prototype[method]);
        const def = single ?? batched;
        if (!def) continue;
        if (processors.has(def.topic)) throw new Error(`Two handlers for ${def.topic} in ${this.messaging.service}`);
        const bound = (instance[method] as EventHandlerFn | EventBatchHandlerFn).bind(instance);
        const handleBatch = batched ? (bound as EventBatchHandlerFn) : undefined;
        const handle: EventHandlerFn = handleBatch ? (event, tx) => handleBatch([event], tx) : (bound as EventHandlerFn);
        const consumer = `${groupId}:${prototype.constructor.name}.${method}`;
        processors.set(
          def.topic,
          new EventBatchProcessor(
            { consumer, definition: def, handle, handleBatch },
            // A handler's transaction commits as a use case's does (`runTransaction`: `sendNow` statements settled first).
            { transaction: (work) => runTransaction(this.dataSource, work), query: (sql) => this.dataSource.query(sql) },
            (l) => this.deadLetters.publish(l),
            this.options,
            this.logger,
            undefined,
            classify,
          ),
        );
      }
    }
    return processors;
  }

  private async connectWithRetry(processors: Map<string, EventBatchProcessor>): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.run(processors);
        return;
      } catch (e) {
        this.logger.warn(`consumer start failed (attempt ${attempt}): ${(e as Error).message}`);
        await this.consumer?.disconnect().catch(() => undefined);
        await new Promise((r) => setTimeout(r, backoff(attempt, 500, 10_000)));
      }
    }
  }

  private async run(processors: Map<string, EventBatchProcessor>): Promise<void> {
    await this.kafka.ensureTopics([...processors.keys()]);
    const consumer = this.kafka.kafka.consumer({
      groupId: this.messaging.groupId ?? this.messaging.service,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 5),
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    // A new group reads from the beginning: snapshot topics rebuild read models from empty.
    await consumer.subscribe({ topics: [...processors.keys()], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        const processor = processors.get(batch.topic);
        if (!processor) return;
        for (let i = 0; i < batch.messages.length; i += this.options.chunkSize) {
          if (!isRunning() || isStale()) return;
          const chunk = batch.messages.slice(i, i + this.options.chunkSize);
          await processor.process(batch.topic, batch.partition, chunk, heartbeat);
          resolveOffset(chunk[chunk.length - 1].offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
        // A batch can end past its last message (records removed by compaction, transaction markers),
        // or hold no message at all: without this the group would fetch the same empty range forever.
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
      },
    });
    await joined;
    this.logger.log(`consuming ${[...processors.keys()].join(', ')}`);
  }
}
