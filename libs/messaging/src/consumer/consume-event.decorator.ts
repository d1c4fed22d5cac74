import type { EventDefinition } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { ConsumedEvent } from './consumed-event';

export const CONSUME_EVENT = Symbol('CONSUME_EVENT');
export const CONSUME_EVENT_BATCH = Symbol('CONSUME_EVENT_BATCH');

/**
 * Marks a provider method as the service's handler of one event. The method receives the validated
 * event and the transaction in which the inbox row is written: write state through `tx` so applying
 * the event and recording it as applied commit together. Keep handlers thin: call a use case.
 */
export function ConsumeEvent(def: EventDefinition): MethodDecorator {
  return (_target, _property, descriptor) => {
    Reflect.defineMetadata(CONSUME_EVENT, def, descriptor.value as object);
    return descriptor;
  };
}

/**
 * Like `@ConsumeEvent`, but the method receives every new event of a chunk at once (in partition order, duplicates
 * already dropped by the inbox), so a hot read model can apply them with a few multi-row statements instead of a
 * few statements per event. When the chunk fails, the processor falls back to one event per call (a one-element
 * array, with its own savepoint), exactly as for `@ConsumeEvent`. Use it only when applying the events together is
 * the same as applying them one after another.
 */
export function ConsumeEventBatch(def: EventDefinition): MethodDecorator {
  return (_target, _property, descriptor) => {
    Reflect.defineMetadata(CONSUME_EVENT_BATCH, def, descriptor.value as object);
    return descriptor;
  };
}

export type EventHandlerFn<P = object> = (event: ConsumedEvent<P>, tx: EntityManager) => Promise<void>;
export type EventBatchHandlerFn<P = object> = (events: ConsumedEvent<P>[], tx: EntityManager) => Promise<void>;
