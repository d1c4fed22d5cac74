import { DOSSIER_STATUSES, DossierStatus } from '@hub/contracts';
import { decide } from './decide';
import { NOTICE_FORMS, type NoticeForm } from './dossier-state';
import { isDueSoon } from './due-clock';
import { AGENCY, at, calendar, content, ctx, seen, sync } from './test-support';
import { watchDue } from './watch';

describe('versions', () => {
  const base = seen(DossierStatus.Accepted);

  it('a higher version replaces the stored state', () => {
    const decision = decide(base, sync(2, { summary: 'Cấp phép' }), ctx);
    expect(decision).toMatchObject({ outcome: 'updated', state: { version: 2, summary: 'Cấp phép' } });
  });

  it('the same version with the same content is unchanged, and changes nothing', () => {
    expect(decide(base, sync(1, { status: DossierStatus.Accepted }), ctx)).toEqual({ outcome: 'unchanged', state: base, events: [] });
  });

  it('the same version with different content is a VERSION_CONFLICT', () => {
    expect(decide(base, sync(1, { summary: 'khác' }), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'VERSION_CONFLICT', field: 'version' } });
  });

  it('a lower version is stale and changes nothing', () => {
    const v3 = decide(base, sync(3, { status: 4 }), ctx);
    if (v3.outcome === 'rejected') throw new Error('v3');
    expect(decide(v3.state, sync(2, { status: 5 }), ctx)).toEqual({ outcome: 'stale', state: v3.state, events: [] });
  });
});

describe('checks of a sync record', () => {
  it('the date part of the code must be the local date of receivedAt', () => {
    // 17:30 UTC on 11 January is 00:30 on 12 January in Vietnam: the code's 260112 is right.
    expect(decide(null, sync(1, { receivedAt: new Date('2026-01-11T17:30:00Z'), statusChangedAt: new Date('2026-01-11T17:30:00Z') }), ctx).outcome).toBe('created');
    expect(decide(null, sync(1, { receivedAt: new Date('2026-01-11T16:30:00Z'), statusChangedAt: new Date('2026-01-11T16:30:00Z') }), ctx)).toMatchObject({
      outcome: 'rejected',
      rejection: { code: 'DOSSIER_CODE_DATE_MISMATCH', field: 'code', params: { expected: '260111' } },
    });
  });

  it('the code must belong to the receiving agency', () => {
    expect(decide(null, sync(1, {}, { code: '000.00.16.H31-260112-0001' }), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'DOSSIER_CODE_AGENCY_MISMATCH', field: 'code' } });
  });

  it('a time more than 5 minutes ahead of the hub is refused; back-filled history is fine', () => {
    const now = at('2026-01-12T10:00:00');
    expect(decide(null, sync(1, { statusChangedAt: at('2026-01-12T10:04:59') }), { ...ctx, now }).outcome).toBe('created');
    expect(decide(null, sync(1, { statusChangedAt: at('2026-01-12T10:05:01') }), { ...ctx, now })).toMatchObject({ outcome: 'rejected', rejection: { code: 'TIME_IN_FUTURE', field: 'statusChangedAt' } });
  });

  it('steps must be in time order, after the receipt', () => {
    const step = (t: string, status: DossierStatus) => ({ at: at(t), status, handledBy: null, position: null, unit: null, content: null });
    expect(decide(null, sync(1, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps: [step('2026-01-13T10:00:00', 2), step('2026-01-12T11:00:00', 4)] }), ctx)).toMatchObject({
      outcome: 'rejected',
      rejection: { code: 'TIME_OUT_OF_ORDER', field: 'steps.1.at' },
    });
    expect(decide(null, sync(1, { steps: [step('2026-01-12T08:00:00', 2)] }), ctx)).toMatchObject({ outcome: 'rejected', rejection: { code: 'TIME_OUT_OF_ORDER', field: 'steps.0.at' } });
  });

  it('a status change dated before the last known change is out of order', () => {
    const processing = decide(seen(DossierStatus.Accepted), sync(2, { status: 4, statusChangedAt: at('2026-01-14T10:00:00') }), ctx);
    if (processing.outcome === 'rejected') throw new Error('setup');
    expect(decide(processing.state, sync(3, { status: 9, statusChangedAt: at('2026-01-13T10:00:00') }), ctx)).toMatchObject({
      outcome: 'rejected',
      rejection: { code: 'TIME_OUT_OF_ORDER', field: 'statusChangedAt' },
    });
  });
});

