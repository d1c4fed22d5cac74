import { CalendarUpdated, decodePayload } from '@hub/contracts';
import { SAMPLE_NATIONAL_CALENDARS } from '@hub/calendar';
import { expectEventually, KafkaProbe, testInfrastructure } from '@hub/testing';
import { drain, startCatalogue, unique, writerHeaders, type Catalogue } from './catalogue-test-kit';

describe('working calendars and due dates (real PostgreSQL and Kafka)', () => {
  let catalogue: Catalogue;
  const agency = unique.province();
  const probe = new KafkaProbe(testInfrastructure().kafkaBrokers);

  beforeAll(async () => {
    catalogue = await startCatalogue();
    await probe.watch(CalendarUpdated.topic);
    await catalogue.app.inject({ method: 'POST', url: '/v1/agencies', payload: { code: agency, name: 'UBND tỉnh Lịch', level: 'PROVINCE' }, headers: writerHeaders(catalogue) });
  });

  afterAll(async () => {
    await probe.close();
    await catalogue?.close();
  });

  const put = (scope: string, year: number | string, payload: unknown) =>
    catalogue.app.inject({ method: 'PUT', url: `/v1/calendars/${scope}/${year}`, payload: payload as object, headers: writerHeaders(catalogue) });
  const dueDate = (query: string) => catalogue.app.inject({ method: 'GET', url: `/v1/calendars/due-date?${query}` });
  const sample = (year: number) => {
    const y = SAMPLE_NATIONAL_CALENDARS.find((c) => c.year === year)!;
    return { holidays: y.holidays, workingDays: y.workingDays, sample: true };
  };

  it('stores a national year (201), is idempotent (200, same revision), and publishes it', async () => {
    const created = await put('national', 2026, sample(2026));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      scope: 'national',
      year: 2026,
      sample: true,
      revision: 1,
      settings: {},
      effectiveSettings: { timeZone: 'Asia/Ho_Chi_Minh', cutoffTime: '15:00', closingTime: '17:00', workingPeriods: [['08:00', '12:00'], ['13:00', '17:00']] },
    });
    const again = await put('national', 2026, sample(2026));
    expect(again.statusCode).toBe(200);
    expect(again.json().revision).toBe(1);
    expect((await catalogue.app.inject({ method: 'GET', url: '/v1/calendars/national/2026' })).json().holidays).toEqual([...sample(2026).holidays].sort());
    await drain(catalogue);
    await expectEventually(() => {
      // The national layer's key is shared with other runs: check the contract of the newest message.
      const mine = probe.messages.filter((m) => m.key === 'national/2026');
      expect(mine.length).toBeGreaterThan(0);
      expect(decodePayload(CalendarUpdated, JSON.parse(mine[mine.length - 1].value!)).ok).toBe(true);
    });
  });

  it('computes due dates with the receipt cut-off and the agency’s own closures', async () => {
    // Mon 2026-01-12 15:30 is after the 15:00 cut-off: the clock starts Tue 08:00; 5 working days → Tue 20th 17:00.
    const res = await dueDate(`agency=${agency}&receivedAt=${encodeURIComponent('2026-01-12T15:30:00+07:00')}&amount=5&unit=WORKING_DAY`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      agency,
      receivedAt: '2026-01-12T15:30:00+07:00',
      amount: 5,
      unit: 'WORKING_DAY',
      effectiveReceivedAt: '2026-01-13T08:00:00+07:00',
      dueAt: '2026-01-20T17:00:00+07:00',
    });
    expect((await put(agency, 2026, { holidays: ['2026-01-15'] })).statusCode).toBe(201);
    expect((await dueDate(`agency=${agency}&receivedAt=${encodeURIComponent('2026-01-12T15:30:00+07:00')}&amount=5&unit=WORKING_DAY`)).json().dueAt).toBe(
      '2026-01-21T17:00:00+07:00',
    );
    expect((await dueDate(`agency=${agency}&receivedAt=${encodeURIComponent('2026-01-12T09:00:00+07:00')}&amount=4&unit=WORKING_HOUR`)).json().dueAt).toBe(
      '2026-01-12T14:00:00+07:00',
    );
  });

  it('answers 409 naming the missing calendar instead of guessing', async () => {
    const res = await dueDate(`agency=${agency}&receivedAt=${encodeURIComponent('2026-12-28T09:00:00+07:00')}&amount=10&unit=WORKING_DAY`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CALENDAR_MISSING', missingCalendar: { scope: 'national', year: 2027 } });
    expect(res.json().detail).toContain('calendar national/2027 missing');
  });

  it('rejects bad calendars and bad due-date questions with clear problems, storing nothing', async () => {
    const outside = await put('national', 2025, { holidays: ['2025-01-01', '2026-01-01'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ field: 'holidays.1', code: 'CALENDAR_INVALID' });
    const weekdayMakeUp = await put('national', 2025, { holidays: [], workingDays: ['2025-04-28'] });
    expect(weekdayMakeUp.statusCode).toBe(400);
    expect(weekdayMakeUp.json().errors[0].field).toBe('workingDays.0');
    expect((await put('national', 2025, { holidays: ['2025-02-30'] })).json().errors[0]).toMatchObject({ field: 'holidays', code: 'IS_REAL_LOCAL_DATE' });
    expect((await put('national', 2025, { holidays: [], settings: { cutoffTime: '18:00' } })).statusCode).toBe(400);
    expect((await put('national', 2025, { holidays: [], settings: { timeZone: 'Asia/Bangkok' } })).statusCode).toBe(400);
    expect((await catalogue.app.inject({ method: 'GET', url: '/v1/calendars/national/2025' })).statusCode).toBe(404);
    expect((await put('999.00.00.H99', 2026, { holidays: [] })).json()).toMatchObject({ status: 422, code: 'CALENDAR_SCOPE_UNKNOWN' });
    expect((await put('somewhere', 2026, { holidays: [] })).statusCode).toBe(400);
    expect((await put('national', 1900, { holidays: [] })).statusCode).toBe(400);

    expect((await dueDate(`agency=999.00.00.H99&receivedAt=${encodeURIComponent('2026-01-12T09:00:00+07:00')}&amount=1&unit=DAY`)).json()).toMatchObject({ status: 422, code: 'UNKNOWN_AGENCY' });
    for (const query of [
      `agency=${agency}&receivedAt=2026-01-12T09:00:00&amount=1&unit=DAY`,
      `agency=${agency}&receivedAt=${encodeURIComponent('2026-01-12T09:00:00+07:00')}&amount=1.5&unit=DAY`,
      `agency=${agency}&receivedAt=${encodeURIComponent('2026-01-12T09:00:00+07:00')}&amount=0&unit=DAY`,
      `agency=${agency}&receivedAt=${encodeURIComponent('2026-01-12T09:00:00+07:00')}&amount=1&unit=WEEK`,
    ]) {
      const res = await dueDate(query);
      expect([query, res.statusCode]).toEqual([query, 400]);
    }
  });
});
