import { KafkaProbe } from '../kafka-probe';
import type { CapturedMessage } from './published-standard';

/** Captures what real producers put on the given topics from now on (a real consumer per topic, shared broker). */
export class StandardCapture {
  private constructor(private readonly probes: { topic: string; probe: KafkaProbe }[]) {}

  static async start(brokers: string[], topics: string[]): Promise<StandardCapture> {
    const probes = topics.map((topic) => ({ topic, probe: new KafkaProbe(brokers) }));
    await Promise.all(probes.map(({ topic, probe }) => probe.watch(topic, { fromBeginning: false })));
    return new StandardCapture(probes);
  }

  /** Messages of one request (topics are shared with other runs): those carrying its correlation id. */
  messages(correlationId: string): CapturedMessage[] {
    return this.probes.flatMap(({ topic, probe }) =>
      probe.messages.filter((m) => m.headers['correlation-id'] === correlationId).map((m) => ({ topic, key: m.key, headers: m.headers, value: m.value })),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.probes.map(({ probe }) => probe.close()));
  }
}
