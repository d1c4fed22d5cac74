import { WorkingCalendar } from '@hub/calendar';
import { DossierStatus } from '@hub/contracts';
import { decide, type DecideContext } from './decide';
import type { DossierState } from './dossier-state';
import { AGENCY, at, CAL_2026, calendar, ctx, seen, sync } from './test-support';

function must(decision: ReturnType<typeof decide>): DossierState {
  if (decision.outcome === 'rejected') throw new Error(JSON.stringify(decision.rejection));
  return decision.state;
}

/** Accepted Mon 12 Jan 2026 09:00, 5 working days: due Mon 19 Jan 17:00. */
const accepted = (): DossierState => seen(DossierStatus.Accepted);

describe('the due date', () => {
  it('counts the time limit in working days from the effective receipt', () => {
    expect(accepted()).toMatchObject({ dueAt: at('2026-01-19T17:00:00'), dueDateState: 'SET' });
  });

  it('applies the 15:00 cut-off', () => {
    const state = seen(DossierStatus.Accepted, { receivedAt: at('2026-01-12T15:00:00'), statusChangedAt: at('2026-01-12T15:00:00') });
    expect(state.dueAt).toEqual(at('2026-01-20T17:00:00'));
  });

  it('does not start at status 1, and starts when the dossier is accepted', () => {
    const submitted = seen(DossierStatus.Submitted);
    expect(submitted).toMatchObject({ dueAt: null, dueDateState: 'NOT_STARTED' });
    expect(must(decide(submitted, sync(2, { status: 2, statusChangedAt: at('2026-01-12T10:00:00') }), ctx)).dueAt).toEqual(at('2026-01-19T17:00:00'));
  });

  it('is not started for a dossier refused straight from status 1', () => {
    const refused = must(decide(seen(DossierStatus.Submitted), sync(2, { status: 3, statusChangedAt: at('2026-01-12T10:00:00') }), ctx));
    expect(refused.dueDateState).toBe('NOT_STARTED');
  });

  it('counts calendar days and working hours as the procedure says', () => {
    const days = must(decide(null, sync(1, {}, { procedure: { code: '1.001234', version: 1, timeLimit: { amount: 5, unit: 'DAY' } } }), ctx));
    expect(days.dueAt).toEqual(at('2026-01-19T17:00:00')); // Sat 17 → next working day
    const hours = must(decide(null, sync(1, {}, { procedure: { code: '1.001234', version: 1, timeLimit: { amount: 4, unit: 'WORKING_HOUR' } } }), ctx));
    expect(hours.dueAt).toEqual(at('2026-01-12T14:00:00'));
  });

  it('leaves the due date empty when the calendar year is missing, and fills it when the calendar arrives', () => {
    const code = `${AGENCY}-270112-0001`;
    const received = at('2027-01-12T09:00:00');
    const missing = must(decide(null, sync(1, { receivedAt: received, statusChangedAt: received }, { code }), { ...ctx, now: at('2027-02-01T00:00:00') }));
    expect(missing).toMatchObject({ dueAt: null, dueDateState: 'CALENDAR_MISSING' });
    const withNoCalendar = must(decide(null, sync(1, { receivedAt: received, statusChangedAt: received }, { code }), { calendar: null, now: at('2027-02-01T00:00:00') }));
    expect(withNoCalendar.dueDateState).toBe('CALENDAR_MISSING');
    const full: DecideContext = { calendar: WorkingCalendar.compose([CAL_2026, { scope: 'national', year: 2027, holidays: [], workingDays: [] }]), now: ctx.now };
    const filled = decide(missing, { kind: 'recompute-clock' }, full);
    expect(filled).toMatchObject({ outcome: 'updated', state: { dueAt: at('2027-01-19T17:00:00'), dueDateState: 'SET' } });
    expect(decide(must(filled), { kind: 'recompute-clock' }, full).outcome).toBe('unchanged');
  });
});

