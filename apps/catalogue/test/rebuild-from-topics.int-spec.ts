import {
  AgencyUpserted,
  CalendarUpdated,
  decodePayload,
  ProcedurePublished,
  ProcedureWithdrawn,
  SectorUpserted,
  StatusMappingUpdated,
  type AgencyUpsertedV1,
  type CalendarUpdatedV1,
  type EventDefinition,
  type ProcedurePublishedV1,
  type ProcedureWithdrawnV1,
  type SectorUpsertedV1,
  type StatusMappingUpdatedV1,
} from '@hub/contracts';
import { expectEventually, KafkaProbe, testInfrastructure, testKafkaConnection } from '@hub/testing';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { drain, procedureBody, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

/**
 * What a consumer of the catalogue keeps, built only from the compacted snapshot topics: the newest
 * snapshot per key (by revision or version, so a replay or a late duplicate never goes backwards).
 */
class CatalogueReadModel {
  readonly agencies = new Map<string, AgencyUpsertedV1>();
  readonly sectors = new Map<string, SectorUpsertedV1>();
  readonly procedures = new Map<string, ProcedurePublishedV1>();
  readonly withdrawn = new Map<string, ProcedureWithdrawnV1>();
  readonly calendars = new Map<string, CalendarUpdatedV1>();
  readonly statusMappings = new Map<string, StatusMappingUpdatedV1>();

  apply(topic: string, value: string): void {
    const take = <P extends object>(def: EventDefinition<P>, into: Map<string, P>, rank: (p: P) => number) => {
      const decoded = decodePayload(def, JSON.parse(value));
      if (!decoded.ok) throw new Error(`invalid ${topic} message: ${JSON.stringify(decoded.violations)}`);
      const key = def.keyOf(decoded.value);
      const current = into.get(key);
      if (!current || rank(current) < rank(decoded.value)) into.set(key, decoded.value);
    };
    if (topic === AgencyUpserted.topic) take(AgencyUpserted, this.agencies, (p) => p.revision ?? 0);
    else if (topic === SectorUpserted.topic) take(SectorUpserted, this.sectors, (p) => p.revision);
    else if (topic === ProcedurePublished.topic) take(ProcedurePublished, this.procedures, (p) => p.version);
    else if (topic === ProcedureWithdrawn.topic) take(ProcedureWithdrawn, this.withdrawn, (p) => p.lastVersion);
    else if (topic === CalendarUpdated.topic) take(CalendarUpdated, this.calendars, (p) => p.revision);
    else if (topic === StatusMappingUpdated.topic) take(StatusMappingUpdated, this.statusMappings, (p) => p.version);
  }
}

const SNAPSHOT_TOPICS = [AgencyUpserted, SectorUpserted, ProcedurePublished, ProcedureWithdrawn, CalendarUpdated, StatusMappingUpdated];

describe('a consumer starting from empty rebuilds the catalogue from the snapshot topics alone', () => {
  const brokers = testInfrastructure().kafkaBrokers;
  const province = unique.province();
  const unit = unique.unit(province);
  const sector = unique.sector();
  const [kept, changed, abolished] = [unique.procedure(), unique.procedure(), unique.procedure()];
  const ourKeys = new Set([province, unit, sector, kept, changed, abolished, `${unit}/2026`]);
  const expected: Record<string, unknown> = {};

  beforeAll(async () => {
    // 1. The catalogue does its work, then disappears with its database.
    const catalogue: Catalogue = await startCatalogue();
    const headers = writerHeaders(catalogue);
    const send = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
      const res = await catalogue.app.inject({ method, url, payload: payload as object, headers });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.body}`);
      return res.json();
    };
    const refs = { publisher: province, implementers: [unit], sector };
    await send('POST', '/v1/agencies', { code: province, name: 'UBND tỉnh Dựng lại', level: 'PROVINCE' });
    await send('POST', '/v1/agencies', { code: unit, name: 'Sở Tư pháp', level: 'UNIT', parentCode: province });
    await send('POST', '/v1/agencies', { code: unit, name: 'Sở Tư pháp tỉnh Dựng lại', level: 'UNIT', parentCode: province });
    await send('POST', '/v1/sectors', { code: sector, name: 'Chứng thực' });
    for (const code of [kept, changed, abolished]) {
      await send('POST', '/v1/procedures', procedureBody(code, refs));
      await send('POST', `/v1/procedures/${code}/publish`, { effectiveFrom: '2025-06-01' });
    }
    const { code: _c, ...content } = procedureBody(changed, refs, { name: 'Chứng thực bản sao từ bản chính (sửa đổi)' });
    await send('PUT', `/v1/procedures/${changed}/draft`, content);
    await send('POST', `/v1/procedures/${changed}/publish`, {});
    await send('POST', `/v1/procedures/${abolished}/withdraw`, { reason: 'Bãi bỏ' });
    await send('PUT', `/v1/calendars/${unit}/2026`, { holidays: ['2026-03-02'] });
    await send('PUT', `/v1/agency-systems/${unit}/status-mappings`, { mappings: [{ localCode: 'MOI', nationalStatus: 1 }] });
    await send('PUT', `/v1/agency-systems/${unit}/status-mappings`, { mappings: [{ localCode: 'MOI', nationalStatus: 1 }, { localCode: 'XONG', nationalStatus: 9 }] });

    const read = async (url: string) => (await catalogue.app.inject({ method: 'GET', url })).json();
    expected.unit = await read(`/v1/agencies/${unit}`);
    expected.sector = await read(`/v1/sectors/${sector}`);
    expected.kept = await read(`/v1/procedures/${kept}`);
    expected.changed = await read(`/v1/procedures/${changed}`);
    expected.abolished = await read(`/v1/procedures/${abolished}/versions`);
    expected.calendar = await read(`/v1/calendars/${unit}/2026`);
    expected.mapping = await read(`/v1/agency-systems/${unit}/status-mappings`);
    await drain(catalogue);
    await catalogue.close();
  });

  it('uses compacted topics', async () => {
    const admin = new Kafka({ clientId: 'compaction-check', ...testKafkaConnection(), brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: SNAPSHOT_TOPICS.map((d) => ({ type: ConfigResourceTypes.TOPIC, name: d.topic, configNames: ['cleanup.policy'] })),
      });
      expect(resources.map((r) => [r.resourceName, r.configEntries[0]?.configValue])).toEqual(SNAPSHOT_TOPICS.map((d) => [d.topic, 'compact']));
    } finally {
      await admin.disconnect();
    }
  });

  it('rebuilds agencies, sectors, procedures (with withdrawals), calendars and status mappings', async () => {
    // 2. A new consumer (fresh groups, from the beginning) with nothing but the topics.
    const probes = SNAPSHOT_TOPICS.map(() => new KafkaProbe(brokers));
    try {
      await Promise.all(probes.map((p, i) => p.watch(SNAPSHOT_TOPICS[i].topic)));
      const model = await expectEventually(() => {
        const m = new CatalogueReadModel();
        probes.forEach((p, i) => p.messages.filter((msg) => ourKeys.has(msg.key!)).forEach((msg) => m.apply(SNAPSHOT_TOPICS[i].topic, msg.value!)));
        expect([m.agencies.size, m.sectors.size, m.procedures.size, m.withdrawn.size, m.calendars.size, m.statusMappings.size]).toEqual([2, 1, 3, 1, 1, 1]);
        expect(m.procedures.get(changed)?.version).toBe(2);
        expect(m.statusMappings.get(unit)?.version).toBe(2);
        return m;
      }, { timeoutMs: 30_000 });

      const unitView = expected.unit as Record<string, unknown>;
      expect(model.agencies.get(unit)).toEqual({ code: unit, name: unitView.name, level: 'UNIT', parentCode: province, active: true, revision: 2 });
      expect(model.sectors.get(sector)).toMatchObject({ name: (expected.sector as { name: string }).name });

      for (const key of ['kept', 'changed'] as const) {
        const view = expected[key] as Record<string, unknown>;
        const snapshot = model.procedures.get(view.code as string)!;
        expect(snapshot).toMatchObject({
          version: view.version,
          name: view.name,
          effectiveFrom: view.effectiveFrom,
          implementingAgencyCodes: view.implementingAgencyCodes,
          channels: view.channels,
          publicationDecision: view.publicationDecision,
        });
      }
      const history = expected.abolished as { versions: Array<{ version: number; effectiveTo: string }>; withdrawnAt: string };
      expect(model.withdrawn.get(abolished)).toMatchObject({ lastVersion: 1, withdrawnAt: history.withdrawnAt });
      expect(model.calendars.get(`${unit}/2026`)).toMatchObject({ holidays: ['2026-03-02'], workingDays: [], revision: 1, sample: false });
      expect(model.statusMappings.get(unit)?.mappings).toEqual((expected.mapping as { mappings: unknown }).mappings);
    } finally {
      await Promise.all(probes.map((p) => p.close()));
    }
  });
});
