import { newTrace } from '@hub/platform';
import { DataSource } from 'typeorm';
import { seedCatalogue } from '../src/seed/seed-catalogue';
import { startCatalogue, type Catalogue } from './catalogue-test-kit';

describe('seedCatalogue (sample data for npm start)', () => {
  let catalogue: Catalogue;

  beforeAll(async () => {
    catalogue = await startCatalogue();
  });

  afterAll(() => catalogue?.close());

  it('loads ≥10 agencies across levels, ≥30 procedures and the sample calendars, then is idempotent', async () => {
    const first = await seedCatalogue(catalogue.app, newTrace());
    expect(first.agencies.created).toBeGreaterThanOrEqual(10);
    expect(first.procedures).toMatchObject({ failed: 0 });
    expect(first.procedures.created).toBeGreaterThanOrEqual(30);
    expect(first.calendars.created).toBe(3);
    const db = catalogue.app.get(DataSource);
    const levels: Array<{ level: string }> = await db.query('SELECT DISTINCT level FROM agency ORDER BY level');
    expect(levels.map((l) => l.level)).toEqual(expect.arrayContaining(['COMMUNE', 'MINISTRY', 'PROVINCE']));
    const [{ n: outboxAfterFirst }] = await db.query('SELECT count(*)::int AS n FROM outbox');

    const second = await seedCatalogue(catalogue.app, newTrace());
    for (const part of Object.values(second)) expect(part).toMatchObject({ created: 0, updated: 0, failed: 0 });
    const [{ n: outboxAfterSecond }] = await db.query('SELECT count(*)::int AS n FROM outbox');
    expect(outboxAfterSecond).toBe(outboxAfterFirst);
  });

  it('is usable at once: search, due dates on the sample calendar, timeliness, calendars marked as sample', async () => {
    const search = (await catalogue.app.inject({ method: 'GET', url: '/v1/procedures?q=dang%20ky%20khai%20sinh' })).json();
    expect(search.items[0]).toMatchObject({ name: 'Đăng ký khai sinh', match: 'NAME' });
    const procedure = (await catalogue.app.inject({ method: 'GET', url: `/v1/procedures/${search.items[0].code}` })).json();
    expect(procedure.timeliness).toMatchObject({ status: 'ON_TIME', deadlineWorkingDays: 5 });
    const due = await catalogue.app.inject({
      method: 'GET',
      url: `/v1/calendars/due-date?agency=101.01.00.H31&receivedAt=${encodeURIComponent('2026-02-13T10:00:00+07:00')}&amount=3&unit=WORKING_DAY`,
    });
    // Fri 13 Feb 2026, then the sample Tết break (16–20 Feb): 3 working days → Wed 25 Feb.
    expect(due.json().dueAt).toBe('2026-02-25T17:00:00+07:00');
    expect((await catalogue.app.inject({ method: 'GET', url: '/v1/calendars/national/2027' })).json()).toMatchObject({ sample: true });
  });
});
