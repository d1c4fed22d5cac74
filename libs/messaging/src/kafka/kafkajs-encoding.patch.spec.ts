/* eslint-disable @typescript-eslint/no-require-imports */
// Guards the encoding half of patches/kafkajs+2.2.4.patch (a producer-side speed-up, see the README's "A patched
// dependency"): the CRC-32C of a record batch computed eight bytes at a time, records sized up front with their
// headers read and written in place (arrays too), varints written in place, and encoder buffers that are not
// zero-filled. Each must give the bytes the unpatched code gave: these tests compare against independent references,
// not against the patched code itself.
import fc from 'fast-check';

const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
const Header = require('kafkajs/src/protocol/recordBatch/header/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
const RecordDecoder = require('kafkajs/src/protocol/recordBatch/record/v0/decoder');
const crc32C: (buffer: Buffer) => number = require('kafkajs/src/protocol/recordBatch/crc32C');

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

/**
 * A record as kafkajs 2.2.4 encoded it unpatched: default-sized encoder, one encoder per header, copied in; a header
 * with an array value once per element.
 */
function unpatchedRecord(r: { offsetDelta: number; key: string; value: string; headers: Headers }): Buffer {
  const headers = Object.entries(r.headers).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => ({ key, value: v })) : [{ key, value }]));
  const body = new Encoder()
    .writeInt8(0)
    .writeVarLong(0)
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
});