describe('pauses in status 5 and 6', () => {
  const pausedThenResumed = (pausedAt: Date, resumedAt: Date, pause = DossierStatus.SupplementRequested, base = accepted()): DossierState => {
    const paused = must(decide(base, sync(2, { status: pause, statusChangedAt: pausedAt }), ctx));
    expect(paused.pauses).toEqual([{ status: pause, from: pausedAt, to: null, workingDays: null, workingMs: null }]);
    return must(decide(paused, sync(3, { status: DossierStatus.Processing, statusChangedAt: resumedAt }), ctx));
  };

  it('Mon 10:00 → Wed 10:00 gives back 2 working days', () => {
    const state = pausedThenResumed(at('2026-01-12T10:00:00'), at('2026-01-14T10:00:00'));
    expect(state.dueAt).toEqual(at('2026-01-21T17:00:00'));
    expect(state.pauses[0]).toMatchObject({ workingDays: 2, workingMs: 16 * 3600_000 });
  });

  it('a pause over the weekend (Fri 15:00 → Mon 09:00) gives back nothing', () => {
    const state = pausedThenResumed(at('2026-01-16T15:00:00'), at('2026-01-19T09:00:00'), DossierStatus.FeeRequested);
    expect(state.dueAt).toEqual(at('2026-01-19T17:00:00'));
    expect(state.pauses[0].workingDays).toBe(0);
  });

  it('a pause over Tết counts only working days', () => {
    const received = at('2026-02-12T10:00:00');
    const extra = { code: `${AGENCY}-260212-0001`, procedure: { code: '1.001234', version: 1, timeLimit: { amount: 3, unit: 'WORKING_DAY' as const } } };
    const base = must(decide(null, sync(1, { receivedAt: received, statusChangedAt: received }, extra), ctx));
    expect(base.dueAt).toEqual(at('2026-02-24T17:00:00'));
    const paused = must(decide(base, sync(2, { receivedAt: received, status: 5, statusChangedAt: at('2026-02-13T10:00:00') }, extra), ctx));
    const resumed = must(decide(paused, sync(3, { receivedAt: received, status: 4, statusChangedAt: at('2026-02-23T10:00:00') }, extra), ctx));
    expect(resumed.dueAt).toEqual(at('2026-02-25T17:00:00'));
    expect(resumed.pauses[0].workingDays).toBe(1);
  });

  it('a working-hour limit moves by the working hours covered', () => {
    const hours = { code: '1.001234', version: 1, timeLimit: { amount: 16, unit: 'WORKING_HOUR' as const } };
    const base = must(decide(null, sync(1, {}, { procedure: hours }), ctx));
    expect(base.dueAt).toEqual(at('2026-01-14T09:00:00'));
    const paused = must(decide(base, sync(2, { status: 6, statusChangedAt: at('2026-01-12T11:00:00') }, { procedure: hours }), ctx));
    const resumed = must(decide(paused, sync(3, { status: 4, statusChangedAt: at('2026-01-12T14:00:00') }, { procedure: hours }), ctx));
    expect(resumed.dueAt).toEqual(at('2026-01-14T11:00:00'));
  });

  it('keeps the clock paused while the dossier is in 5: the due date moves only on return', () => {
    const paused = must(decide(accepted(), sync(2, { status: 5, statusChangedAt: at('2026-01-12T10:00:00') }), ctx));
    expect(paused.dueAt).toEqual(at('2026-01-19T17:00:00'));
  });
});

