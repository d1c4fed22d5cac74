import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { uniqueSuffix } from './test-environment';

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

  constructor(brokers: string[]) {
    this.kafka = new Kafka({ clientId: 'test-probe', brokers, logLevel: logLevel.NOTHING });
  }

  /** `fromBeginning: false` sees only messages produced after the probe joined (topics are shared across suites). */
  async watch(topic: string, { fromBeginning = true } = {}): Promise<void> {
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
