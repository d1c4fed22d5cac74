/* eslint-disable @typescript-eslint/no-require-imports */
// The producers' partitioner must pick the partition kafkajs's DefaultPartitioner picks for every keyed message
// (per-key order across a deploy, and the Java client's partition for the same key): compared here against kafkajs's
// own murmur2 and partitioner, not against a second copy of ours. The grouping half guards the
// groupMessagesPerPartition hunk of patches/kafkajs+2.2.4.patch against an independent reference.
import fc from 'fast-check';
import { Partitioners, type Message, type PartitionMetadata } from 'kafkajs';
import { KeyHashPartitioner, murmur2 } from './key-hash-partitioner';

const kafkajsMurmur2: (key: Buffer | string) => number = require('kafkajs/src/producer/partitioners/default/murmur2');
type Partitioner = (args: { topic: string; partitionMetadata: PartitionMetadata[]; message: Message }) => number;
const groupMessagesPerPartition: (args: {
  topic: string;
  partitionMetadata: PartitionMetadata[];
  messages: Message[];
  partitioner: Partitioner;
}) => Record<number, Message[]> = require('kafkajs/src/producer/groupMessagesPerPartition');

/** Any UTF-16 code unit, lone surrogate halves included (Buffer.from encodes those as U+FFFD). */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const stringKey = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '\ud83d', 'a', 'é', '€', '😀'), maxLength: 12 }),
  codeUnits,
);
const bufferKey = fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes));
const key = fc.oneof(stringKey, bufferKey);

/** 1..64 partitions, some of them (or all) without a leader. */
const partitionMetadata = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 64 })
  .map((hasLeader): PartitionMetadata[] =>
    hasLeader.map((leader, partitionId) => ({ partitionErrorCode: 0, partitionId, leader: leader ? partitionId % 3 : -1, replicas: [], isr: [] })),
  );
const topic = fc.constantFrom('dossier.events', 'intake.events', 'constructor', '__proto__');

