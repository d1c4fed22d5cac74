import {
  bindRequestContext,
  currentContext,
  currentCorrelationId,
  newCorrelationId,
  requestContextOf,
  runWithContext,
} from './request-context';

describe('request context', () => {
  it('is empty outside runWithContext', () => {
    expect(currentContext()).toBeUndefined();
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('follows async continuations and returns the function result', async () => {
    const result = await runWithContext({ correlationId: 'c-1', causationId: 'e-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { id: currentCorrelationId(), causation: currentContext()?.causationId };
    });
    expect(result).toEqual({ id: 'c-1', causation: 'e-1' });
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps concurrent contexts apart', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((id, i) =>
        runWithContext({ correlationId: id }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5 - i));
          return currentCorrelationId();
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('generates uuid v4 correlation ids', () => {
    expect(newCorrelationId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCorrelationId()).not.toEqual(newCorrelationId());
  });

  it('binds a context to a request object', () => {
    const request = {};
    const ctx = bindRequestContext(request, { correlationId: 'r-1' });
    expect(requestContextOf(request)).toBe(ctx);
    expect(requestContextOf({})).toBeUndefined();
  });
});