describe('the one extension (form 04)', () => {
  const notice = (issuedAt: Date, newDueAt: Date, number = '12/TB') => ({ kind: 'issue-notice' as const, notice: { form: '04' as const, number, issuedAt, signedBy: 'Trần B', reason: 'Cần xác minh', newDueAt } });
  const processing = (): DossierState => must(decide(accepted(), sync(2, { status: 4, statusChangedAt: at('2026-01-13T09:00:00') }), ctx));

  it('refuses a notice dated before the receipt or more than 5 minutes ahead of the hub', () => {
    expect(decide(processing(), notice(at('2026-01-11T10:00:00'), at('2026-01-23T17:00:00')), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'TIME_OUT_OF_ORDER', field: 'issuedAt' } });
    const ahead = new Date(ctx.now.getTime() + 6 * 60_000);
    expect(decide(processing(), notice(ahead, at('2026-12-23T17:00:00')), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'TIME_IN_FUTURE', field: 'issuedAt' } });
  });

  it('refuses a synced notice dated before the receipt', () => {
    const early = { form: '02' as const, number: '2', issuedAt: at('2026-01-11T10:00:00'), signedBy: 'A', reason: 'Thiếu giấy tờ', newDueAt: null };
    expect(decide(null, sync(1, { status: 5, statusChangedAt: at('2026-01-12T10:00:00') }, { notices: [early] }), ctx)).toMatchObject({
      outcome: 'rejected',
      rejection: { code: 'TIME_OUT_OF_ORDER', field: 'notices.0.issuedAt' },
    });
  });

  it('moves the due date once; a second one is refused', () => {
    const decision = decide(processing(), notice(at('2026-01-14T10:00:00'), at('2026-01-23T17:00:00')), ctx);
    const extended = must(decision);
    expect(extended).toMatchObject({ dueAt: at('2026-01-23T17:00:00'), extension: { previousDueAt: at('2026-01-19T17:00:00'), newDueAt: at('2026-01-23T17:00:00'), late: false } });
    expect(decision.outcome !== 'rejected' && decision.events).toEqual([{ type: 'notice-issued', payload: expect.objectContaining({ form: '04', late: false, newDueAt: '2026-01-23T17:00:00+07:00' }) }]);
    expect(decide(extended, notice(at('2026-01-15T10:00:00'), at('2026-01-30T17:00:00'), '13/TB'), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'EXTENSION_ALREADY_USED' } });
  });

  it('must be later than the current due date', () => {
    expect(decide(processing(), notice(at('2026-01-14T10:00:00'), at('2026-01-19T17:00:00')), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'EXTENSION_NOT_LATER', field: 'newDueAt' } });
  });

  it.each([
    ['Fri 16 17:00, one working day before', '2026-01-16T17:00:00', false],
    ['Fri 16 16:00', '2026-01-16T16:00:00', false],
    ['Mon 19 09:00, on the due day', '2026-01-19T09:00:00', true],
    ['Tue 20 09:00, after the due date', '2026-01-20T09:00:00', true],
  ])('issued %s: late = %s', (_case, issuedAt, late) => {
    const extended = must(decide(processing(), notice(at(issuedAt), at('2026-01-30T17:00:00')), ctx));
    expect(extended.extension?.late).toBe(late);
    expect(extended.notices[0].late).toBe(late);
  });

  it('a pause after the extension moves the new due date', () => {
    const extended = must(decide(processing(), notice(at('2026-01-14T10:00:00'), at('2026-01-23T17:00:00')), ctx));
    const paused = must(decide(extended, sync(3, { status: 5, statusChangedAt: at('2026-01-15T10:00:00') }), ctx));
    const resumed = must(decide(paused, sync(4, { status: 4, statusChangedAt: at('2026-01-16T10:00:00') }), ctx));
    expect(resumed.dueAt).toEqual(at('2026-01-26T17:00:00'));
    expect(resumed.extension?.newDueAt).toEqual(at('2026-01-23T17:00:00'));
  });

  it('a later version without notices keeps every notice and the extension', () => {
    const extended = must(decide(processing(), notice(at('2026-01-14T10:00:00'), at('2026-01-23T17:00:00')), ctx));
    const later = must(decide(extended, sync(3, { status: 4, statusChangedAt: at('2026-01-13T09:00:00') }), ctx));
    expect(later.notices).toHaveLength(1);
    expect(later.dueAt).toEqual(at('2026-01-23T17:00:00'));
  });
});

