import { bindRequestContext, newCorrelationId, newTrace, requestContextFor, requestContextOf } from './request-context';

describe('request context', () => {
  it('generates uuid v4 correlation ids', () => {
    expect(newCorrelationId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCorrelationId()).not.toEqual(newCorrelationId());
  });

  it('starts a new trace with a fresh correlation id and no cause', () => {
    const [a, b] = [newTrace(), newTrace()];
    expect(a.correlationId).not.toEqual(b.correlationId);
    expect(a).toEqual({ correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('binds a context to a request object', () => {
    const request = {};
    const ctx = bindRequestContext(request, { correlationId: 'r-1' });
    expect(requestContextOf(request)).toBe(ctx);
    expect(requestContextOf({})).toBeUndefined();
  });

  it('gives a request the hooks did not see a context of its own, the same on every ask', () => {
    const request = {};
    const first = requestContextFor(request);
    expect(requestContextFor(request)).toBe(first);
    expect(requestContextFor({}).correlationId).not.toEqual(first.correlationId);
  });
});
