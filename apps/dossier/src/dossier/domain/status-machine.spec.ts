import { DOSSIER_STATUSES, DossierStatus } from '@hub/contracts';
import { decide } from './decide';
import { finishingChange } from './status-machine';
import { at, ctx, seen, sync } from './test-support';

// DOMAIN.md, written out independently of the table under test.
const ALLOWED = new Set(['1>2', '1>3', '1>7', '2>4', '2>5', '2>6', '2>7', '2>8', '4>5', '4>6', '4>9', '4>7', '4>8', '5>4', '5>7', '5>8', '6>4', '6>9', '6>7', '6>8', '9>10']);
const PAIRS = DOSSIER_STATUSES.flatMap((from) => DOSSIER_STATUSES.map((to) => [from, to] as const));

describe('the status machine over every pair of statuses (sync)', () => {
  it.each(PAIRS)('%i → %i', (from, to) => {
    const state = seen(from);
    const decision = decide(state, sync(2, { status: to, statusChangedAt: at('2026-01-13T10:00:00') }), ctx);
    if (from === to) {
      expect(decision.outcome).toBe('updated');
      if (decision.outcome !== 'rejected') {
        expect(decision.events).toEqual([]);
        expect(decision.state.history).toHaveLength(1);
      }
    } else if (ALLOWED.has(`${from}>${to}`)) {
      expect(decision.outcome).toBe('updated');
      if (decision.outcome === 'rejected') return;
      expect(decision.state.status).toBe(to);
      expect(decision.state.history.at(-1)).toEqual({ from, to, at: at('2026-01-13T10:00:00'), source: 'sync', version: 2 });
      expect(decision.events.map((e) => [e.type, e.payload])).toEqual([['status-changed', expect.objectContaining({ from, to, revision: 2, source: 'sync' })]]);
    } else {
      expect(decision).toEqual({
        outcome: 'rejected',
        rejection: expect.objectContaining({ code: 'INVALID_STATUS_TRANSITION', field: 'status', params: { current: from, requested: to } }),
      });
      if (decision.outcome === 'rejected') expect(decision.rejection.message).toContain(`status ${from} cannot move to status ${to}`);
    }
  });
});

describe('the applicant withdraws through the portal', () => {
  it.each(DOSSIER_STATUSES)('from status %i', (from) => {
    const decision = decide(seen(from), { kind: 'withdraw', at: at('2026-01-13T10:00:00') }, ctx);
    if (ALLOWED.has(`${from}>7`)) {
      expect(decision.outcome).toBe('updated');
      if (decision.outcome !== 'rejected') {
        expect(decision.state.status).toBe(DossierStatus.Withdrawn);
        expect(decision.state.history.at(-1)).toMatchObject({ from, to: 7, source: 'portal' });
        expect(decision.events[0]).toMatchObject({ type: 'status-changed', payload: { from, to: 7, source: 'portal' } });
      }
    } else {
      expect(decision).toMatchObject({ outcome: 'rejected', rejection: { code: 'INVALID_STATUS_TRANSITION', params: { current: from, requested: 7 } } });
    }
  });
});

describe('first sight', () => {
  it.each(DOSSIER_STATUSES)('may start at status %i and emits dossier.received', (status) => {
    const decision = decide(null, sync(1, { status }), ctx);
    expect(decision.outcome).toBe('created');
    if (decision.outcome === 'rejected') return;
    expect(decision.state.history).toEqual([{ from: null, to: status, at: at('2026-01-12T09:00:00'), source: 'sync', version: 1 }]);
    expect(decision.events).toEqual([{ type: 'received', payload: expect.objectContaining({ status, revision: 1, source: 'sync' }) }]);
  });

  it('checks the steps of a back-filled record in order, from the first step', () => {
    const steps = [2, 4, 5, 4, 9].map((status, i) => ({ at: at(`2026-01-${12 + i}T10:00:00`), status, handledBy: null, position: null, unit: null, content: null }));
    const decision = decide(null, sync(1, { status: 10, statusChangedAt: at('2026-01-19T10:00:00'), steps }), ctx);
    expect(decision.outcome).toBe('created');
    if (decision.outcome === 'rejected') return;
    expect(decision.state.history.map((c) => [c.from, c.to])).toEqual([[null, 2], [2, 4], [4, 5], [5, 4], [4, 9], [9, 10]]);
    expect(decision.events.map((e) => e.type)).toEqual(['received', 'status-changed', 'status-changed', 'status-changed', 'status-changed', 'status-changed']);
    expect(decision.events.map((e) => ('revision' in e.payload ? e.payload.revision : 0))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(decision.state.finishedAt).toEqual(at('2026-01-16T10:00:00'));
  });

  it('rejects a forbidden change inside the steps and names the step', () => {
    const steps = [2, 9].map((status, i) => ({ at: at(`2026-01-${12 + i}T10:00:00`), status, handledBy: null, position: null, unit: null, content: null }));
    const decision = decide(null, sync(1, { status: 9, statusChangedAt: at('2026-01-13T10:00:00'), steps }), ctx);
    expect(decision).toMatchObject({ outcome: 'rejected', rejection: { code: 'INVALID_STATUS_TRANSITION', field: 'steps.1.status', params: { current: 2, requested: 9 } } });
  });

  it('checks new steps of a known dossier from its last known status', () => {
    const state = seen(DossierStatus.Processing);
    const steps = [{ at: at('2026-01-13T10:00:00'), status: DossierStatus.Refused, handledBy: null, position: null, unit: null, content: null }];
    const decision = decide(state, sync(2, { status: 4, steps }), ctx);
    expect(decision).toMatchObject({ outcome: 'rejected', rejection: { code: 'INVALID_STATUS_TRANSITION', field: 'steps.0.status', params: { current: 4, requested: 3 } } });
  });
});

describe('finishing (DOMAIN.md: reaching 9, or 10 directly when 9 was skipped; the first of those)', () => {
  const change = (from: DossierStatus | null, to: DossierStatus, day: number) => ({ from, to, at: at(`2026-01-${10 + day}T10:00:00`) });

  it.each(DOSSIER_STATUSES)('a dossier first seen at status %i', (status) => {
    const finishing = status === DossierStatus.Finished || status === DossierStatus.Returned;
    expect(finishingChange([change(null, status, 2)])).toEqual(finishing ? change(null, status, 2) : null);
  });

  it('is the change to 9 when there is one, not the return after it', () => {
    expect(finishingChange([change(null, 2, 2), change(2, 4, 3), change(4, 9, 4), change(9, 10, 5)])).toEqual(change(4, 9, 4));
  });

  it('is nothing while the dossier runs or when it ended without a result', () => {
    expect(finishingChange([])).toBeNull();
    expect(finishingChange([change(null, 2, 2), change(2, 4, 3), change(4, 8, 4)])).toBeNull();
  });
});
