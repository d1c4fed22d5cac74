/* eslint-disable @typescript-eslint/no-require-imports */
// Guards the encoding half of patches/kafkajs+2.2.4.patch (a producer-side speed-up, see the README's "A patched
// dependency"): the CRC-32C of a record batch computed eight bytes at a time, records sized up front with their
// headers read and written in place (arrays too), varints written in place, encoder buffers that are not
// zero-filled, an uncompressed produce request written once into one encoder, and a request framed in one copy. Each must give the bytes the unpatched code gave: these tests compare against independent references,
// not against the patched code itself.
import fc from 'fast-check';

const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
const Header = require('kafkajs/src/protocol/recordBatch/header/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
const RecordDecoder = require('kafkajs/src/protocol/recordBatch/record/v0/decoder');
const crc32C: (buffer: Buffer) => number = require('kafkajs/src/protocol/recordBatch/crc32C');
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
const Long = require('kafkajs/src/utils/long');
const produceV3 = require('kafkajs/src/protocol/requests/produce/v3/request');
const produceV7 = require('kafkajs/src/protocol/requests/produce/v7/request');
const createRequest = require('kafkajs/src/protocol/request');
const { Types: Compression } = require('kafkajs/src/protocol/message/compression');

/** CRC-32C bit by bit (reflected Castagnoli polynomial): slow, and shares nothing with the table-driven code. */
function crc32cBitwise(buffer: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

type Headers = Record<string, string | string[]>;
type Bytes = string | Buffer | null;

/**
 * A record as kafkajs 2.2.4 encoded it unpatched: default-sized encoder, one encoder per header, copied in; a header
 * with an array value once per element.
 */
function unpatchedRecord(r: { offsetDelta: number; timestampDelta?: number; key?: Bytes; value?: Bytes; headers: Headers }): Buffer {
  const headers = Object.entries(r.headers).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => ({ key, value: v })) : [{ key, value }]));
  const body = new Encoder()
    .writeInt8(0)
    .writeVarLong(r.timestampDelta ?? 0)
    .writeVarInt(r.offsetDelta)
    .writeVarIntBytes(r.key)
    .writeVarIntBytes(r.value)
    .writeVarIntArray(headers.map(Header));
  return new Encoder().writeVarInt(body.buffer.length).writeEncoder(body).buffer;
}

