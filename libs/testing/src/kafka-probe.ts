import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { findEventDefinition } from '@hub/contracts';
import { testKafkaConnection, uniqueSuffix } from './test-environment';

export interface ProbedMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/** Reads what arrives on a topic (by default from the beginning) so a test can assert on it. */
export class KafkaProbe {
  readonly messages: ProbedMessage[] = [];
  private readonly kafka: Kafka;
  private consumer?: ReturnType<Kafka['consumer']>;

  /** Connects as the test broker's admin principal when it has one (SASL). */
  constructor(brokers: string[]) {
    this.kafka = new Kafka({ clientId: 'test-probe', ...testKafkaConnection(), brokers, logLevel: logLevel.NOTHING });
  }

  /**
   * Topics are created by the services' declarations, never by the broker on first use: a probe that watches or
   * writes a topic before its service started creates it the same way (registered config, compacted snapshots).
   */
  async ensureTopic(topic: string): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if ((await admin.listTopics()).includes(topic)) return;
      const base = topic.endsWith('.dlq') ? topic.slice(0, -4) : topic;
      const compacted = !topic.endsWith('.dlq') && (findEventDefinition(base)?.compacted ?? false);
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: [{ topic, numPartitions: topic.endsWith('.dlq') ? 1 : 3, configEntries: compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [] }],
        })
        .catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }

  /** `fromBeginning: false` sees only messages produced after the probe joined (topics are shared across suites). */
  async watch(topic: string, { fromBeginning = true } = {}): Promise<void> {
    await this.ensureTopic(topic);
    const consumer = this.kafka.consumer({ groupId: `probe-${uniqueSuffix()}` });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning });
    const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        this.messages.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: decodeHeaders(message.headers),
          partition,
          offset: message.offset,
        });
      },
    });
    await joined;
  }

  /** Sends raw messages, bypassing the outbox (for poison and redelivery tests). */
  async send(topic: string, messages: { key: string; value: string; headers: Record<string, string>; partition?: number }[]): Promise<void> {
    await this.ensureTopic(topic);
    const producer = this.kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}