describe('KeyHashPartitioner', () => {
  it('hashes the murmur2 vectors of the Java client (Kafka UtilsTest.testMurmur2)', () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
      ['', 275646681],
    ];
    for (const [text, hash] of vectors) {
      expect([text, murmur2(text), murmur2(Buffer.from(text))]).toEqual([text, hash, hash]);
      expect([text, kafkajsMurmur2(text)]).toEqual([text, hash]);
    }
  });

  it("computes kafkajs's murmur2 bit for bit, for strings (ASCII, any Unicode, lone surrogates) and Buffers", () => {
    fc.assert(
      fc.property(key, (k) => {
        expect(murmur2(k)).toBe(kafkajsMurmur2(k));
      }),
      { numRuns: 5_000 },
    );
  });

  it('hashes a lone surrogate as U+FFFD, as Buffer.from does', () => {
    for (const text of ['\ud800', 'ab\udc00', 'x\ud83d', '\udfff\ud800abc']) {
      expect(murmur2(text)).toBe(murmur2(Buffer.from(text.replace(/[\ud800-\udfff]/g, '\ufffd'))));
      expect(murmur2(text)).toBe(kafkajsMurmur2(text));
    }
  });

  it("gives keyed messages and explicit partitions the partition kafkajs's DefaultPartitioner gives", () => {
    fc.assert(
      fc.property(
        topic,
        partitionMetadata,
        fc.array(
          fc.record({ key: fc.option(key, { nil: undefined }), partition: fc.option(fc.nat(63), { nil: undefined }), nullKey: fc.boolean() }),
          { minLength: 1, maxLength: 30 },
        ),
        (topic, partitionMetadata, drawn) => {
          const ours = KeyHashPartitioner();
          const theirs = Partitioners.DefaultPartitioner();
          for (const d of drawn) {
            const message: Message = { key: d.key ?? (d.nullKey ? null : undefined), value: null, partition: d.partition };
            if (message.partition === undefined && (message.key === null || message.key === undefined)) message.partition = d.nullKey ? 0 : 5;
            expect(ours({ topic, partitionMetadata, message })).toBe(theirs({ topic, partitionMetadata, message }));
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('spreads messages without key or partition round robin over the partitions that have a leader', () => {
    fc.assert(
      fc.property(topic, partitionMetadata, fc.constantFrom(null, undefined), (topic, partitionMetadata, key) => {
        const partitioner = KeyHashPartitioner();
        const available = partitionMetadata.filter((p) => p.leader >= 0).map((p) => p.partitionId);
        const eligible = available.length > 0 ? available : partitionMetadata.map((p) => p.partitionId);
        // One full turn visits every eligible partition once; the next turn repeats it.
        const turn = eligible.map(() => partitioner({ topic, partitionMetadata, message: { key, value: null } }));
        expect([...turn].sort((a, b) => a - b)).toEqual(eligible);
        expect(eligible.map(() => partitioner({ topic, partitionMetadata, message: { key, value: null } }))).toEqual(turn);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a round-robin counter per topic, each from a random start', () => {
    const partitionMetadata = Array.from({ length: 64 }, (_, partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 1, replicas: [], isr: [] }));
    const partitioner = KeyHashPartitioner();
    const next = (topic: string) => partitioner({ topic, partitionMetadata, message: { value: null } });
    const a = next('a');
    next('b');
    expect(next('a')).toBe((a + 1) % 64);
    const starts = new Set(Array.from({ length: 20 }, () => KeyHashPartitioner()({ topic: 't', partitionMetadata, message: { value: null } })));
    expect(starts.size).toBeGreaterThan(1);
  });
});

/** Grouping as specified: partition number → that partition's messages, in input order. Shares no code with kafkajs. */
function referenceGrouping(topic: string, partitionMetadata: PartitionMetadata[], messages: Message[], partitioner: Partitioner): Record<string, Message[]> {
  if (partitionMetadata.length === 0) return {};
  const groups = new Map<number, Message[]>();
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    groups.set(partition, [...(groups.get(partition) ?? []), message]);
  }
  return Object.fromEntries(groups);
}

describe('kafkajs patch: groupMessagesPerPartition', () => {
  it('groups messages per partition in input order, as the reference grouping does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.option(stringKey, { nil: null }), value: fc.string({ maxLength: 5 }), partition: fc.option(fc.nat(70), { nil: undefined }) }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 64 }),
        fc.constantFrom('ours', 'kafkajs', 'modulo'),
        (messages: Message[], numPartitions, which) => {
          const partitionMetadata = Array.from({ length: numPartitions }, (_, partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 1, replicas: [], isr: [] }));
          // Deterministic partitioners, so the grouping and the reference see the same partitions.
          const partitioner: Partitioner =
            which === 'modulo'
              ? ({ message }) => (message.partition ?? 0) % Math.max(numPartitions, 1)
              : (() => {
                  const p = (which === 'ours' ? KeyHashPartitioner : Partitioners.DefaultPartitioner)();
                  return (args) => (args.message.key === null && args.message.partition === undefined ? 0 : p(args));
                })();
          const grouped = groupMessagesPerPartition({ topic: 't', partitionMetadata, messages, partitioner });
          const reference = referenceGrouping('t', partitionMetadata, messages, partitioner);
          expect(grouped).toEqual(reference);
          expect(Object.keys(grouped)).toEqual(Object.keys(reference));
          // The very message objects, not copies.
          for (const [partition, list] of Object.entries(grouped)) list.forEach((m, i) => expect(m).toBe(reference[partition][i]));
          if (numPartitions === 0) expect(grouped).toEqual({});
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns {} without calling the partitioner when the topic has no partition metadata', () => {
    const partitioner = jest.fn(() => 0);
    expect(groupMessagesPerPartition({ topic: 't', partitionMetadata: [], messages: [{ key: 'k', value: 'v' }], partitioner })).toEqual({});
    expect(partitioner).not.toHaveBeenCalled();
  });

  it('calls the partitioner once per message, in order, with the topic and metadata', () => {
    const partitionMetadata = [{ partitionErrorCode: 0, partitionId: 0, leader: 1, replicas: [], isr: [] }];
    const messages: Message[] = [{ value: '1' }, { value: '2' }, { value: '3' }];
    const partitioner = jest.fn(() => 0);
    expect(groupMessagesPerPartition({ topic: 't', partitionMetadata, messages, partitioner })).toEqual({ 0: messages });
    expect(partitioner.mock.calls).toEqual(messages.map((message) => [{ topic: 't', partitionMetadata, message }]));
  });
});
