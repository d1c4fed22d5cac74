import type { EventDefinition } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { ConsumedEvent } from './consumed-event';

export const CONSUME_EVENT = Symbol('CONSUME_EVENT');

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

export type EventHandlerFn<P = object> = (event: ConsumedEvent<P>, tx: EntityManager) => Promise<void>;
