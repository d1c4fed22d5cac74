import type { Kafka, Producer, TopicMessages } from 'kafkajs';
import { KeyHashPartitioner } from '../kafka/key-hash-partitioner';

/** Kafka's refusals of a record batch that no retry can change: the batch (or one record) is over a size limit. */
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** Why the broker refused a send for its size (`MESSAGE_TOO_LARGE`, …), or undefined for any other failure. */
export function tooLargeReason(error: unknown): string | undefined {
  for (let e = error as { type?: unknown; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.type === 'string' && TOO_LARGE.has(e.type)) return e.type;
    e = (e.cause ?? e.originalError) as typeof e | undefined;
  }
  return undefined;
}

/**
 * The relay's own idempotent producer (acks=all, one request in flight, so per-key order holds). It is replaced
 * after a size refusal: Kafka refuses a whole produce request when one partition's batch is too large while the
 * other partitions of the same request may already have appended theirs, and kafkajs then rewinds the sequence
 * numbers of every partition; the next send would fail with OUT_OF_ORDER_SEQUENCE_NUMBER for good. A new producer
 * gets a new producer id and fresh sequences (what was appended is sent again: at least once, as always).
 */
export class RelayProducer {
  private producer?: Producer;
  private connected?: Promise<void>;

  constructor(private readonly kafka: Kafka) {}

  async send(topicMessages: TopicMessages[]): Promise<void> {
    const producer = await this.connect();
    await producer.sendBatch({ acks: -1, topicMessages });
  }

  /** Drops the producer; the next send connects a new one. */
  async renew(): Promise<void> {
    const old = this.producer;
    this.producer = undefined;
    this.connected = undefined;
    await old?.disconnect().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.renew();
  }

  private async connect(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // The partitions kafkajs's default picks, so per-key order holds across the change (key-hash-partitioner.ts).
        createPartitioner: KeyHashPartitioner,
      });
    }
    const producer = this.producer;
    this.connected ??= producer.connect().catch((e) => {
      this.connected = undefined;
      throw e;
    });
    await this.connected;
    return producer;
  }
}
