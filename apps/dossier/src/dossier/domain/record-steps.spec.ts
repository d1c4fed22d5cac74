import { DossierStatus } from '@hub/contracts';
import { decide } from './decide';
import type { Step } from './dossier-state';
import { mergeSteps, resolveHubOrdered } from './hub-ordered';
import { planRecordedSteps } from './record-steps';
import { at, ctx, NOW, seen, sync } from './test-support';

const step = (local: string, status: DossierStatus, content: string | null = null): Step => ({ at: at(local), status, handledBy: 'Cán bộ', position: null, unit: null, content });

describe('progress steps (record-steps)', () => {
  const accepted = seen(DossierStatus.Accepted);

  it('moves the status through the machine in time order, whatever order the steps came in, and emits the changes', () => {
    const decision = decide(accepted, { kind: 'record-steps', steps: [step('2026-01-14T09:00:00', 9, 'Xong'), step('2026-01-13T09:00:00', 4, 'Chuyển xử lý')] }, ctx);
    if (decision.outcome === 'rejected') throw new Error(JSON.stringify(decision));
    expect(decision.outcome).toBe('updated');
    expect(decision.state.status).toBe(9);
    expect(decision.state.steps.map((s) => s.status)).toEqual([4, 9]);
    expect(decision.state.history.map((h) => [h.from, h.to])).toEqual([[null, 2], [2, 4], [4, 9]]);
    expect(decision.state.finishedAt).toEqual(at('2026-01-14T09:00:00'));
    expect(decision.state.version).toBe(accepted.version);
    expect(decision.events.map((e) => e.type)).toEqual(['status-changed', 'status-changed']);
  });

  it('a step known by time, status and content changes nothing; the same time and status with other content is a new step', () => {
    const once = decide(accepted, { kind: 'record-steps', steps: [step('2026-01-13T09:00:00', 4, 'A')] }, ctx);
    if (once.outcome === 'rejected') throw new Error('once');
    expect(decide(once.state, { kind: 'record-steps', steps: [step('2026-01-13T09:00:00', 4, 'A'), step('2026-01-13T09:00:00', 4, 'A')] }, ctx)).toEqual({ outcome: 'unchanged', state: once.state, events: [] });
    const other = decide(once.state, { kind: 'record-steps', steps: [step('2026-01-13T09:00:00', 4, 'B')] }, ctx);
    expect(other).toMatchObject({ outcome: 'updated', events: [] });
    if (other.outcome !== 'rejected') expect(other.state.steps).toHaveLength(2);
  });

  it('a step older than the last status change is history only: recorded, the status does not move back', () => {
    const processing = decide(accepted, { kind: 'record-steps', steps: [step('2026-01-14T09:00:00', 4)] }, ctx);
    if (processing.outcome === 'rejected') throw new Error('processing');
    const late = decide(processing.state, { kind: 'record-steps', steps: [step('2026-01-13T09:00:00', 5, 'Yêu cầu bổ sung')] }, ctx);
    expect(late).toMatchObject({ outcome: 'updated', state: { status: 4 }, events: [] });
  });

  it('refuses a transition the machine forbids, a step before receipt and one in the future, naming the step', () => {
    expect(planRecordedSteps(accepted, [step('2026-01-13T09:00:00', 10)], NOW)).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', field: 'steps.0.status' });
    expect(planRecordedSteps(accepted, [step('2026-01-12T08:00:00', 4)], NOW)).toMatchObject({ code: 'TIME_OUT_OF_ORDER', field: 'steps.0.at' });
    expect(planRecordedSteps(accepted, [step('2026-01-13T09:00:00', 4), step('2026-07-01T09:00:00', 9)], NOW)).toMatchObject({ code: 'TIME_IN_FUTURE', field: 'steps.1.at' });
  });
});

describe('hub-ordered sync records (no version, no statusChangedAt)', () => {
  const now = at('2026-01-20T10:00:00');

  it('first sight: version 1, status time = receipt', () => {
    const command = resolveHubOrdered(sync(0, { status: 10 }), { version: true, statusChangedAt: true }, null, now);
    expect(command.version).toBe(1);
    expect(command.content.statusChangedAt).toEqual(command.content.receivedAt);
  });

  it('the same record again keeps the stored version (unchanged); another one takes the next version', () => {
    const stored = seen(DossierStatus.Accepted);
    const same = resolveHubOrdered(sync(0, {}, { contentHash: stored.contentHash }), { version: true, statusChangedAt: true }, stored, now);
    expect(decide(stored, same, ctx).outcome).toBe('unchanged');
    const changed = resolveHubOrdered(sync(0, { status: 4 }), { version: true, statusChangedAt: true }, stored, now);
    expect(changed.version).toBe(stored.version + 1);
    expect(changed.content.statusChangedAt).toEqual(now);
    expect(decide(stored, changed, ctx)).toMatchObject({ outcome: 'updated', state: { status: 4, version: 2 } });
  });

  it('an unchanged status keeps its stored time; the record’s steps are added to the known ones', () => {
    const stored = decide(seen(DossierStatus.Accepted), { kind: 'record-steps', steps: [step('2026-01-13T09:00:00', 4, 'A')] }, ctx);
    if (stored.outcome === 'rejected') throw new Error('stored');
    const command = resolveHubOrdered(sync(0, { status: 4, summary: 'x', steps: [step('2026-01-13T09:00:00', 4, 'A'), step('2026-01-13T10:00:00', 4, 'B')] }), { version: true, statusChangedAt: true }, stored.state, now);
    expect(command.content.statusChangedAt).toEqual(stored.state.statusChangedAt);
    expect(command.content.steps.map((s) => s.content)).toEqual(['A', 'B']);
  });

  it('mergeSteps: a bare status marker adds nothing when a step of the same time and status is known', () => {
    const detailed = step('2026-01-13T09:00:00', 9, 'Phê duyệt');
    const bare: Step = { at: at('2026-01-13T09:00:00'), status: 9, handledBy: null, position: null, unit: null, content: null };
    expect(mergeSteps([detailed], [bare])).toEqual([detailed]);
    expect(mergeSteps([], [bare])).toEqual([bare]);
  });

  it('mergeSteps keeps time order and drops duplicates', () => {
    const a = step('2026-01-13T09:00:00', 4, 'A');
    const b = step('2026-01-12T10:00:00', 2, 'B');
    expect(mergeSteps([a], [a, b, b]).map((s) => s.content)).toEqual(['B', 'A']);
  });
});