describe('finishing: finishedAt and timeliness', () => {
  const finish = (finishedAt: string, base = must(decide(accepted(), sync(2, { status: 4, statusChangedAt: at('2026-01-13T09:00:00') }), ctx))) =>
    must(decide(base, sync(3, { status: 9, statusChangedAt: at(finishedAt) }), ctx));

  it.each([
    ['2026-01-16T10:00:00', 'EARLY'],
    ['2026-01-19T08:00:00', 'ON_TIME'],
    ['2026-01-19T17:00:00', 'ON_TIME'],
    ['2026-01-19T17:00:01', 'LATE'],
  ])('finished at %s is %s', (finishedAt, timeliness) => {
    const state = finish(finishedAt);
    expect(state).toMatchObject({ status: 9, finishedAt: at(finishedAt), timeliness });
  });

  it('is judged on the extended due date and stays after the return (10)', () => {
    const processing = must(decide(accepted(), sync(2, { status: 4, statusChangedAt: at('2026-01-13T09:00:00') }), ctx));
    const extended = must(decide(processing, { kind: 'issue-notice', notice: { form: '04', number: '1', issuedAt: at('2026-01-14T10:00:00'), signedBy: 'B', reason: 'r', newDueAt: at('2026-01-23T17:00:00') } }, ctx));
    const finished = finish('2026-01-21T10:00:00', extended);
    expect(finished.timeliness).toBe('EARLY');
    const decision = decide(finished, sync(4, { status: 10, statusChangedAt: at('2026-01-22T10:00:00') }), ctx);
    expect(must(decision)).toMatchObject({ status: 10, finishedAt: at('2026-01-21T10:00:00'), timeliness: 'EARLY' });
    expect(decision.outcome !== 'rejected' && decision.events[0].payload).toMatchObject({ to: 10, timeliness: 'EARLY', finishedAt: '2026-01-21T10:00:00+07:00' });
  });

  it('a dossier first seen finished gets its verdict at once', () => {
    expect(seen(DossierStatus.Finished, { statusChangedAt: at('2026-01-20T10:00:00') })).toMatchObject({ finishedAt: at('2026-01-20T10:00:00'), timeliness: 'LATE' });
  });

  it.each([
    [DossierStatus.Finished, '2026-01-16T10:00:00', 'EARLY'],
    [DossierStatus.Returned, '2026-01-16T10:00:00', 'EARLY'],
    [DossierStatus.Returned, '2026-01-20T10:00:00', 'LATE'],
  ])('first seen at %i (changed %s, no change to 9 on record): finished then, %s, and dossier.received says so', (status, changedAt, timeliness) => {
    const decision = decide(null, sync(1, { status, statusChangedAt: at(changedAt) }), ctx);
    expect(must(decision)).toMatchObject({ status, finishedAt: at(changedAt), timeliness });
    expect(decision.outcome !== 'rejected' && decision.events).toEqual([
      { type: 'received', payload: expect.objectContaining({ status, timeliness, finishedAt: `${changedAt}+07:00` }) },
    ]);
  });

  it('first seen returned with the change to 9 among its steps: finished at that step', () => {
    const steps = [{ at: at('2026-01-15T10:00:00'), status: DossierStatus.Finished, handledBy: null, position: null, unit: null, content: null }];
    const decision = decide(null, sync(1, { status: 10, statusChangedAt: at('2026-01-21T10:00:00'), steps }), ctx);
    expect(must(decision)).toMatchObject({ status: 10, finishedAt: at('2026-01-15T10:00:00'), timeliness: 'EARLY' });
    expect(decision.outcome !== 'rejected' && decision.events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ status: 9, timeliness: 'EARLY', finishedAt: '2026-01-15T10:00:00+07:00' }),
      expect.objectContaining({ from: 9, to: 10, timeliness: 'EARLY', finishedAt: '2026-01-15T10:00:00+07:00' }),
    ]);
  });

  it('a dossier not finished carries no verdict in its events', () => {
    const decision = decide(null, sync(1, { status: 4 }), ctx);
    expect(decision.outcome !== 'rejected' && decision.events[0].payload).not.toHaveProperty('timeliness');
    const stopped = decide(must(decision), sync(2, { status: 8, statusChangedAt: at('2026-01-14T10:00:00') }), ctx);
    expect(must(stopped)).toMatchObject({ finishedAt: null, timeliness: null });
    expect(stopped.outcome !== 'rejected' && stopped.events[0].payload).toMatchObject({ to: 8, timeliness: null, finishedAt: null });
  });
});

it('uses its calendar argument, not a global one', () => {
  const closed = WorkingCalendar.compose([CAL_2026], [{ scope: AGENCY, year: 2026, holidays: ['2026-01-13'], workingDays: [] }]);
  const state = must(decide(null, sync(1), { ...ctx, calendar: closed }));
  expect(state.dueAt).toEqual(at('2026-01-20T17:00:00'));
  expect(calendar.isWorkingDay('2026-01-13')).toBe(true);
});
