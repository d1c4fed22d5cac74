/* eslint-disable @typescript-eslint/no-require-imports */
// Guards the request-queue half of patches/kafkajs+2.2.4.patch: kafkajs 2.2.4 re-arms a timer on every broker
// connection's request queue after each check, with a negative delay (1 ms) when nothing is throttled, so every
// connection polls its empty queue about a thousand times a second for as long as it is open
// (tulios/kafkajs#1556, #1704). Patched, a queue arms its timer only while a request waits or a throttle runs.
const RequestQueue = require('kafkajs/src/network/requestQueue');

const silentLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

interface Sent {
  correlationId: number;
}

function queue(maxInFlightRequests: number) {
  const sent: Sent[] = [];
  const q = new RequestQueue({ maxInFlightRequests, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: 'b:9092', logger: silentLogger });
  let next = 1;
  const push = () => {
    const correlationId = next++;
    return new Promise((resolve, reject) => {
      q.push({
        entry: { correlationId, apiKey: 0, apiName: 'Produce', apiVersion: 3, resolve, reject },
        expectResponse: true,
        sendRequest: () => sent.push({ correlationId }),
      });
    });
  };
  const answer = (correlationId: number) => q.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
  return { q, sent, push, answer };
}

describe('kafkajs patch: request queue timer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('leaves no timer behind once every request is answered', async () => {
    const { sent, push, answer } = queue(5);
    const answered = push();
    answer(sent[0].correlationId);
    await answered;

    jest.advanceTimersByTime(1_000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request that waited for a free in-flight slot, when the slot frees', async () => {
    const { sent, push, answer } = queue(1);
    const first = push();
    const second = push();
    expect(sent.map((s) => s.correlationId)).toEqual([1]);

    answer(1);
    await first;
    expect(sent.map((s) => s.correlationId)).toEqual([1, 2]);
    answer(2);
    await second;
    jest.advanceTimersByTime(1_000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sends a request held back by a broker throttle when the throttle ends, then stops its timer', async () => {
    const { q, sent, push, answer } = queue(5);
    q.maybeThrottle(200);
    const held = push();
    jest.advanceTimersByTime(150);
    expect(sent).toEqual([]);

    jest.advanceTimersByTime(100);
    expect(sent.map((s) => s.correlationId)).toEqual([1]);
    answer(1);
    await held;
    jest.advanceTimersByTime(1_000);
    expect(jest.getTimerCount()).toBe(0);
  });
});
