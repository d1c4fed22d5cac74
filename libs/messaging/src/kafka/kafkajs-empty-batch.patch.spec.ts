/* eslint-disable @typescript-eslint/no-require-imports */
// Guards patches/kafkajs+2.2.4.patch (applied by patch-package on install): kafkajs 2.2.4 does not advance past
// a record batch that log compaction emptied (kept for an idempotent producer's state), so a consumer rebuilding a
// read model from a compacted topic would stall there. Remove this test only with a kafkajs that fixes it.
const Encoder = require('kafkajs/src/protocol/encoder');
const Decoder = require('kafkajs/src/protocol/decoder');
const Long = require('kafkajs/src/utils/long');
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
const decodeMessages = require('kafkajs/src/protocol/requests/fetch/v4/decodeMessages');

describe('kafkajs patch: empty record batches', () => {
  it('decodes a batch emptied by compaction to a control record at its last offset, which consumers skip', async () => {
    const batch = await RecordBatch({ firstOffset: Long.fromInt(9026), lastOffsetDelta: 4740, records: [], producerId: Long.fromInt(7) });
    const wire = new Encoder().writeInt32(batch.size()).writeEncoder(batch);
    const records = await decodeMessages(new Decoder(wire.buffer));
    expect(records).toEqual([expect.objectContaining({ offset: '13766', isControlRecord: true })]);
  });
});
