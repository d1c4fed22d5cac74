import { randomBytes } from 'node:crypto';
import type { ICustomPartitioner, PartitionerArgs, PartitionMetadata } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** One 4-byte little-endian word of the body mixed into the hash. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word, M);
  k ^= k >>> 24;
  k = Math.imul(k, M);
  return Math.imul(h, M) ^ k;
}

/**
 * The last one to three bytes (as the Java switch that falls through from case 3 to case 1), then the avalanche;
 * the result as a signed 32-bit integer.
 */
function finish(h: number, rest: number, b0: number, b1: number, b2: number): number {
  if (rest !== 0) {
    if (rest === 3) h ^= b2 << 16;
    if (rest >= 2) h ^= b1 << 8;
    h = Math.imul(h ^ b0, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * murmur2 (Kafka's Java client, `Utils.murmur2`) of the bytes of `data`, as a signed 32-bit integer. kafkajs computes
 * it on BigInt-backed Longs that it truncates to 32 bits only before each shift and at the end; the low 32 bits of a
 * product or an xor depend only on the low 32 bits of the operands, so 32-bit arithmetic gives the same result (and
 * the spec checks that it does, against kafkajs's murmur2).
 */
function murmur2Bytes(data: Uint8Array): number {
  const length = data.length;
  const end = length & ~3;
  let h = SEED ^ length;
  for (let i = 0; i < end; i += 4) h = mixWord(h, data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
  return finish(h, length & 3, data[end], data[end + 1], data[end + 2]);
}

/** murmur2 of a string whose every char is below 0x80, so its UTF-8 bytes are its char codes: nothing allocated. */
function murmur2Ascii(key: string): number {
  const length = key.length;
  const end = length & ~3;
  let h = SEED ^ length;
  for (let i = 0; i < end; i += 4) h = mixWord(h, key.charCodeAt(i) | (key.charCodeAt(i + 1) << 8) | (key.charCodeAt(i + 2) << 16) | (key.charCodeAt(i + 3) << 24));
  return finish(h, length & 3, key.charCodeAt(end), key.charCodeAt(end + 1), key.charCodeAt(end + 2));
}

function isAscii(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) >= 0x80) return false;
  }
  return true;
}

/**
 * murmur2 of a message key as kafkajs hashes it: a Buffer's bytes, anything else as the UTF-8 bytes of `String(key)`
 * (a lone surrogate encodes as U+FFFD, as `Buffer.from` does).
 */
export function murmur2(key: Buffer | string): number {
  if (Buffer.isBuffer(key)) return murmur2Bytes(key);
  const text = String(key);
  return isAscii(text) ? murmur2Ascii(text) : murmur2Bytes(Buffer.from(text, 'utf8'));
}

/**
 * A partitioner that picks, for every message, the partition kafkajs's `Partitioners.DefaultPartitioner` picks (and
 * so the Java client's default for a keyed record: murmur2 of the key's bytes, `& 0x7fffffff`, modulo the number of
 * partitions), allocating nothing per message for an ASCII or Buffer key. kafkajs's murmur2 builds a `Buffer` per key
 * and a BigInt-backed `Long` per arithmetic step; this one is 32-bit arithmetic, equal bit for bit
 * (`key-hash-partitioner.spec.ts` checks it against kafkajs's, property-based).
 *
 * - an explicit `message.partition` wins;
 * - else a key (string or Buffer) hashes;
 * - else round robin over the partitions that have a leader, from a random start per topic (over all partitions when
 *   none has one).
 */
export const KeyHashPartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  const next = (topic: string): number => {
    const counter = ((counters.get(topic) ?? randomBytes(4).readUInt32BE(0)) + 1) >>> 0;
    counters.set(topic, counter);
    return counter & 0x7fffffff;
  };

  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    const numPartitions = partitionMetadata.length;
    if (message.key !== null && message.key !== undefined) return (murmur2(message.key) & 0x7fffffff) % numPartitions;

    const available: PartitionMetadata[] = partitionMetadata.filter((p) => p.leader >= 0);
    if (available.length > 0) return available[next(topic) % available.length].partitionId;
    // No partition has a leader: one that has none.
    return next(topic) % numPartitions;
  };
};
