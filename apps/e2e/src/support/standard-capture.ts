import { appendFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { Client } from 'pg';
import { EVENT_REGISTRY } from '@hub/contracts';
import { testKafkaConnection, uniqueSuffix } from '@hub/testing';

/**
 * What an e2e run puts on the wire, kept for the data-packet check that runs after the suites
 * (apps/e2e/src/published-standard.capture-spec.ts, README "Tests"). Active only when `HUB_E2E_CAPTURE_DIR` is set
 * (`npm test` sets it); otherwise every function here does nothing.
 *
 * Kafka: a Hub notes each hub topic's end offsets when it starts and when it stops, then reads that range once as the
 * broker's admin principal (one consumer group per Hub, no ACL of its own) and keeps the messages whose `event-id`
 * is in the outbox of one of its own apps: what other runs on a shared broker or a test's hand-made events put there
 * in the meantime is left out. Feed items and webhook bodies are recorded by the specs that receive them.
 */
export const CAPTURE_DIR_ENV = 'HUB_E2E_CAPTURE_DIR';

export type CaptureLine =
  | { kind: 'event'; source: string; topic: string; partition: number; offset: string; key: string | null; headers: Record<string, string>; value: string | null }
  | { kind: 'packet'; source: string; packet: string; value: unknown }
  /** One Hub: rows in its outboxes, messages kept, and how long reading them took when it stopped (ms). */
  | { kind: 'hub'; source: string; published: number; captured: number; readMs: number }
  | { kind: 'capture-error'; source: string; error: string };

type Offsets = Map<string, Map<number, number>>;

const READ_TIMEOUT_MS = 60_000;

export function captureDir(): string | undefined {
  return process.env[CAPTURE_DIR_ENV] || undefined;
}

/** The spec file being run (for naming captured messages). */
function currentSpec(): string {
  const path = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect?.getState?.().testPath;
  return path ? basename(path) : 'unknown-spec';
}

function write(lines: CaptureLine[], file = `${currentSpec()}.jsonl`): void {
  const dir = captureDir();
  if (!dir || lines.length === 0) return;
  appendFileSync(join(dir, file), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

/** Records data packets a test received (agency-feed items, webhook bodies) for the check against the standard. */
export function recordPackets(packet: string, values: readonly unknown[]): void {
  const source = currentSpec();
  write(values.map((value) => ({ kind: 'packet', source, packet, value })));
}

/** The Kafka side of one Hub's lifetime. */
export class HubCapture {
  private readonly source = currentSpec();
  private readonly kafka = new Kafka({ clientId: 'e2e-standard-capture', ...testKafkaConnection(), logLevel: logLevel.NOTHING });
  private readonly starts: Promise<Offsets>;
  private ends?: Promise<Offsets>;

  private constructor() {
    this.starts = this.endOffsets();
    // A failure is reported by finish(); nothing to await here (the apps start meanwhile).
    this.starts.catch(() => undefined);
  }

  /** Notes where every hub topic ends now; undefined when the run does not capture. */
  static begin(): HubCapture | undefined {
    return captureDir() ? new HubCapture() : undefined;
  }

  /** Call before the apps stop: the range to read ends here. */
  markEnd(): void {
    this.ends = this.endOffsets();
    this.ends.catch(() => undefined);
  }

  /** Reads the range and keeps what the apps of `databases` published. Never throws: a failure is written down. */
  async finish(databases: readonly string[]): Promise<void> {
    const t0 = Date.now();
    try {
      const [starts, ends] = await Promise.all([this.starts, this.ends ?? this.endOffsets()]);
      // After the end offsets: every message in range has its outbox row by now.
      const published = await publishedEvents(databases);
      // Only the topics the apps wrote to are read (nothing at all when their outboxes are empty).
      const topics = new Set(published.values());
      const messages = await this.read(starts, new Map([...ends].filter(([topic]) => topics.has(topic))));
      const mine = messages.filter((m) => published.has(m.headers['event-id'] ?? ''));
      write([...mine, { kind: 'hub', source: this.source, published: published.size, captured: mine.length, readMs: Date.now() - t0 }], `${this.source}.jsonl`);
    } catch (error) {
      write([{ kind: 'capture-error', source: this.source, error: String((error as Error)?.stack ?? error) }], `${this.source}.jsonl`);
    }
  }

  /** Every partition's next offset, for the hub topics that exist (a missing topic starts at 0 later). */
  private async endOffsets(): Promise<Offsets> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const topics = EVENT_REGISTRY.map((d) => d.topic).filter((t) => existing.has(t));
      const offsets: Offsets = new Map();
      for (const topic of topics) offsets.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)])));
      return offsets;
    } finally {
      await admin.disconnect();
    }
  }

  private async read(starts: Offsets, ends: Offsets): Promise<Extract<CaptureLine, { kind: 'event' }>[]> {
    const ranges = [...ends].flatMap(([topic, partitions]) =>
      [...partitions].map(([partition, end]) => ({ topic, partition, start: starts.get(topic)?.get(partition) ?? 0, end })).filter((r) => r.end > r.start),
    );
    if (ranges.length === 0) return [];
    const progress = new Map(ranges.map((r) => [`${r.topic}/${r.partition}`, r.start]));
    const done = () => ranges.every((r) => progress.get(`${r.topic}/${r.partition}`)! >= r.end);
    const out: Extract<CaptureLine, { kind: 'event' }>[] = [];
    // A short fetch wait: a first fetch from before the seek took effect (at the end of the topic) returns at once.
    const consumer = this.kafka.consumer({ groupId: `e2e-standard-capture-${uniqueSuffix()}`, maxWaitTimeInMs: 200 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...new Set(ranges.map((r) => r.topic))] });
      let finished!: () => void;
      const complete = new Promise<void>((resolve) => (finished = resolve));
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const range = ranges.find((r) => r.topic === batch.topic && r.partition === batch.partition);
          if (!range) return;
          const key = `${batch.topic}/${batch.partition}`;
          // Only messages inside the range count: a fetch from before the seek took effect is skipped.
          for (const m of batch.messages) {
            const offset = Number(m.offset);
            if (offset < range.start || offset >= range.end || offset < progress.get(key)!) continue;
            out.push({ kind: 'event', source: this.source, topic: batch.topic, partition: batch.partition, offset: m.offset, key: m.key?.toString() ?? null, headers: decodeHeaders(m.headers), value: m.value?.toString() ?? null });
            progress.set(key, offset + 1);
          }
          if (done()) finished();
        },
      });
      for (const r of ranges) consumer.seek({ topic: r.topic, partition: r.partition, offset: String(r.start) });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`read ${out.length} messages, not all of ${JSON.stringify(ranges)} within ${READ_TIMEOUT_MS / 1000} s`)), READ_TIMEOUT_MS);
      });
      await Promise.race([complete, timedOut]).finally(() => clearTimeout(timer));
      return out;
    } finally {
      await consumer.disconnect();
    }
  }
}

/** `event-id` → topic of every outbox row (published or not) of these databases. */
async function publishedEvents(databases: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const url of databases) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const exists = await client.query(`SELECT to_regclass('public.outbox') IS NOT NULL AS present`);
      if (!exists.rows[0].present) continue;
      for (const row of (await client.query('SELECT event_id::text AS id, topic FROM outbox')).rows) ids.set(row.id, row.topic);
    } finally {
      await client.end();
    }
  }
  return ids;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}
