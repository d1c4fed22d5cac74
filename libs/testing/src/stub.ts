import type { EntityManager } from 'typeorm';
import type { EventDefinition } from '@hub/contracts';
import type { TransactionRunner } from '@hub/persistence';

type Members<T> = { [K in keyof T]?: T[K] };

/**
 * A stand-in for a class, typed against it: every member given is checked against the real signature (a renamed
 * or changed repository method breaks the test), and touching a member not given throws instead of returning
 * undefined. Use it instead of `{ ... } as unknown as XRepository`.
 */
export function stubOf<T extends object>(members: Members<T>, name = 'stub'): T {
  return new Proxy(members, {
    get(target, property) {
      if (property in target) return (target as Record<PropertyKey, unknown>)[property];
      // Probes by Jest and promise resolution, not calls by the code under test.
      if (typeof property === 'symbol' || property === 'then' || property === 'asymmetricMatch') return undefined;
      throw new Error(`${name}.${property} is not stubbed`);
    },
  }) as T;
}

/** Runs the work at once with a placeholder transaction, for use-case unit tests. */
export function inlineTransactions(tx: EntityManager = {} as EntityManager): TransactionRunner {
  return { run: (work) => work(tx) };
}

/** The shape of `OutboxWriter.append` (libs/messaging), restated here: messaging's own tests use this library. */
type AppendFn = (tx: EntityManager, def: EventDefinition<object>, payload: object, trace: { correlationId: string; causationId?: string }) => Promise<{ eventId: string; topic: string; key: string }>;

/**
 * An outbox for use-case unit tests: `append` is a Jest mock that answers what the real writer would (the key
 * from the event's definition). Pass it as `stubOf<OutboxWriter>(recordingOutbox())`, which checks it against
 * the real signature.
 */
export function recordingOutbox(): { append: jest.MockedFunction<AppendFn> } {
  let sequence = 0;
  const append = jest.fn<ReturnType<AppendFn>, Parameters<AppendFn>>(async (_tx, def, payload) => ({
    eventId: `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    topic: def.topic,
    key: def.keyOf(payload),
  }));
  return { append };
}