describe('notices', () => {
  // DOMAIN.md / the issue, written out independently: 01↔2, 02↔5, 03↔3, 05↔8; 04 while the clock runs or is paused.
  const FITS: Record<NoticeForm, number[]> = { '01': [2], '02': [5], '03': [3], '04': [2, 4, 5, 6], '05': [8] };
  const cases = NOTICE_FORMS.flatMap((form) => DOSSIER_STATUSES.map((status) => [form, status] as const));

  it.each(cases)('form %s on a dossier in status %i', (form, status) => {
    const notice = { form, number: '7/TB', issuedAt: at('2026-01-13T09:00:00'), signedBy: 'Trần B', reason: 'Lý do', newDueAt: at('2026-02-27T17:00:00') };
    const decision = decide(seen(status), { kind: 'issue-notice', notice }, ctx);
    if (FITS[form].includes(status)) {
      expect(decision).toMatchObject({ outcome: 'updated', state: { notices: [expect.objectContaining({ form, number: '7/TB', source: 'agency' })] } });
    } else {
      expect(decision).toMatchObject({ outcome: 'rejected', rejection: { code: 'NOTICE_STATUS_MISMATCH', field: 'form', params: { form, status } } });
    }
  });

  it('sync notices are judged on the status at their issue time, only ever added, numbers unique per form', () => {
    const steps = [2, 5, 4].map((status, i) => ({ at: at(`2026-01-${12 + i}T10:00:00`), status, handledBy: null, position: null, unit: null, content: null }));
    const notices = [
      { form: '01' as const, number: '1', issuedAt: at('2026-01-12T10:00:00'), signedBy: 'A', reason: null, newDueAt: null },
      { form: '02' as const, number: '2', issuedAt: at('2026-01-13T10:30:00'), signedBy: 'A', reason: 'Thiếu giấy tờ', newDueAt: null },
    ];
    const created = decide(null, sync(1, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps }, { notices }), ctx);
    expect(created).toMatchObject({ outcome: 'created', state: { notices: [{ form: '01' }, { form: '02' }] } });
    if (created.outcome === 'rejected') return;
    expect(created.events.filter((e) => e.type === 'notice-issued')).toHaveLength(2);
    const again = decide(created.state, sync(2, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps }, { notices }), ctx);
    expect(again).toMatchObject({ outcome: 'updated', state: { notices: [{ form: '01' }, { form: '02' }] }, events: [] });
    const clash = decide(created.state, sync(2, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps }, { notices: [{ ...notices[1], reason: 'khác' }] }), ctx);
    expect(clash).toMatchObject({ outcome: 'rejected', rejection: { code: 'NOTICE_NUMBER_TAKEN', field: 'notices.0.number' } });
    const misfit = decide(null, sync(1, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps }, { notices: [{ ...notices[1], form: '03' }] }), ctx);
    expect(misfit).toMatchObject({ outcome: 'rejected', rejection: { code: 'NOTICE_STATUS_MISMATCH', field: 'notices.0.form' } });
  });
});

describe('a notice recorded on its own (POST .../notices) is judged like a synced one', () => {
  // Accepted Mon 12 Jan 09:00, supplement requested Tue 13 10:00, processing again Wed 14 10:00 (status now 4).
  const steps = [5, 4].map((status, i) => ({ at: at(`2026-01-${13 + i}T10:00:00`), status, handledBy: null, position: null, unit: null, content: null }));
  const backFilled = () => {
    const decision = decide(seen(DossierStatus.Accepted), sync(2, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps }), ctx);
    if (decision.outcome === 'rejected') throw new Error('setup');
    return decision.state;
  };
  const notice = (form: NoticeForm, issuedAt: string) => ({ form, number: `${form}/TB`, issuedAt: at(issuedAt), signedBy: 'Trần B', reason: 'Lý do', newDueAt: at('2026-02-27T17:00:00') });

  it('against the status at its issuedAt, not the status now', () => {
    expect(decide(backFilled(), { kind: 'issue-notice', notice: notice('02', '2026-01-13T11:00:00') }, ctx)).toMatchObject({
      outcome: 'updated',
      state: { status: 4, notices: [expect.objectContaining({ form: '02' })] },
      events: [{ type: 'notice-issued' }],
    });
    expect(decide(backFilled(), { kind: 'issue-notice', notice: notice('02', '2026-01-14T11:00:00') }, ctx)).toMatchObject({
      outcome: 'rejected',
      rejection: { code: 'NOTICE_STATUS_MISMATCH', params: { form: '02', status: 4 } },
    });
    expect(decide(backFilled(), { kind: 'issue-notice', notice: notice('01', '2026-01-12T09:30:00') }, ctx).outcome).toBe('updated');
  });

  const times = ['2026-01-12T09:30:00', '2026-01-13T10:00:00', '2026-01-13T11:00:00', '2026-01-14T10:00:00', '2026-01-15T09:00:00'];
  it.each(NOTICE_FORMS.flatMap((form) => times.map((t) => [form, t] as const)))('form %s issued %s: the same verdict both ways', (form, issuedAt) => {
    const posted = decide(backFilled(), { kind: 'issue-notice', notice: notice(form, issuedAt) }, ctx);
    const synced = decide(backFilled(), sync(3, { status: 4, statusChangedAt: at('2026-01-14T10:00:00'), steps }, { notices: [notice(form, issuedAt)] }), ctx);
    const verdict = (d: ReturnType<typeof decide>) => (d.outcome === 'rejected' ? d.rejection.code : d.state.notices.map((n) => n.form));
    expect(verdict(posted)).toEqual(verdict(synced));
  });
});

