import { MessagingLifecycle } from '@hub/messaging';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { DataSource } from 'typeorm';
import { DossierConfig } from '../src/config/dossier.config';
import { WatchDueDatesUseCase } from '../src/dossier/usecases/watch-due-dates/watch-due-dates.usecase';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';
import { record, seedReferenceData, uniqueAgency } from './sync-support';

describe('the overdue watch (real PostgreSQL, two replicas at once)', () => {
  let service: ServiceUnderTest<DossierConfig>;
  const agency = uniqueAgency();
  const procedureCode = `1.${100_000 + Math.floor(Math.random() * 900_000)}`;

  beforeAll(async () => {
    service = await startServiceUnderTest({
      service: DOSSIER_SERVICE,
      configClass: DossierConfig,
      module: DossierAppModule.forRoot,
      env: { OVERDUE_WATCH_INTERVAL_MS: '0' },
      afterInit: (app) => app.get(MessagingLifecycle).ready(),
    });
    await seedReferenceData(service, agency, procedureCode);
    // Due Mon 19 Jan 17:00 (running), plus one finished and one paused that must never be flagged.
    const dossiers = [
      ...Array.from({ length: 12 }, (_, i) => record(agency, procedureCode, { seq: i + 1, status: 4, statusChangedAt: '2026-01-13T09:00:00+07:00' })),
      record(agency, procedureCode, { seq: 50, status: 9, statusChangedAt: '2026-01-13T09:00:00+07:00' }),
      record(agency, procedureCode, { seq: 51, status: 6, statusChangedAt: '2026-01-13T09:00:00+07:00' }),
    ];
    const res = await service.app.inject({
      method: 'POST',
      url: '/v1/dossiers:sync',
      headers: { 'x-hub-identity': service.identity({ kind: 'agency-system', agencyCodes: [agency], roles: ['dossier:sync'] }) },
      payload: { dossiers },
    });
    expect(res.json().results.every((r: { outcome: string }) => r.outcome === 'created')).toBe(true);
  });

  afterAll(async () => {
    await service?.close();
  });

  const flags = async () =>
    service.app.get(DataSource).query(`SELECT due_state, count(*)::int AS n FROM dossier WHERE receiving_agency_code = $1 GROUP BY due_state ORDER BY due_state`, [agency]);
  const events = async (topic: string) =>
    Number((await service.app.get(DataSource).query(`SELECT count(*) AS n FROM outbox WHERE topic = $1 AND key LIKE $2`, [topic, `${agency}-%`]))[0].n);

  it('flags each running dossier once per flag, whatever the number of replicas', async () => {
    const watch = service.app.get(WatchDueDatesUseCase);
    expect(await watch.execute(new Date('2026-01-16T10:00:00+07:00'))).toBe(0);
    const soon = new Date('2026-01-19T09:00:00+07:00');
    await Promise.all([watch.execute(soon), watch.execute(soon), watch.execute(soon)]);
    await watch.execute(soon);
    expect(await flags()).toEqual([{ due_state: 'DUE_SOON', n: 12 }, { due_state: null, n: 2 }]);
    expect(await events('dossier.due-soon.v1')).toBe(12);

    const late = new Date('2026-01-20T09:00:00+07:00');
    await Promise.all([watch.execute(late), watch.execute(late)]);
    await watch.execute(late);
    expect(await flags()).toEqual([{ due_state: 'OVERDUE', n: 12 }, { due_state: null, n: 2 }]);
    expect(await events('dossier.overdue.v1')).toBe(12);
  });
});
