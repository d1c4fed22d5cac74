import { MessagingLifecycle } from '@hub/messaging';
import { hubPgTypes } from '@hub/persistence';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';

/**
 * The service's pool reads `timestamptz` with the hub's scanner (`parseTimestamptz`, `libs/persistence`): wired through
 * PersistenceModule, and reading what PostgreSQL itself writes, in any session time zone, exactly as pg's own parser
 * does (microseconds, offsets with minutes, the seconds of a local mean time, `infinity`).
 */
describe('timestamptz as the service reads it, against real PostgreSQL', () => {
  let service: ServiceUnderTest<DossierConfig>;
  let ds: DataSource;
  const pgDefault = types.getTypeParser(1184, 'text');

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot, afterInit: (app) => app.get(MessagingLifecycle).ready() });
    ds = service.app.get(DataSource);
  });

  afterAll(() => service?.close());

  it('is wired into the pool every query of the service goes through', () => {
    const pool = (ds.driver as unknown as { master: { options: { types?: unknown } } }).master;
    expect(pool.options.types).toBe(hubPgTypes);
  });

  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/St_Johns', 'Asia/Kathmandu', 'America/Los_Angeles'])(
    'reads every value PostgreSQL writes in time zone %s as pg’s own parser reads its text',
    async (zone) => {
      const runner = ds.createQueryRunner();
      try {
        await runner.query(`SET TIME ZONE '${zone}'`);
        // Instants from 1890 (local mean times: offsets with seconds) to 2090, every microsecond digit count, and the
        // infinities; each read as a value (our scanner) and as text (for pg's own parser).
        const rows: { t: Date | number; text: string }[] = await runner.query(
          `SELECT t, t::text AS text FROM (
             SELECT timestamptz '1890-01-01 00:00:00+00' + (i * interval '7 days 3 hours 17 minutes 11.123457 seconds') + (i % 7) * interval '1 microsecond' AS t
               FROM generate_series(0, 10000) AS i
             UNION ALL SELECT timestamptz 'infinity' UNION ALL SELECT timestamptz '-infinity'
             UNION ALL SELECT timestamptz '2026-12-05 08:01:02.5+07' UNION ALL SELECT timestamptz '2026-12-05 08:01:02+07') AS s`,
        );
        expect(rows.length).toBe(10_005);
        const differing = rows.filter(({ t, text }) => {
          const expected = pgDefault(text);
          return t instanceof Date && expected instanceof Date ? t.getTime() !== expected.getTime() : t !== expected;
        });
        expect(differing).toEqual([]);
        expect(rows.filter((r) => r.t instanceof Date)).toHaveLength(10_003);
      } finally {
        await runner.query('RESET TIME ZONE').catch(() => undefined);
        await runner.release();
      }
    },
  );
});