describe('online intake through the hub', () => {
  it('emits dossier.received from status 1, and the hub issues form 01 when the agency accepts it', () => {
    const intake = decide(null, { kind: 'intake', code: `${AGENCY}-260112-0001`, content: content({ status: 1, channel: 'ONLINE' }), procedure: sync(1).procedure }, ctx);
    expect(intake).toMatchObject({ outcome: 'created', state: { version: 0, origin: 'hub', status: 1 }, events: [{ type: 'received', payload: { status: 1, source: 'hub' } }] });
    if (intake.outcome === 'rejected') return;
    const accepted = decide(intake.state, sync(1, { status: 2, channel: 'ONLINE', statusChangedAt: at('2026-01-12T10:00:00') }), ctx);
    expect(accepted).toMatchObject({ outcome: 'updated', state: { status: 2, notices: [{ form: '01', source: 'hub', issuedAt: at('2026-01-12T10:00:00') }] } });
    if (accepted.outcome !== 'rejected') expect(accepted.events.map((e) => e.type)).toEqual(['status-changed', 'notice-issued']);
  });
});

describe('supplements', () => {
  it.each(DOSSIER_STATUSES)('from the applicant in status %i', (status) => {
    const decision = decide(seen(status), { kind: 'supplement', at: at('2026-01-13T10:00:00'), note: 'Bản sao CCCD' }, ctx);
    if (status === DossierStatus.SupplementRequested) {
      expect(decision).toMatchObject({ outcome: 'updated', state: { status: 5, supplements: [{ note: 'Bản sao CCCD' }] }, events: [] });
    } else {
      expect(decision).toMatchObject({ outcome: 'rejected', rejection: { code: 'SUPPLEMENT_NOT_REQUESTED', params: { status } } });
    }
  });
});

describe('events', () => {
  it('carry no personal data of the applicant', () => {
    const decision = decide(null, sync(1, { status: 9, statusChangedAt: at('2026-01-15T10:00:00'), applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678', email: 'an@example.vn', address: 'Hà Nội' } }), ctx);
    const json = JSON.stringify(decision.outcome === 'rejected' ? null : decision.events);
    for (const secret of ['Nguyễn', '001086001234', '0912345678', 'an@example.vn', 'Hà Nội']) expect(json).not.toContain(secret);
    expect(json).toContain('"feeTotal":50000');
    expect(json).toContain('"documentsDigitised":true');
  });
});

describe('the overdue watch', () => {
  const processing = seen(DossierStatus.Processing); // due Mon 19 Jan 17:00

  it.each([
    ['Thu 15 10:00: nothing yet', '2026-01-15T10:00:00', null],
    ['Fri 16 17:00: exactly one working day left', '2026-01-16T17:00:00', null],
    ['Mon 19 09:00: due soon', '2026-01-19T09:00:00', 'DUE_SOON'],
    ['Mon 19 17:00:01: overdue', '2026-01-19T17:00:01', 'OVERDUE'],
  ])('%s', (_case, now, flag) => {
    const result = watchDue(processing, at(now), calendar);
    expect(result?.state.dueState ?? null).toBe(flag);
    if (flag) expect(result?.events).toEqual([{ type: flag === 'OVERDUE' ? 'overdue' : 'due-soon', payload: expect.objectContaining({ dossierCode: processing.code, dueAt: '2026-01-19T17:00:00+07:00' }) }]);
  });

  it('flags each dossier once per flag, never finished or paused ones', () => {
    const flagged = watchDue(processing, at('2026-01-20T09:00:00'), calendar);
    expect(flagged && watchDue(flagged.state, at('2026-01-21T09:00:00'), calendar)).toBeNull();
    expect(watchDue(seen(DossierStatus.Finished), at('2026-01-20T09:00:00'), calendar)).toBeNull();
    expect(watchDue(seen(DossierStatus.FeeRequested), at('2026-01-20T09:00:00'), calendar)).toBeNull();
    expect(isDueSoon(calendar, at('2026-01-20T09:00:00'), at('2026-01-19T17:00:00'))).toBe(false);
  });
});
