import { randomUUID } from 'node:crypto';
import { expectEventually, PublishedStandard, StandardCapture, testInfrastructure } from '@hub/testing';
import { seedCatalogue } from '../src/seed/seed-catalogue';
import { SAMPLE_STATUS_MAPPING } from '../src/seed/sample-catalogue';
import { startCatalogue, writerHeaders, type Catalogue } from './catalogue-test-kit';

/**
 * Real catalogue events, produced by the outbox relay onto the shared broker and read back by real consumers,
 * conform to the published data-packet standard (docs/standard): envelope headers, key and payload.
 */
describe('catalogue events on Kafka conform to the published standard', () => {
  const standard = PublishedStandard.load();
  const topics = standard.topicsProducedBy('catalogue');
  let catalogue: Catalogue;
  let capture: StandardCapture;

  beforeAll(async () => {
    catalogue = await startCatalogue();
    capture = await StandardCapture.start(testInfrastructure().kafkaBrokers, topics);
  });

  afterAll(async () => {
    await capture?.close();
    await catalogue?.close();
  });

  it('publishes every catalogue topic of the standard, each message valid against its schemas', async () => {
    const correlationId = randomUUID();
    await seedCatalogue(catalogue.app, { correlationId });
    const withdrawn = await catalogue.app.inject({
      method: 'POST',
      url: '/v1/procedures/1.009003/withdraw',
      headers: { ...writerHeaders(catalogue), 'x-correlation-id': correlationId },
      payload: { reason: 'Bãi bỏ (kiểm thử tiêu chuẩn)', decision: { number: '9/QĐ-UBND', date: '2026-06-20', issuingAgencyCode: SAMPLE_STATUS_MAPPING.agencyCode } },
    });
    expect(withdrawn.statusCode).toBe(200);

    await expectEventually(() => expect(new Set(capture.messages(correlationId).map((m) => m.topic))).toEqual(new Set(topics)), { timeoutMs: 30_000 });
    const captured = capture.messages(correlationId);
    const violations = captured.map((m) => ({ topic: m.topic, key: m.key, errors: standard.checkMessage(m, { strict: true }) })).filter((v) => v.errors.length > 0);
    expect(violations).toEqual([]);
    expect(captured.length).toBeGreaterThan(40);

    // The same check rejects a message that lost a required field or grew an undeclared one.
    const sample = captured.find((m) => m.topic === 'catalogue.agency.upserted.v1')!;
    const { name: _dropped, ...rest } = JSON.parse(sample.value!);
    expect(standard.checkMessage({ ...sample, value: JSON.stringify(rest) })).toEqual(["payload: must have required property 'name'"]);
    expect(standard.checkMessage({ ...sample, value: JSON.stringify({ ...rest, name: 'x', leaked: 1 }) }, { strict: true })).toEqual(['payload: must NOT have additional properties (leaked)']);
    expect(standard.checkMessage({ ...sample, headers: { ...sample.headers, 'event-version': '2' } })).toEqual(['headers/event-version: must be equal to constant']);
  });
});
