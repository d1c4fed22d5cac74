import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { topicsDeclaredBy } from '@hub/contracts';
import { Admin, Kafka, logLevel, Producer, type SASLOptions } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { KeyHashPartitioner } from './key-hash-partitioner';

/** How long shutdown waits for admin work in flight before disconnecting under it. */
const SHUTDOWN_SETTLE_MS = 5_000;

/**
 * The service's one Kafka connection set: an idempotent producer (acks=all, one request in flight so
 * retries never reorder) shared by the outbox relay and the dead-letter publisher, and an admin client.
 */
@Injectable()
export class KafkaClient implements OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly producer: Producer;
  private readonly admin: Admin;
  private readonly logger = new Logger('Kafka');
  private producerConnected?: Promise<void>;
  private adminConnected?: Promise<void>;
  private readonly topicsEnsured = new Map<string, Promise<void>>();
  /** Pings still waiting for the broker (a ping that timed out goes on until kafkajs gives up). */
  private readonly pings = new Set<Promise<void>>();

  constructor(@Inject(MESSAGING_OPTIONS) readonly options: MessagingOptions) {
    this.kafka = new Kafka({
      clientId: options.service,
      brokers: options.brokers,
      ...(options.sasl ? { sasl: options.sasl as SASLOptions } : {}),
      ...(options.ssl ? { ssl: options.ssl === true ? true : { ca: [options.ssl.ca] } } : {}),
      retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
      logLevel: logLevel.WARN,
      logCreator: () => ({ namespace, level, log }) => {
        const text = `${namespace}: ${log.message}${log.error ? ` (${log.error})` : ''}`;
        if (level <= logLevel.ERROR) this.logger.error(text);
        else this.logger.warn(text);
      },
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // kafkajs's default partitions, without its allocations per message (see key-hash-partitioner.ts).
      createPartitioner: KeyHashPartitioner,
    });
    this.admin = this.kafka.admin();
  }

  /** Connects lazily; a failed attempt is forgotten so the next call tries again. */
  connectProducer(): Promise<void> {
    this.producerConnected ??= this.producer.connect().catch((e) => {
      this.producerConnected = undefined;
      throw e;
    });
    return this.producerConnected;
  }

  private connectAdmin(): Promise<void> {
    this.adminConnected ??= this.admin.connect().catch((e) => {
      this.adminConnected = undefined;
      throw e;
    });
    return this.adminConnected;
  }

  /**
   * Creates the topics this service declares (libs/contracts `topicsDeclaredBy`): the ones it owns, and the ones it
   * consumes with their dead-letter topics; snapshot topics are compacted. The broker creates nothing by itself
   * (auto-creation is off) and its ACLs let a service create only these. Callers with the same topics share one
   * attempt, and a success is remembered; a failure is forgotten so the next call tries again.
   */
  ensureTopics(consumed: readonly string[] = []): Promise<void> {
    const key = [...consumed].sort().join(',');
    let ensured = this.topicsEnsured.get(key);
    if (!ensured) {
      ensured = this.createMissingTopics(consumed).catch((e) => {
        this.topicsEnsured.delete(key);
        throw e;
      });
      this.topicsEnsured.set(key, ensured);
    }
    return ensured;
  }

  private async createMissingTopics(consumed: readonly string[]): Promise<void> {
    await this.connectAdmin();
    const numPartitions = this.options.topicPartitions ?? 3;
    const replicationFactor = this.options.topicReplicationFactor ?? 1;
    const existing = new Set(await this.admin.listTopics());
    const missing = topicsDeclaredBy(this.options.service, consumed)
      .filter((t) => !existing.has(t.topic))
      .map((t) => ({
        topic: t.topic,
        numPartitions: t.deadLetter ? 1 : numPartitions,
        replicationFactor,
        configEntries: t.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      }));
    if (missing.length === 0) return;
    try {
      await this.admin.createTopics({ waitForLeaders: true, topics: missing });
    } catch (e) {
      // Another service created them between our listing and our request.
      const errors = (e as { errors?: { type?: string }[] }).errors;
      if (!errors?.every((err) => err.type === 'TOPIC_ALREADY_EXISTS')) throw e;
    }
  }

  async ping(timeoutMs = 3_000): Promise<void> {
    const answer = this.connectAdmin().then(() => this.admin.describeCluster());
    const settled = answer.then(
      () => undefined,
      () => undefined,
    );
    this.pings.add(settled);
    void settled.then(() => this.pings.delete(settled));
    await withTimeout(answer, timeoutMs, 'Kafka did not answer');
  }

  /**
   * Lets admin work still in flight (a topic check started at boot, a timed-out ping) settle first, for at most
   * SHUTDOWN_SETTLE_MS: disconnecting under it left kafkajs connecting (and loading modules) after the process, or a
   * test's environment, was gone.
   */
  async onApplicationShutdown(): Promise<void> {
    const inFlight = Promise.allSettled([...this.topicsEnsured.values(), ...this.pings]);
    await withTimeout(inFlight, SHUTDOWN_SETTLE_MS, 'admin work did not settle').catch(() => undefined);
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