/** Zig-zag then LEB128 of a signed integer of `bits` bits, with BigInt: the Kafka protocol's varint and varlong. */
function zigZagVarint(value: bigint, bits: 32n | 64n): Buffer {
  const mask = (1n << bits) - 1n;
  let z = ((value << 1n) ^ (value >> (bits - 1n))) & mask;
  const bytes: number[] = [];
  while (z >= 0x80n) {
    bytes.push(Number(z & 0x7fn) | 0x80);
    z >>= 7n;
  }
  bytes.push(Number(z));
  return Buffer.from(bytes);
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
// kafkajs' record decoder collects headers into a plain object: a name like `valueOf` or `__proto__` reads as
// already present there. The encoding itself is compared byte for byte with any name.
const headerName = text.filter((name) => !(name in {}));

describe('kafkajs patch: producer encoding', () => {
  it('computes the CRC-32C check value of "123456789"', () => {
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('computes the CRC-32C the bitwise reference computes, at every length and alignment', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), (bytes, skip) => {
        const view = Buffer.from(bytes).subarray(Math.min(skip, bytes.length));
        expect(crc32C(view)).toBe(crc32cBitwise(view));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes a record to the bytes of the unpatched encoding, and it decodes back to its key, value and headers', () => {
    const headerValue = fc.oneof(text, fc.array(text, { maxLength: 3 }));
    fc.assert(
      fc.property(fc.nat(100_000), text, fc.string({ unit: 'grapheme', maxLength: 2_000 }), fc.dictionary(headerName, headerValue, { maxKeys: 8 }), (offsetDelta, key, value, headers: Headers) => {
        const encoded: Buffer = Record({ offsetDelta, key, value, headers }).buffer;
        expect(encoded.equals(unpatchedRecord({ offsetDelta, key, value, headers }))).toBe(true);

        const decoder = new Decoder(encoded);
        const length = decoder.readVarInt();
        expect(encoded.length - decoder.offset).toBe(length);
        const decoded = RecordDecoder(decoder, { firstOffset: '0', firstTimestamp: 0 });
        expect({ key: decoded.key.toString(), value: decoded.value.toString(), offset: decoded.offset }).toEqual({ key, value, offset: String(offsetDelta) });
        // kafkajs reads a repeated name back as an array, a name sent once as its value, and an empty array not at all.
        const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => !Array.isArray(v) || v.length > 0).map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? v[0] : v]));
        const read = (v: Buffer | Buffer[]) => (Array.isArray(v) ? v.map(String) : v.toString());
        expect(Object.fromEntries(Object.entries(decoded.headers as Record<string, Buffer | Buffer[]>).map(([k, v]) => [k, read(v)]))).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });

  it('writes varints and varlongs in place as the protocol encodes them (zig-zag, LEB128), and they read back', () => {
    const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    fc.assert(
      fc.property(fc.array(int32, { maxLength: 20 }), fc.nat(5), (values, initial) => {
        // A small initial size makes the in-place writes grow the buffer at every length.
        const encoder = new Encoder(initial);
        for (const v of values) encoder.writeVarInt(v);
        expect((encoder.buffer as Buffer).equals(Buffer.concat(values.map((v) => zigZagVarint(BigInt(v), 32n))))).toBe(true);
        const decoder = new Decoder(encoder.buffer);
        expect(values.map(() => decoder.readVarInt())).toEqual(values);
      }),
      { numRuns: 500 },
    );
    // Varlongs: 32-bit numbers take the short path, anything wider the Long one; both give the 64-bit encoding.
    const wide = fc.oneof(int32, fc.maxSafeInteger(), fc.constant(2 ** 31), fc.constant(-(2 ** 31) - 1), fc.constant(-0));
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 20 }), (values) => {
        const encoder = new Encoder(1);
        for (const v of values) encoder.writeVarLong(v);
        expect((encoder.buffer as Buffer).equals(Buffer.concat(values.map((v) => zigZagVarint(BigInt(v), 64n))))).toBe(true);
        const decoder = new Decoder(encoder.buffer);
        expect(values.map(() => Number(decoder.readVarLong().toString()))).toEqual(values.map((v) => v + 0));
      }),
      { numRuns: 500 },
    );
  });

  it('returns exactly the bytes written when an encoder grows past its initial size', () => {
    const chunk = Buffer.from('0123456789abcdef');
    const encoder = new Encoder(16);
    for (let i = 0; i < 100; i++) encoder.writeBuffer(chunk);
    expect(encoder.buffer.equals(Buffer.concat(Array(100).fill(chunk)))).toBe(true);
  });

  it('writes an uncompressed produce request to the bytes of the unpatched encoders, for any topics, partitions and messages', async () => {
    const now = 1_764_900_000_000;
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await fc.assert(
        fc.asyncProperty(produceArgs, async (args) => {
          const expected = await unpatchedProducePayload(args, now);
          for (const request of [produceV3, produceV7]) {
            const encoded = await request(args).encode();
            expect(encoded.buffer.toString('hex')).toBe(expected.toString('hex'));
          }
        }),
        { numRuns: 300 },
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('writes a compressed produce request as before (the per-batch encoders are kept for compression)', async () => {
    const args = { acks: -1, timeout: 30_000, compression: Compression.GZIP, topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [{ key: 'k', value: 'v'.repeat(300), timestamp: 1 }] }] }] };
    const encoded: Buffer = (await produceV3(args).encode()).buffer;
    // The batch is compressed: the value's 300 bytes are not on the wire as they are, and the attributes say GZIP.
    expect(encoded.includes(Buffer.from('v'.repeat(300)))).toBe(false);
    const attributesAt = encoded.indexOf(Buffer.from('t')) + 1 + 4 + 4 + 4 + 8 + 4 + 4 + 1 + 4;
    expect(encoded.readInt16BE(attributesAt) & 0x7).toBe(Compression.GZIP);
  });

  it('frames a request (size, header, payload) as the unpatched code did, with or without a client id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(text, { nil: null }), fc.uint8Array({ maxLength: 3_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (clientId, bytes, correlationId) => {
        const payload = new Encoder().writeBuffer(Buffer.from(bytes));
        const framed = await createRequest({ correlationId, clientId, request: { apiKey: 0, apiVersion: 7, encode: async () => payload } });
        const header = new Encoder().writeInt16(0).writeInt16(7).writeInt32(correlationId).writeString(clientId).writeEncoder(payload);
        const expected = new Encoder().writeInt32(header.size()).writeEncoder(header);
        expect(framed.buffer.equals(expected.buffer)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

interface ProduceMessage {
  key?: Bytes;
  value?: Bytes;
  headers?: Headers;
  timestamp?: number | string;
}
interface ProduceArgs {
  acks: number;
  timeout: number;
  transactionalId?: string | null;
  producerId?: unknown;
  producerEpoch?: number;
  topicData: { topic: string; partitions: { partition: number; firstSequence?: number; messages: ProduceMessage[] }[] }[];
}

const bytes = fc.oneof(text, fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), fc.constant(null));
const message: fc.Arbitrary<ProduceMessage> = fc.record(
  {
    key: bytes,
    value: fc.oneof(bytes, fc.string({ unit: 'grapheme', maxLength: 3_000 })),
    headers: fc.dictionary(headerName, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 5 }),
    // Numbers and numeric strings: kafkajs sorts a batch's timestamps as strings, which the patch keeps.
    timestamp: fc.oneof(fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }), fc.integer({ min: 1, max: 99_999 }).map(String)),
  },
  { requiredKeys: [] },
);
const produceArgs: fc.Arbitrary<ProduceArgs> = fc.record(
  {
    acks: fc.constantFrom(-1, 0, 1),
    timeout: fc.nat(60_000),
    transactionalId: fc.option(text, { nil: null }),
    producerId: fc.integer({ min: -1, max: 2 ** 31 - 1 }).map((id) => Long.fromValue(id)),
    producerEpoch: fc.nat(32_767),
    topicData: fc.array(
      fc.record({
        topic: text,
        partitions: fc.array(fc.record({ partition: fc.nat(1_000), firstSequence: fc.option(fc.nat(2 ** 31 - 1), { nil: undefined }), messages: fc.array(message, { maxLength: 6 }) }), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { requiredKeys: ['acks', 'timeout', 'topicData'] },
);

/**
 * The payload of an uncompressed produce request (v3 to v7) as kafkajs 2.2.4 wrote it unpatched: a record batch per
 * partition from the records of the unpatched way (above) through kafkajs' RecordBatch, each partition and topic an
 * encoder of its own, copied into the request's.
 */
async function unpatchedProducePayload(args: ProduceArgs, now: number): Promise<Buffer> {
  const { acks, timeout, transactionalId = null, producerId = Long.fromInt(-1), producerEpoch = 0 } = args;
  const topics = [];
  for (const { topic, partitions } of args.topicData) {
    const encodedPartitions = [];
    for (const { partition, messages, firstSequence } of partitions) {
      const timestamps = messages.map((m) => m.timestamp).filter((t) => t != null).sort();
      const firstTimestamp = timestamps.length === 0 ? now : timestamps[0];
      const maxTimestamp = timestamps.length === 0 ? now : timestamps[timestamps.length - 1];
      const records = messages.map((m, i) => {
        const timestampDelta = ((m.timestamp || now) as number) - (firstTimestamp as number);
        return new Encoder().writeBuffer(unpatchedRecord({ offsetDelta: i, timestampDelta, key: m.key, value: m.value, headers: m.headers ?? {} }));
      });
      const batch = await RecordBatch({ compression: Compression.None, records, firstTimestamp, maxTimestamp, producerId, producerEpoch, firstSequence, transactional: !!transactionalId, lastOffsetDelta: records.length - 1 });
      encodedPartitions.push(new Encoder().writeInt32(partition).writeInt32(batch.size()).writeEncoder(batch));
    }
    topics.push(new Encoder().writeString(topic).writeArray(encodedPartitions));
  }
  return new Encoder().writeString(transactionalId).writeInt16(acks).writeInt32(timeout).writeArray(topics).buffer;
}
